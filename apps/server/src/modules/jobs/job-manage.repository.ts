import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { jobPostings } from './jobs.schema.js';
import type { JobRow, JobStatus } from './jobs.repository.js';

export type StaffJobFilter = {
  regionPattern: string;
  occupationId?: string;
  kind?: JobRow['kind'];
  status?: JobStatus;
  titleContains?: string;
};

function whereOf(f: StaffJobFilter): SQL | undefined {
  const conds: SQL[] = [like(jobPostings.townCode, f.regionPattern)];
  if (f.occupationId) conds.push(eq(jobPostings.occupationId, f.occupationId));
  if (f.kind) conds.push(eq(jobPostings.kind, f.kind));
  if (f.status) conds.push(eq(jobPostings.status, f.status));
  if (f.titleContains) conds.push(like(jobPostings.title, `%${f.titleContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return and(...conds);
}

/** 岗位管理: postings in a region subtree with the console filters, most recently changed first. */
export async function findJobsPageForStaff(db: DbOrTx, f: StaffJobFilter, slice: Slice): Promise<Fetched<JobRow>> {
  const where = whereOf(f);
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
