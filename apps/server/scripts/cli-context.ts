import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createPii } from '../src/platform/pii.js';
import { seedBaseData } from '../src/db/seed-base.js';

/** Config, a migrated database with reference data, and PII keys, for maintenance CLIs. */
export async function openCliContext() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  await seedBaseData(database.db);
  return { config, database, pii: createPii(config) };
}

/** `--name value` pairs from argv. */
export function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a?.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out.set(a.slice(2), next);
        i++;
      } else out.set(a.slice(2), 'true');
    }
  }
  return out;
}
