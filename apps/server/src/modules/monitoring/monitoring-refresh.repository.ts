import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../applications/applications.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { stations } from '../reference/reference.schema.js';
import { matchmakings } from '../services/services.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import {
  serviceDailyCounts,
  supplyAlerts,
  supplyDemandTownWeekly,
  supplyDemandWeekly,
  supplyDemandWeeks,
} from './monitoring.schema.js';

// The SQL that rebuilds the rollups. It reads other modules' tables (this is a reporting module)
// and writes only this module's tables.

/** Hires that take a place on a posting (a cancelled or declined hire frees it again). */
const PLACE_TAKING = sql.raw(`('hired', 'confirmed', 'working', 'completed')`);
/** A worker in one of these is busy, not available supply. */
const BUSY = sql.raw(`('hired', 'confirmed', 'working')`);

/** The town of a region code: a village counts in its town; town and county codes stay. */
const townOf = (column: SQL) => sql`left(${column}, 9) || '000'`;
/** The Shanghai calendar day of a timestamptz, independent of the session time zone. */
const shanghaiDateOf = (column: SQL) => sql`((${column} at time zone 'UTC') + interval '8 hours')::date`;

/** Serialise refreshes (a manual one and the scheduled one) so a week is never built twice at once. */
export async function lockRefresh(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(731301)`);
}

export async function deleteWeek(tx: DbOrTx, week: string): Promise<void> {
  await tx.execute(sql`delete from ${supplyDemandWeekly} where ${supplyDemandWeekly.weekStart} = ${week}`);
  await tx.execute(sql`delete from ${supplyDemandTownWeekly} where ${supplyDemandTownWeekly.weekStart} = ${week}`);
}

/** Sum a week's cells per town (after its cells were inserted). */
export async function insertTownTotals(tx: DbOrTx, week: string): Promise<void> {
  const c = supplyDemandWeekly;
  await tx.execute(sql`
    insert into ${supplyDemandTownWeekly} (week_start, town_code, demand, supply)
    select ${c.weekStart}, ${c.townCode}, sum(${c.demand})::int, sum(${c.supply})::int
    from ${c} where ${c.weekStart} = ${week} group by 1, 2`);
}

/**
 * The week's cells from the state now: demand = open places (headcount minus place-taking hires)
 * of published postings; supply = workers listing the 工种 with no hire in progress.
 */
export async function insertLiveWeek(tx: DbOrTx, week: string): Promise<void> {
  const j = jobPostings;
  const w = workerProfiles;
  const a = applications;
  await tx.execute(sql`
    insert into ${supplyDemandWeekly} (week_start, town_code, occupation_id, demand, supply)
    select ${week}::date, coalesce(d.town, s.town), coalesce(d.occ, s.occ), coalesce(d.n, 0), coalesce(s.n, 0)
    from (
      select ${townOf(sql`${j.townCode}`)} as town, ${j.occupationId} as occ,
        sum(greatest(${j.headcount} - (
          select count(*) from ${a} where ${a.jobId} = ${j.id} and ${a.status} in ${PLACE_TAKING}
        ), 0))::int as n
      from ${j} where ${j.status} = 'published' group by 1, 2
    ) d
    full outer join (
      select ${townOf(sql`${w.homeRegionCode}`)} as town, o.occ as occ, count(*)::int as n
      from ${w} cross join lateral unnest(${w.occupationIds}) as o(occ)
      where not exists (select 1 from ${a} where ${a.workerId} = ${w.id} and ${a.status} in ${BUSY})
      group by 1, 2
    ) s on s.town = d.town and s.occ = d.occ
    where coalesce(d.n, 0) + coalesce(s.n, 0) > 0`);
}

/**
 * A past week rebuilt from dates, as of `asOf` (the week's end): postings published before it
 * and not yet closed, less hires made before it; workers registered before it. Availability in
 * the past is not recorded, so past supply counts every registered worker.
 */
export async function insertReconstructedWeek(tx: DbOrTx, week: string, asOf: Date): Promise<void> {
  const j = jobPostings;
  const w = workerProfiles;
  const a = applications;
  const at = asOf.toISOString();
  await tx.execute(sql`
    insert into ${supplyDemandWeekly} (week_start, town_code, occupation_id, demand, supply)
    select ${week}::date, coalesce(d.town, s.town), coalesce(d.occ, s.occ), coalesce(d.n, 0), coalesce(s.n, 0)
    from (
      select ${townOf(sql`${j.townCode}`)} as town, ${j.occupationId} as occ,
        sum(greatest(${j.headcount} - (
          select count(*) from ${a} where ${a.jobId} = ${j.id} and ${a.status} in ${PLACE_TAKING}
            and ${a.hiredAt} < ${at}::timestamptz
        ), 0))::int as n
      from ${j}
      where ${j.publishedAt} < ${at}::timestamptz and (${j.closedAt} is null or ${j.closedAt} >= ${at}::timestamptz)
        and ${j.status} in ('published', 'filled', 'closed', 'expired')
      group by 1, 2
    ) d
    full outer join (
      select ${townOf(sql`${w.homeRegionCode}`)} as town, o.occ as occ, count(*)::int as n
      from ${w} cross join lateral unnest(${w.occupationIds}) as o(occ)
      where ${w.createdAt} < ${at}::timestamptz
      group by 1, 2
    ) s on s.town = d.town and s.occ = d.occ
    where coalesce(d.n, 0) + coalesce(s.n, 0) > 0`);
}

export async function upsertWeekMark(
  tx: DbOrTx,
  week: string,
  source: 'live' | 'reconstructed',
  now: Date,
): Promise<void> {
  await tx
    .insert(supplyDemandWeeks)
    .values({ weekStart: week, source, refreshedAt: now })
    .onConflictDoUpdate({ target: supplyDemandWeeks.weekStart, set: { source, refreshedAt: now } });
}

export async function findMarkedWeeks(tx: DbOrTx): Promise<Set<string>> {
  const rows = await tx.select({ week: supplyDemandWeeks.weekStart }).from(supplyDemandWeeks);
  return new Set(rows.map((r) => r.week));
}

/**
 * Rebuild the daily registration and matchmaking counts: one grouped pass over both tables in
 * the background, so that a backdated record (a paper record imported later) is counted too.
 */
export async function rebuildDailyCounts(tx: DbOrTx): Promise<void> {
  const w = workerProfiles;
  const m = matchmakings;
  await tx.execute(sql`delete from ${serviceDailyCounts}`);
  await tx.execute(sql`
    insert into ${serviceDailyCounts} (day, town_code, registrations, matchmakings)
    select day, town, sum(r)::int, sum(mm)::int from (
      select ${shanghaiDateOf(sql`${w.createdAt}`)} as day, ${townOf(sql`${w.homeRegionCode}`)} as town, 1 as r, 0 as mm
      from ${w}
      union all
      select ${shanghaiDateOf(sql`${m.occurredAt}`)}, ${townOf(sql`${m.regionCode}`)}, 0, 1 from ${m}
    ) x group by 1, 2`);
}

/**
 * Raise (or update) an alert for every cell of the week short of at least `threshold` workers,
 * addressed to the town's first station.
 */
export async function upsertAlerts(tx: DbOrTx, week: string, threshold: number, now: Date): Promise<number> {
  const c = supplyDemandWeekly;
  const at = now.toISOString();
  await tx.execute(sql`
    insert into ${supplyAlerts} (week_start, town_code, station_id, occupation_id, demand, supply, gap, created_at, updated_at)
    select ${c.weekStart}, ${c.townCode},
      (select ${stations.id} from ${stations} where ${stations.townCode} = ${c.townCode} order by ${stations.createdAt}, ${stations.name} limit 1),
      ${c.occupationId}, ${c.demand}, ${c.supply}, ${c.demand} - ${c.supply}, ${at}::timestamptz, ${at}::timestamptz
    from ${c}
    where ${c.weekStart} = ${week} and ${c.demand} - ${c.supply} >= ${threshold}
    on conflict (week_start, town_code, occupation_id) do update
      set demand = excluded.demand, supply = excluded.supply, gap = excluded.gap, updated_at = excluded.updated_at`);
  const rows = await tx
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(supplyAlerts)
    .where(sql`${supplyAlerts.weekStart} = ${week}`);
  return rows[0]?.n ?? 0;
}

export async function countWeekCells(tx: DbOrTx, week: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(supplyDemandWeekly)
    .where(sql`${supplyDemandWeekly.weekStart} = ${week}`);
  return rows[0]?.n ?? 0;
}
