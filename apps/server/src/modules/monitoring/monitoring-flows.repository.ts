import { and, asc, desc, eq, like, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../applications/applications.schema.js';
import { collectionMembers } from '../collection/collection.schema.js';
import { regions } from '../reference/reference.schema.js';
import { wageStatements } from '../wages/wages.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import { migrantFlows, workerFirstHireDays, workerFlowCells } from './monitoring-flows.schema.js';

// 就业流向: the SQL that rebuilds the funnel rollups (reads other modules' tables, writes only
// this module's) and the reads of the console page.

/** The group of every registered worker; each priority group is a further row of the same worker. */
export const ALL = 'all';

/**
 * One pass over workers with their applications and paid statements: per town × group, workers
 * ever registered / applied / hired / completed / paid, with 2+ completions, and the days from
 * registration to the first hire (a histogram, so medians of any region are exact).
 */
export async function rebuildFlows(tx: DbOrTx, now: Date): Promise<void> {
  await tx.delete(workerFlowCells);
  await tx.delete(workerFirstHireDays);
  await tx.delete(migrantFlows);
  const perWorker = sql`
    select left(w.home_region_code, 9) || '000' as town, g.grp,
           a.worker_id is not null as applied, a.first_hire is not null as hired,
           coalesce(a.completed, 0) as completed, p.worker_id is not null as paid,
           case when a.first_hire is not null then greatest(0,
             ((a.first_hire at time zone 'Asia/Shanghai')::date - (w.created_at at time zone 'Asia/Shanghai')::date))
           end as days
      from ${workerProfiles} w
     cross join lateral unnest(array[${sql.raw(`'${ALL}'`)}]::text[] || w.priority_groups) as g(grp)
      left join (
        select worker_id, min(hired_at) as first_hire, (count(*) filter (where status = 'completed'))::int as completed
          from ${applications} group by worker_id
      ) a on a.worker_id = w.id
      left join (
        select distinct worker_id from ${wageStatements} where status in ('paid', 'received')
      ) p on p.worker_id = w.id`;
  // One pass over workers: the per-worker rows feed both the cells and the histogram.
  await tx.execute(sql`create temporary table worker_flow_rows on commit drop as ${perWorker}`);
  await tx.execute(sql`
    insert into ${workerFlowCells} (town_code, grp, registered, applied, hired, completed, paid, repeat, refreshed_at)
    select town, grp, count(*)::int, (count(*) filter (where applied))::int, (count(*) filter (where hired))::int,
           (count(*) filter (where completed > 0))::int, (count(*) filter (where paid))::int,
           (count(*) filter (where completed > 1))::int, ${now}
      from worker_flow_rows group by town, grp`);
  await tx.execute(sql`
    insert into ${workerFirstHireDays} (town_code, grp, days, workers)
    select town, grp, days, count(*)::int from worker_flow_rows where days is not null group by town, grp, days`);
  await tx.execute(sql`
    insert into ${migrantFlows} (town_code, destination, members)
    select left(village_code, 9) || '000', coalesce(nullif(trim(migrant_destination), ''), '未填写'), count(*)::int
      from ${collectionMembers} where status = 'migrant' group by 1, 2`);
}

const cellSums = {
  registered: sql<string>`sum(${workerFlowCells.registered})`,
  applied: sql<string>`sum(${workerFlowCells.applied})`,
  hired: sql<string>`sum(${workerFlowCells.hired})`,
  completed: sql<string>`sum(${workerFlowCells.completed})`,
  paid: sql<string>`sum(${workerFlowCells.paid})`,
  repeat: sql<string>`sum(${workerFlowCells.repeat})`,
};

/** Funnel sums per town of one group in a region. */
export async function sumByTown(db: DbOrTx, grp: string, pattern: string) {
  return db
    .select({
      key: workerFlowCells.townCode,
      label: sql<string>`coalesce(max(${regions.name}), ${workerFlowCells.townCode})`,
      ...cellSums,
    })
    .from(workerFlowCells)
    .leftJoin(regions, eq(regions.code, workerFlowCells.townCode))
    .where(and(eq(workerFlowCells.grp, grp), like(workerFlowCells.townCode, pattern)))
    .groupBy(workerFlowCells.townCode)
    .orderBy(asc(workerFlowCells.townCode));
}

/** Funnel sums per priority group in a region. */
export async function sumByGroup(db: DbOrTx, pattern: string) {
  return db
    .select({ key: workerFlowCells.grp, label: workerFlowCells.grp, ...cellSums })
    .from(workerFlowCells)
    .where(and(ne(workerFlowCells.grp, ALL), like(workerFlowCells.townCode, pattern)))
    .groupBy(workerFlowCells.grp)
    .orderBy(desc(sql`sum(${workerFlowCells.registered})`));
}

export async function lastRefresh(db: DbOrTx): Promise<Date | string | null> {
  const [r] = await db
    .select({ at: sql<Date | string | null>`max(${workerFlowCells.refreshedAt})` })
    .from(workerFlowCells);
  return r?.at ?? null;
}

/** Days-to-first-hire histogram rows (town, group, days, workers) of a region. */
export async function firstHireDays(db: DbOrTx, pattern: string) {
  return db
    .select({
      townCode: workerFirstHireDays.townCode,
      grp: workerFirstHireDays.grp,
      days: workerFirstHireDays.days,
      workers: workerFirstHireDays.workers,
    })
    .from(workerFirstHireDays)
    .where(like(workerFirstHireDays.townCode, pattern))
    .orderBy(asc(workerFirstHireDays.days));
}

/** Migrant workers of a region per town and per destination. */
export async function migrantsOf(db: DbOrTx, pattern: string) {
  const where = like(migrantFlows.townCode, pattern);
  const towns = await db
    .select({
      townCode: migrantFlows.townCode,
      townName: sql<string>`coalesce(max(${regions.name}), ${migrantFlows.townCode})`,
      migrants: sql<string>`sum(${migrantFlows.members})`,
    })
    .from(migrantFlows)
    .leftJoin(regions, eq(regions.code, migrantFlows.townCode))
    .where(where)
    .groupBy(migrantFlows.townCode)
    .orderBy(asc(migrantFlows.townCode));
  const destinations = await db
    .select({ destination: migrantFlows.destination, migrants: sql<string>`sum(${migrantFlows.members})` })
    .from(migrantFlows)
    .where(where)
    .groupBy(migrantFlows.destination)
    .orderBy(desc(sql`sum(${migrantFlows.members})`))
    .limit(10);
  return { towns, destinations };
}
