import { and, count, desc, eq, inArray, isNull, like, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { jobPostings } from './jobs.schema.js';
import type { JobRow } from './jobs.repository.js';

export type Point = { lng: number; lat: number };
export type PublishedFilter = {
  regionPattern?: string;
  kind?: JobRow['kind'];
  occupationIds?: string[];
  minPay?: { fen: number; unit: JobRow['wageUnit'] };
  date?: string;
  /** A tsquery literal built from jieba tokens. */
  tsquery?: string;
  point?: Point;
  radiusKm?: number;
};
export type JobSort = 'newest' | 'nearest' | 'best_pay';
/** A published posting with its distance from the caller's point (null without one). */
export type PublishedRow = { job: JobRow; distanceKm: number | null };

/** Great-circle kilometres from a point to the job's point (haversine); null when the job has none. */
export function distanceKmSql(p: Point): SQL<number | null> {
  const lat = sql`${p.lat}::float8`;
  const lng = sql`${p.lng}::float8`;
  return sql<
    number | null
  >`(case when ${jobPostings.lat} is null or ${jobPostings.lng} is null then null else 12742 * asin(least(1, sqrt(power(sin(radians(${jobPostings.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${jobPostings.lat})) * power(sin(radians(${jobPostings.lng} - ${lng}) / 2), 2)))) end)`;
}

/** Pay per day for sorting across units: hours x 8, months / 22, pieces as days. */
const dailyPay = sql`(case ${jobPostings.wageUnit} when 'hour' then ${jobPostings.wageMaxFen} * 8.0 when 'month' then ${jobPostings.wageMaxFen} / 22.0 else ${jobPostings.wageMaxFen} * 1.0 end)`;

function conditions(f: PublishedFilter): SQL[] {
  const conds: SQL[] = [eq(jobPostings.status, 'published')];
  if (f.regionPattern) conds.push(like(jobPostings.townCode, f.regionPattern));
  if (f.kind) conds.push(eq(jobPostings.kind, f.kind));
  if (f.occupationIds)
    conds.push(f.occupationIds.length > 0 ? inArray(jobPostings.occupationId, f.occupationIds) : sql`false`);
  if (f.minPay) conds.push(eq(jobPostings.wageUnit, f.minPay.unit), gte(jobPostings.wageMaxFen, f.minPay.fen));
  if (f.date) {
    conds.push(lte(jobPostings.startDate, f.date));
    const open = or(isNull(jobPostings.endDate), gte(jobPostings.endDate, f.date));
    if (open) conds.push(open);
  }
  if (f.tsquery) conds.push(sql`${jobPostings.searchTokens} @@ ${f.tsquery}::tsquery`);
  if (f.point && f.radiusKm !== undefined) conds.push(sql`${distanceKmSql(f.point)} <= ${f.radiusKm}::float8`);
  return conds;
}

/** Published postings matching the filters, with the distance when a point is given. */
export async function findPublishedPage(
  db: DbOrTx,
  f: PublishedFilter & { sort: JobSort },
  slice: Slice,
): Promise<Fetched<PublishedRow>> {
  const where = and(...conditions(f));
  const distance = f.point ? distanceKmSql(f.point) : sql<number | null>`null::float8`;
  const order: SQL[] =
    f.sort === 'nearest' ? [sql`${distance} asc nulls last`] : f.sort === 'best_pay' ? [sql`${dailyPay} desc`] : [];
  const items = await db
    .select({ job: jobPostings, distanceKm: distance.mapWith((v: unknown) => (v === null ? null : Number(v))) })
    .from(jobPostings)
    .where(where)
    .orderBy(...order, desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(jobPostings).where(where);
  return { items, total: total?.n ?? 0 };
}

/** One posting with its distance from a point (any status; the service decides what is public). */
export async function findJobWithDistance(
  db: DbOrTx,
  id: string,
  point?: Point,
): Promise<{ job: JobRow; distanceKm: number | null } | undefined> {
  const distance = point ? distanceKmSql(point) : sql<number | null>`null::float8`;
  const rows = await db
    .select({ job: jobPostings, distanceKm: distance.mapWith((v: unknown) => (v === null ? null : Number(v))) })
    .from(jobPostings)
    .where(eq(jobPostings.id, id))
    .limit(1);
  return rows[0];
}
