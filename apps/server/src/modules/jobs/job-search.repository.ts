import { and, between, count, desc, eq, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Slice } from '../../platform/reporting/index.js';
import { creditScoreSql } from '../credit/index.js';
import { employerNameSql } from '../employers/index.js';
import { occupationNameSql, occupationSubtreeSql, regionNameSql } from '../reference/index.js';
import { jobPostings } from './jobs.schema.js';
import type { JobRow } from './jobs.repository.js';

export type Point = { lng: number; lat: number };
export type PublishedFilter = {
  /** Significant prefix of a region code: the region's subtree. */
  regionPrefix?: string;
  kind?: JobRow['kind'];
  /** An occupation or a category (its trades match). */
  occupationId?: string;
  minPay?: { fen: number; unit: JobRow['wageUnit'] };
  date?: string;
  /** A tsquery literal built from jieba tokens. */
  tsquery?: string;
  point?: Point;
  radiusKm?: number;
};
export type JobSort = 'newest' | 'nearest' | 'best_pay';
/** Where the previous page ended (keyset pagination): its last row's sort key, publish time and id. */
export type ListCursor = { key: string | null; at: string; id: string };

/** Great-circle kilometres from a point to the job's point (haversine); null when the job has none. */
export function distanceKmSql(p: Point): SQL<number | null> {
  const lat = sql`${p.lat}::float8`;
  const lng = sql`${p.lng}::float8`;
  return sql<
    number | null
  >`(case when ${jobPostings.lat} is null or ${jobPostings.lng} is null then null else 12742 * asin(least(1, sqrt(power(sin(radians(${jobPostings.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${jobPostings.lat})) * power(sin(radians(${jobPostings.lng} - ${lng}) / 2), 2)))) end)`;
}

/**
 * Pay per day for sorting across units: hours x 8, months / 22, pieces as days. The same
 * expression is indexed (job_postings_best_pay_idx): keep the two in step.
 */
const dailyPay = sql`(case ${jobPostings.wageUnit} when 'hour' then ${jobPostings.wageMaxFen} * 8.0 when 'month' then ${jobPostings.wageMaxFen} / 22.0 else ${jobPostings.wageMaxFen} * 1.0 end)`;

/** Degrees of latitude / longitude that contain every point within `km` of `p` (a superset). */
function boundingBox(p: Point, km: number) {
  const dLat = ((km / 6371) * 180) / Math.PI;
  const dLng = dLat / Math.max(0.05, Math.cos(((Math.abs(p.lat) + dLat) * Math.PI) / 180));
  return { dLat: dLat * 1.01 + 1e-6, dLng: dLng * 1.01 + 1e-6 };
}

function conditions(f: PublishedFilter): SQL[] {
  const conds: SQL[] = [eq(jobPostings.status, 'published')];
  // Codes are 12 digits: a prefix range is the subtree, and a btree serves it under any collation.
  if (f.regionPrefix)
    conds.push(
      gte(jobPostings.townCode, f.regionPrefix.padEnd(12, '0')),
      lte(jobPostings.townCode, f.regionPrefix.padEnd(12, '9')),
    );
  if (f.kind) conds.push(eq(jobPostings.kind, f.kind));
  if (f.occupationId) conds.push(sql`${jobPostings.occupationId} in ${occupationSubtreeSql(f.occupationId)}`);
  if (f.minPay) conds.push(eq(jobPostings.wageUnit, f.minPay.unit), gte(jobPostings.wageMaxFen, f.minPay.fen));
  if (f.date) {
    conds.push(lte(jobPostings.startDate, f.date));
    const open = or(isNull(jobPostings.endDate), gte(jobPostings.endDate, f.date));
    if (open) conds.push(open);
  }
  if (f.tsquery) conds.push(sql`${jobPostings.searchTokens} @@ ${f.tsquery}::tsquery`);
  if (f.point && f.radiusKm !== undefined) {
    const box = boundingBox(f.point, f.radiusKm);
    conds.push(
      between(jobPostings.lat, f.point.lat - box.dLat, f.point.lat + box.dLat),
      between(jobPostings.lng, f.point.lng - box.dLng, f.point.lng + box.dLng),
      sql`${distanceKmSql(f.point)} <= ${f.radiusKm}::float8`,
    );
  }
  return conds;
}

