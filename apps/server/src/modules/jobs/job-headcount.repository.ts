import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobPostings } from './jobs.schema.js';
import type { JobRow } from './jobs.repository.js';
import { jobsChanged } from './job-list-cache.js';

/**
 * The job row locked FOR UPDATE in the caller's transaction: concurrent hires of one job queue
 * here, so the headcount check that follows sees every earlier hire (applications flow).
 */
export async function lockJobForUpdate(tx: DbOrTx, jobId: string): Promise<JobRow | undefined> {
  const rows = await tx.select().from(jobPostings).where(eq(jobPostings.id, jobId)).for('update');
  return rows[0];
}

/** Full (filled) or open again (published) after hires and cancellations; only between the two. */
export async function setJobFilled(tx: DbOrTx, jobId: string, filled: boolean, now: Date): Promise<void> {
  await tx
    .update(jobPostings)
    .set({ status: filled ? 'filled' : 'published', updatedAt: now, closedAt: filled ? now : null })
    .where(and(eq(jobPostings.id, jobId), inArray(jobPostings.status, filled ? ['published'] : ['filled'])));
  jobsChanged();
}

/** Published jobs to score for recommendations (newest first, bounded). */
export async function findPublishedForMatching(db: DbOrTx, limit: number): Promise<JobRow[]> {
  return db
    .select()
    .from(jobPostings)
    .where(eq(jobPostings.status, 'published'))
    .orderBy(desc(jobPostings.publishedAt))
    .limit(limit);
}

export { findJobById, findJobsByIds } from './jobs.repository.js';
export type { JobRow } from './jobs.repository.js';
