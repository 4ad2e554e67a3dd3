import { arrayOverlaps, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { workerProfiles } from './workers.schema.js';
import type { WorkerRow } from './workers.repository.js';

/** The profile of an app user (the worker identity of a logged-in person). */
export async function findWorkerByUserId(db: DbOrTx, userId: string): Promise<WorkerRow | undefined> {
  const rows = await db.select().from(workerProfiles).where(eq(workerProfiles.userId, userId)).limit(1);
  return rows[0];
}

export async function findWorkersByIds(db: DbOrTx, ids: string[]): Promise<WorkerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(workerProfiles).where(inArray(workerProfiles.id, ids));
}

/** Candidates for a job (查找雇员): workers wanting any of these 工种, most recently updated first. */
export async function findWorkersForMatching(db: DbOrTx, occupationIds: string[], limit: number): Promise<WorkerRow[]> {
  if (occupationIds.length === 0) return [];
  return db
    .select()
    .from(workerProfiles)
    .where(arrayOverlaps(workerProfiles.occupationIds, occupationIds))
    .orderBy(desc(workerProfiles.updatedAt))
    .limit(limit);
}

export { findWorkerById, type WorkerRow } from './workers.repository.js';