/** Rows after the cursor in the list's order (sort key, then newest, then id). */
function afterCursor(sort: JobSort, key: SQL, c: ListCursor): SQL {
  const rest = sql`(${jobPostings.publishedAt}, ${jobPostings.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;
  if (sort === 'newest') return rest;
  if (sort === 'best_pay')
    return sql`(${key}, ${jobPostings.publishedAt}, ${jobPostings.id}) < (${c.key}::numeric, ${c.at}::timestamptz, ${c.id}::uuid)`;
  return sql`(${key} > ${c.key}::float8 or (${key} = ${c.key}::float8 and ${rest}))`;
}

/** Exact totals are counted in the list's statement up to this many matches; above, the caller counts. */
export const EXACT_TOTAL_CAP = 1000;

/**
 * One page of published postings in ONE statement: the columns the list shows, the town, 工种 and
 * employer names and the employer's credit score looked up for the page's rows only, and (when
 * `withTotal`) the number of matches up to EXACT_TOTAL_CAP + 1. `cursor` continues after a row
 * (keyset), otherwise `slice.offset` rows are skipped. Order: the sort's key, newest, id.
 */
export async function findPublishedPage(
  db: DbOrTx,
  f: PublishedFilter & { sort: JobSort; cursor?: ListCursor },
  slice: Slice,
  withTotal: boolean,
) {
  const conds = conditions(f);
  const where = and(...conds);
  const distance = f.point ? distanceKmSql(f.point) : sql<number | null>`null::float8`;
  const key =
    f.sort === 'best_pay'
      ? dailyPay
      : f.sort === 'nearest'
        ? sql`coalesce(${distance}, 'infinity'::float8)`
        : sql`null::numeric`;
  const keyOrder = f.sort === 'best_pay' ? [sql`${key} desc`] : f.sort === 'nearest' ? [sql`${key} asc`] : [];
  const page = db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      occupationId: jobPostings.occupationId,
      kind: jobPostings.kind,
      headcount: jobPostings.headcount,
      wageMinFen: jobPostings.wageMinFen,
      wageMaxFen: jobPostings.wageMaxFen,
      wageUnit: jobPostings.wageUnit,
      settlement: jobPostings.settlement,
      townCode: jobPostings.townCode,
      address: jobPostings.address,
      startDate: jobPostings.startDate,
      endDate: jobPostings.endDate,
      publishedAt: jobPostings.publishedAt,
      employerId: jobPostings.employerId,
      distanceKm: sql<number | null>`${distance}`.as('distance_km'),
      sortKey: sql`${key}`.as('sort_key'),
    })
    .from(jobPostings)
    .where(f.cursor ? and(where, afterCursor(f.sort, key, f.cursor)) : where)
    .orderBy(...keyOrder, desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(slice.limit)
    .offset(f.cursor ? 0 : slice.offset)
    .as('p');
  const total = withTotal
    ? sql<number>`(select count(*) from (select 1 from ${jobPostings} where ${where} limit ${EXACT_TOTAL_CAP + 1}) c)`.mapWith(
        Number,
      )
    : sql<number>`null::int`.mapWith(Number);
  // Qualified by hand: drizzle leaves a subquery's columns bare, and a bare ORDER BY name would
  // bind to an output column of the same name.
  const p = (column: string) => sql.raw(`"p"."${column}"`);
  const pageKeyOrder =
    f.sort === 'best_pay' ? [sql`${p('sort_key')} desc`] : f.sort === 'nearest' ? [sql`${p('sort_key')} asc`] : [];
  const rows = await db
    .select({
      id: page.id,
      title: page.title,
      occupationId: page.occupationId,
      occupationName: occupationNameSql(p('occupation_id')),
      kind: page.kind,
      headcount: page.headcount,
      wageMinFen: page.wageMinFen,
      wageMaxFen: page.wageMaxFen,
      wageUnit: page.wageUnit,
      settlement: page.settlement,
      townCode: page.townCode,
      townName: regionNameSql(p('town_code')),
      address: page.address,
      startDate: page.startDate,
      endDate: page.endDate,
      publishedAt: page.publishedAt,
      employerId: page.employerId,
      employerName: employerNameSql(p('employer_id')),
      creditScore: creditScoreSql('employer', p('employer_id')),
      distanceKm: sql<number | null>`${p('distance_km')}`.mapWith((v: unknown) => (v === null ? null : Number(v))),
      cursorKey: sql<string | null>`${p('sort_key')}::text`.as('cursor_key'),
      cursorAt: sql<string>`${p('published_at')}::text`.as('cursor_at'),
      total,
    })
    .from(page)
    .orderBy(...pageKeyOrder, sql`${p('published_at')} desc`, sql`${p('id')} desc`);
  return rows;
}
export type PublishedListRow = Awaited<ReturnType<typeof findPublishedPage>>[number];

/** The exact number of published postings matching the filters (above EXACT_TOTAL_CAP). */
export async function countPublished(db: DbOrTx, f: PublishedFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobPostings)
    .where(and(...conditions(f)));
  return row?.n ?? 0;
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
