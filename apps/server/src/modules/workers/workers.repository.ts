import { count, desc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { workerProfiles } from './workers.schema.js';

export type WorkerRow = typeof workerProfiles.$inferSelect;

export async function findWorkersPage(db: DbOrTx, opts: { regionPattern: string; page: number; pageSize: number }) {
  const where = like(workerProfiles.homeRegionCode, opts.regionPattern);
  const rows = await db
    .select()
    .from(workerProfiles)
    .where(where)
    .orderBy(desc(workerProfiles.createdAt), desc(workerProfiles.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [total] = await db.select({ n: count() }).from(workerProfiles).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findWorkerById(db: DbOrTx, id: string): Promise<WorkerRow | undefined> {
  const rows = await db.select().from(workerProfiles).where(eq(workerProfiles.id, id)).limit(1);
  return rows[0];
}

/** Multi-row insert in batches (bulk seeding and imports). */
export async function insertWorkers(db: DbOrTx, rows: (typeof workerProfiles.$inferInsert)[], batchSize = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db.insert(workerProfiles).values(rows.slice(i, i + batchSize)).onConflictDoNothing();
  }
}
