import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema.js';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export type Schema = typeof schema;
/** The database handle every repository takes: PGlite and node-postgres share this shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Apply every committed migration not yet applied (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Open the database: PostgreSQL when `databaseUrl` is given, otherwise embedded PGlite with its
 * files under `<dataDir>/pglite` (or in memory when `dataDir` is 'memory://').
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, forced drop) must not crash the process,
    // but it must not pass silently either: the next query reconnects.
    pool.on('error', (err) => console.warn(`postgres idle client error: ${err.message}`));
    await pool.query('select 1');
    const pgDb = drizzlePg(pool, { schema });
    return {
      db: pgDb,
      kind: 'postgres',
      migrate: () => migratePg(pgDb, { migrationsFolder: MIGRATIONS_DIR }),
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (options.dataDir === 'memory://') {
    client = new PGlite();
  } else {
    const dir = path.join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  const liteDb = drizzlePglite(client, { schema });
  return {
    db: liteDb,
    kind: 'pglite',
    migrate: () => migratePglite(liteDb, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
  };
}
