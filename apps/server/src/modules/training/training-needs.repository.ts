import { and, arrayContains, count, desc, eq, exists, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { trainingNeeds, trainingRecommendations } from './training.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import type { Slice, Window } from '../../platform/reporting/index.js';

// Training needs (owned here) read with the worker profiles' training intentions: a worker has a need when the profile lists a training
// intention (培训意愿) or staff recorded one. Used by the training push, its list and the KPI.

const hasIntention = sql`cardinality(${workerProfiles.trainingIntentions}) > 0`;

/** Worker ids with a need in a region subtree, recorded before `end` (deduplicated). */
function needWorkerIds(db: DbOrTx, w: Window) {
  const profileConds: SQL[] = [like(workerProfiles.homeRegionCode, w.regionPattern), hasIntention];
  const staffConds: SQL[] = [like(trainingNeeds.regionCode, w.regionPattern)];
  if (w.end) {
    profileConds.push(lt(workerProfiles.createdAt, w.end));
    staffConds.push(lt(trainingNeeds.createdAt, w.end));
  }
  return union(
    db
      .select({ workerId: workerProfiles.id })
      .from(workerProfiles)
      .where(and(...profileConds)),
    db
      .select({ workerId: trainingNeeds.workerId })
      .from(trainingNeeds)
      .where(and(...staffConds)),
  ).as('need');
}

/** Whether a worker got at least one recommendation inside the window. */
function recommendedIn(workerId: SQL | ReturnType<typeof needWorkerIds>['workerId'], w: Window) {
  const t = trainingRecommendations;
  const conds: SQL[] = [eq(t.workerId, workerId)];
  if (w.start) conds.push(gte(t.sentAt, w.start));
  if (w.end) conds.push(lt(t.sentAt, w.end));
  return conds;
}

/** Coverage (培训需求推荐覆盖): workers with a need, and how many of them were recommended in the window. */
export async function countNeedCoverage(db: DbOrTx, w: Window): Promise<{ needs: number; covered: number }> {
  const need = needWorkerIds(db, w);
  const t = trainingRecommendations;
  const covered = exists(
    db
      .select({ one: sql`1` })
      .from(t)
      .where(and(...recommendedIn(need.workerId, w))),
  );
  const [row] = await db
    .select({ needs: count(), covered: sql<number>`count(*) filter (where ${covered})`.mapWith(Number) })
    .from(need);
  return { needs: row?.needs ?? 0, covered: row?.covered ?? 0 };
}

/** The workers behind the coverage figure, covered or not, with their region and first need time. */
export async function findNeedWorkers(db: DbOrTx, w: Window, slice: Slice) {
  const need = needWorkerIds(db, w);
  const t = trainingRecommendations;
  const covered = exists(
    db
      .select({ one: sql`1` })
      .from(t)
      .where(and(...recommendedIn(need.workerId, w))),
  );
  const items = await db
    .select({
      workerId: need.workerId,
      nameEnc: workerProfiles.nameEnc,
      regionCode: workerProfiles.homeRegionCode,
      intentions: workerProfiles.trainingIntentions,
      covered: sql<boolean>`${covered}`.mapWith(Boolean),
    })
    .from(need)
    .innerJoin(workerProfiles, eq(workerProfiles.id, need.workerId))
    .orderBy(desc(workerProfiles.createdAt), need.workerId)
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(need);
  return { items, total: total?.n ?? 0 };
}
export type NeedWorkerRow = Awaited<ReturnType<typeof findNeedWorkers>>['items'][number];

export type MatchingWorker = { workerId: string; regionCode: string; phoneEnc: string | null };

/** Workers in a region subtree with a need for a trade (profile intention or staff-recorded need). */
export async function findWorkersNeedingTrade(
  db: DbOrTx,
  regionPattern: string,
  trade: string,
): Promise<MatchingWorker[]> {
  const staffNeed = db
    .select({ one: sql`1` })
    .from(trainingNeeds)
    .where(and(eq(trainingNeeds.workerId, workerProfiles.id), eq(trainingNeeds.trade, trade)));
  return db
    .select({
      workerId: workerProfiles.id,
      regionCode: workerProfiles.homeRegionCode,
      phoneEnc: workerProfiles.phoneEnc,
    })
    .from(workerProfiles)
    .where(
      and(
        like(workerProfiles.homeRegionCode, regionPattern),
        or(arrayContains(workerProfiles.trainingIntentions, [trade]), exists(staffNeed)),
      ),
    )
    .orderBy(workerProfiles.id);
}

/** Needs listed one per worker and trade: profile intentions and staff records, newest first. */
export async function findNeeds(db: DbOrTx, regionPattern: string, slice: Slice) {
  const profiles = await db
    .select({
      workerId: workerProfiles.id,
      nameEnc: workerProfiles.nameEnc,
      regionCode: workerProfiles.homeRegionCode,
      intentions: workerProfiles.trainingIntentions,
      createdAt: workerProfiles.createdAt,
    })
    .from(workerProfiles)
    .where(and(like(workerProfiles.homeRegionCode, regionPattern), hasIntention));
  const staffRows = await db
    .select({
      id: trainingNeeds.id,
      workerId: trainingNeeds.workerId,
      trade: trainingNeeds.trade,
      note: trainingNeeds.note,
      regionCode: trainingNeeds.regionCode,
      createdAt: trainingNeeds.createdAt,
      nameEnc: workerProfiles.nameEnc,
    })
    .from(trainingNeeds)
    .leftJoin(workerProfiles, eq(workerProfiles.id, trainingNeeds.workerId))
    .where(like(trainingNeeds.regionCode, regionPattern));
  const all = [
    ...profiles.flatMap((p) =>
      p.intentions.map((trade) => ({
        id: `${p.workerId}:${trade}`,
        workerId: p.workerId,
        nameEnc: p.nameEnc,
        trade,
        source: 'profile' as const,
        regionCode: p.regionCode,
        note: '',
        createdAt: p.createdAt,
      })),
    ),
    ...staffRows.map((s) => ({ ...s, source: 'staff' as const })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  const page = all.slice(slice.offset, slice.offset + slice.limit);
  const ids = [...new Set(page.map((r) => r.workerId))];
  const recommended =
    ids.length === 0
      ? []
      : await db
          .selectDistinct({ workerId: trainingRecommendations.workerId })
          .from(trainingRecommendations)
          .where(inArray(trainingRecommendations.workerId, ids));
  const covered = new Set(recommended.map((r) => r.workerId));
  return { items: page.map((r) => ({ ...r, recommended: covered.has(r.workerId) })), total: all.length };
}
