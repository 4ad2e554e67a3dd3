import { readFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { MIGRATIONS_DIR, type Database } from './client.js';

/** drizzle's own bookkeeping table (not part of our schema; read only for /api/health). */
const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

type Journal = { entries: { idx: number; tag: string; when: number }[] };

function readJournal(): Journal {
  return JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as Journal;
}

export type SchemaVersion = { applied: number; latest: string | null; expected: number };

/** How many migrations the database has applied, and the tag of the newest applied one. */
export async function schemaVersion(database: Database): Promise<SchemaVersion> {
  const journal = readJournal();
  const [row] = await database.db.select({ n: count() }).from(appliedMigrations);
  const applied = row?.n ?? 0;
  const latest = journal.entries[applied - 1]?.tag ?? null;
  return { applied, latest, expected: journal.entries.length };
}
