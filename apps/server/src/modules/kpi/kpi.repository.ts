import { and, count, desc, eq, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { guidanceSessions, matchmakings } from '../services/services.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import { type Slice, type Window, windowConds } from '../../platform/reporting/index.js';

export type Series = Map<string, number>;

/** The Shanghai month ('YYYY-MM') of a timestamptz column, independent of the session time zone. */
const monthOf = (column: AnyColumn) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

export async function monthlyCount(
  db: DbOrTx,
  table: PgTable,
  regionColumn: AnyColumn,
  timeColumn: AnyColumn,
  w: Window,
  extra: SQL[] = [],
): Promise<Series> {
  const month = monthOf(timeColumn);
  const rows = await db
    .select({ month, n: count() })
    .from(table)
    .where(and(...windowConds(regionColumn, timeColumn, w), ...extra))
    .groupBy(month);
  return new Map(rows.map((r) => [r.month, r.n]));
}

export const countRegistrationsByMonth = (db: DbOrTx, w: Window) =>
  monthlyCount(db, workerProfiles, workerProfiles.homeRegionCode, workerProfiles.createdAt, w);
export const countMatchmakingsByMonth = (db: DbOrTx, w: Window) =>
  monthlyCount(db, matchmakings, matchmakings.regionCode, matchmakings.occurredAt, w);
export const countGuidanceByMonth = (db: DbOrTx, w: Window) =>
  monthlyCount(db, guidanceSessions, guidanceSessions.regionCode, guidanceSessions.sessionAt, w);
export const countEmployersByMonth = (db: DbOrTx, w: Window) =>
  monthlyCount(db, employers, employers.townCode, employers.createdAt, w);

type JobKind = (typeof jobPostings.$inferSelect)['kind'];

function jobWhere(w: Window, kind: JobKind): SQL | undefined {
  return and(
    ...windowConds(jobPostings.townCode, jobPostings.publishedAt, w),
    isNotNull(jobPostings.publishedAt),
    eq(jobPostings.kind, kind),
  );
}

/** Postings published in the window (by publication time), and the openings (headcount) they offer, per month. */
export async function countJobsByMonth(
  db: DbOrTx,
  w: Window,
  kind: JobKind,
): Promise<{ posts: Series; openings: Series }> {
  const month = monthOf(jobPostings.publishedAt);
  const rows = await db
    .select({
      month,
      n: count(),
      openings: sql<number>`coalesce(sum(${jobPostings.headcount}), 0)::int`.mapWith(Number),
    })
    .from(jobPostings)
    .where(jobWhere(w, kind))
    .groupBy(month);
  return { posts: new Map(rows.map((r) => [r.month, r.n])), openings: new Map(rows.map((r) => [r.month, r.openings])) };
}

/** The postings behind a job figure, newest publication first, with employer and town. */
export async function findPublishedJobs(db: DbOrTx, w: Window, kind: JobKind, slice: Slice) {
  const where = jobWhere(w, kind);
  const items = await db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      kind: jobPostings.kind,
      headcount: jobPostings.headcount,
      townCode: jobPostings.townCode,
      status: jobPostings.status,
      sourceChannel: jobPostings.sourceChannel,
      publishedAt: jobPostings.publishedAt,
      employerName: employers.name,
      employerKind: employers.kind,
    })
    .from(jobPostings)
    .leftJoin(employers, eq(employers.id, jobPostings.employerId))
    .where(where)
    .orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(jobPostings).where(where);
  return { items, total: total?.n ?? 0 };
}
export type PublishedJobRow = Awaited<ReturnType<typeof findPublishedJobs>>['items'][number];

/** Employers registered in the window, newest first. */
export async function findRegisteredEmployers(db: DbOrTx, w: Window, slice: Slice) {
  const where = and(...windowConds(employers.townCode, employers.createdAt, w));
  const items = await db
    .select({
      id: employers.id,
      name: employers.name,
      kind: employers.kind,
      uscc: employers.uscc,
      townCode: employers.townCode,
      verificationStatus: employers.verificationStatus,
      createdAt: employers.createdAt,
    })
    .from(employers)
    .where(where)
    .orderBy(desc(employers.createdAt), desc(employers.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(employers).where(where);
  return { items, total: total?.n ?? 0 };
}
export type RegisteredEmployerRow = Awaited<ReturnType<typeof findRegisteredEmployers>>['items'][number];
