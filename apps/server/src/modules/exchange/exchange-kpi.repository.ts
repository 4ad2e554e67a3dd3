import { and, asc, count, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { jobPostings } from '../jobs/index.js';
import { exchangeRecords } from './exchange.schema.js';

// 录入"数智人社"岗位信息: job records the province accepted, counted by the Shanghai month of the
// acknowledgement, with the rows behind the figure.

type RegionWindow = { regionPattern: string; start?: Date; end?: Date };

function acceptedJobs(w: RegionWindow): SQL[] {
  return [
    eq(exchangeRecords.dataset, 'job_postings'),
    eq(exchangeRecords.state, 'accepted'),
    like(exchangeRecords.regionCode, w.regionPattern),
    ...(w.start ? [gte(exchangeRecords.acceptedAt, w.start)] : []),
    ...(w.end ? [lte(exchangeRecords.acceptedAt, w.end)] : []),
  ];
}

/** Accepted job records per Shanghai month ('YYYY-MM'). */
export async function countAcceptedJobRecordsByMonth(db: DbOrTx, w: RegionWindow): Promise<Map<string, number>> {
  const month = sql<string>`to_char((${exchangeRecords.acceptedAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
  const rows = await db
    .select({ month, n: count() })
    .from(exchangeRecords)
    .where(and(...acceptedJobs(w)))
    .groupBy(month);
  return new Map(rows.map((r) => [r.month, r.n]));
}

export type AcceptedJobRecord = {
  id: string;
  jobId: string;
  title: string;
  townCode: string;
  receiptId: string | null;
  acceptedAt: Date;
};

/** The accepted job records in a window, oldest acknowledgement first. */
export async function findAcceptedJobRecords(
  db: DbOrTx,
  w: RegionWindow,
  slice: Slice,
): Promise<Fetched<AcceptedJobRecord>> {
  const where = and(...acceptedJobs(w));
  const items = await db
    .select({
      id: exchangeRecords.id,
      jobId: exchangeRecords.sourceId,
      title: sql<string>`coalesce(${jobPostings.title}, '')`,
      townCode: exchangeRecords.regionCode,
      receiptId: exchangeRecords.receiptId,
      acceptedAt: sql<Date>`${exchangeRecords.acceptedAt}`.mapWith(exchangeRecords.acceptedAt),
    })
    .from(exchangeRecords)
    .leftJoin(jobPostings, eq(jobPostings.id, exchangeRecords.sourceId))
    .where(where)
    .orderBy(asc(exchangeRecords.acceptedAt), asc(exchangeRecords.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(exchangeRecords).where(where);
  return { items, total: total?.n ?? 0 };
}
