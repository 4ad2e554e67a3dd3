// Shared helpers for the root scripts (start, test, dev): dependency install and web build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${res.status})`);
    process.exit(res.status ?? 1);
  }
}

function newestMtime(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p, skip) : statSync(p).mtimeMs);
  }
  return newest;
}

/** npm install when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('→ 安装依赖 (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

/** Build the web apps when dist is missing or older than their sources. */
export function ensureWebBuild({ force = false } = {}) {
  const stamp = path.join(root, 'apps/web/dist/.build-stamp');
  const skip = new Set(['node_modules', 'dist']);
  const sources = Math.max(
    newestMtime(path.join(root, 'apps/web'), skip),
    newestMtime(path.join(root, 'packages/contracts/src'), skip),
  );
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  console.log('→ 构建前端 (vite build)…');
  run('npm', ['run', 'build', '-w', 'apps/web']);
  writeFileSync(stamp, new Date().toISOString());
}
