import { and, count, desc, eq, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { jobPostings } from './jobs.schema.js';
import { jobsChanged } from './job-list-cache.js';

export type JobRow = typeof jobPostings.$inferSelect;
/** Insert values; `searchTokens` takes the SQL of `jobSearchVector`. */
export type JobInsert = PgInsertValue<typeof jobPostings>;
export type JobUpdate = PgUpdateSetSource<typeof jobPostings>;
export type JobStatus = JobRow['status'];

export async function insertJobs(db: DbOrTx, rows: JobInsert[], batchSize = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await db.insert(jobPostings).values(rows.slice(i, i + batchSize));
  jobsChanged();
}

export async function insertJob(db: DbOrTx, values: JobInsert): Promise<JobRow> {
  const [row] = await db.insert(jobPostings).values(values).returning();
  jobsChanged();
  if (!row) throw new Error('insertJob returned no row');
  return row;
}

export async function findJobById(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const rows = await db.select().from(jobPostings).where(eq(jobPostings.id, id)).limit(1);
  return rows[0];
}

export async function findJobsByIds(db: DbOrTx, ids: string[]): Promise<JobRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(jobPostings).where(inArray(jobPostings.id, ids));
}

/** Update a job only while it is in one of `from` statuses; returns undefined when it moved on. */
export async function updateJobIfStatus(
  db: DbOrTx,
  id: string,
  from: readonly JobStatus[],
  values: JobUpdate,
): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobPostings)
    .set(values)
    .where(and(eq(jobPostings.id, id), inArray(jobPostings.status, [...from])))
    .returning();
  jobsChanged();
  return row;
}

export async function findJobsPageByEmployer(
  db: DbOrTx,
  opts: { employerId: string; status?: JobStatus },
  slice: Slice,
): Promise<Fetched<JobRow>> {
  const conds: SQL[] = [eq(jobPostings.employerId, opts.employerId)];
  if (opts.status) conds.push(eq(jobPostings.status, opts.status));
  const where = and(...conds);
  const items = await db
    .select()
    .from(jobPostings)
    .where(where)
    .orderBy(desc(jobPostings.updatedAt), desc(jobPostings.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(jobPostings).where(where);
  return { items, total: total?.n ?? 0 };
}

/** The review queue: postings of one status in a region subtree, oldest submission first. */
export async function findJobsPageForReview(
  db: DbOrTx,
  opts: { regionPattern: string; status: JobStatus },
  slice: Slice,
): Promise<Fetched<JobRow>> {
  const where = and(eq(jobPostings.status, opts.status), like(jobPostings.townCode, opts.regionPattern));
  const items = await db
    .select()
    .from(jobPostings)
    .where(where)
    .orderBy(sql`${jobPostings.submittedAt} asc nulls last`, jobPostings.id)
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(jobPostings).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Published or waiting postings whose end date is before `today` become expired; returns their ids. */
export async function expireEndedJobs(db: DbOrTx, today: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(jobPostings)
    .set({ status: 'expired', closedAt: now, updatedAt: now })
    .where(
      and(
        or(eq(jobPostings.status, 'published'), eq(jobPostings.status, 'pending_review')),
        lt(jobPostings.endDate, today),
      ),
    )
    .returning({ id: jobPostings.id });
  if (rows.length > 0) jobsChanged();
  return rows.map((r) => r.id);
}

/** Postings of one employer counted by status (the staff detail drawer). */
export async function countJobsByStatusForEmployer(
  db: DbOrTx,
  employerId: string,
): Promise<{ status: JobStatus; n: number }[]> {
  return db
    .select({ status: jobPostings.status, n: count() })
    .from(jobPostings)
    .where(eq(jobPostings.employerId, employerId))
    .groupBy(jobPostings.status);
}
