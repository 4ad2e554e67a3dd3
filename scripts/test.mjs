// npm test: every suite — unit, integration (PGlite, or PostgreSQL when DATABASE_URL is set),
// then the browser journeys in e2e/ against a fresh build. E2E is skipped, loudly, only when
// Chromium is missing and CI is unset.
import { existsSync } from 'node:fs';
import { ensureDependencies, ensureWebBuild, run } from './lib.mjs';

ensureDependencies();
const db = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite';
console.log(`\n=== unit + integration tests on ${db} ===`);
run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'integration']);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`✗ Chromium not found at ${chromium}; CI must install it (.ci/run).`);
    process.exit(1);
  }
  console.warn(
    '\n' +
      '!'.repeat(72) +
      `\n!! E2E SKIPPED: Chromium not found at ${chromium}.\n!! Install it: apt-get install -y chromium fonts-noto-cjk\n` +
      '!'.repeat(72) +
      '\n',
  );
  process.exit(0);
}
ensureWebBuild();
console.log(`\n=== e2e (Chromium) on ${db} ===`);
run('npx', ['vitest', 'run', '--project', 'e2e']);
