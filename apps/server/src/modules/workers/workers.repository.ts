import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { workerProfiles } from './workers.schema.js';

export type WorkerRow = typeof workerProfiles.$inferSelect;

export async function findWorkerById(db: DbOrTx, id: string): Promise<WorkerRow | undefined> {
  const rows = await db.select().from(workerProfiles).where(eq(workerProfiles.id, id)).limit(1);
  return rows[0];
}

/** Multi-row insert in batches (bulk seeding and imports). */
export async function insertWorkers(
  db: DbOrTx,
  rows: (typeof workerProfiles.$inferInsert)[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insert(workerProfiles)
      .values(rows.slice(i, i + batchSize))
      .onConflictDoNothing();
  }
}
