import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobPostings } from './jobs.schema.js';

export type JobRow = typeof jobPostings.$inferSelect;

export async function findPublishedPage(
  db: DbOrTx,
  opts: { regionPattern?: string; kind?: JobRow['kind']; page: number; pageSize: number },
): Promise<{ rows: JobRow[]; total: number }> {
  const conds: SQL[] = [eq(jobPostings.status, 'published')];
  if (opts.regionPattern) conds.push(like(jobPostings.townCode, opts.regionPattern));
  if (opts.kind) conds.push(eq(jobPostings.kind, opts.kind));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(jobPostings)
    .where(where)
    .orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [total] = await db.select({ n: count() }).from(jobPostings).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function insertJobs(db: DbOrTx, rows: (typeof jobPostings.$inferInsert)[], batchSize = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await db.insert(jobPostings).values(rows.slice(i, i + batchSize));
}
