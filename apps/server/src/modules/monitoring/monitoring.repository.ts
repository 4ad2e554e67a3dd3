import { and, asc, desc, eq, gte, inArray, like, lte, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../applications/applications.schema.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { occupations, regions, stations } from '../reference/reference.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import {
  serviceDailyCounts,
  supplyAlerts,
  supplyDemandTownWeekly,
  supplyDemandWeekly,
  supplyDemandWeeks,
} from './monitoring.schema.js';

// Reads of the rollups (what requests do) and of the rows behind a cell (drill-down).

const sumInt = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::int`.mapWith(Number);

/** Weekly cells with their town and 工种 names (the shape every cell list returns). */
function namedCells(db: DbOrTx) {
  const c = supplyDemandWeekly;
  return db
    .select({
      townCode: c.townCode,
      townName: sql<string>`coalesce(${regions.name}, ${c.townCode})`,
      occupationId: c.occupationId,
      occupationName: sql<string>`coalesce(${occupations.name}, '未知工种')`,
      demand: c.demand,
      supply: c.supply,
    })
    .from(c)
    .leftJoin(regions, eq(regions.code, c.townCode))
    .leftJoin(occupations, eq(occupations.id, c.occupationId));
}

/** The cells of a week within a region pattern, with town and 工种 names. */
export async function findWeekCells(db: DbOrTx, week: string, regionPattern: string) {
  const c = supplyDemandWeekly;
  return namedCells(db)
    .where(and(eq(c.weekStart, week), like(c.townCode, regionPattern)))
    .orderBy(asc(c.townCode), asc(occupations.sort), asc(occupations.name));
}
export type WeekCellRow = Awaited<ReturnType<typeof findWeekCells>>[number];

export async function findWeekMark(db: DbOrTx, week: string) {
  const rows = await db.select().from(supplyDemandWeeks).where(eq(supplyDemandWeeks.weekStart, week));
  return rows[0] ?? null;
}

/** Weekly totals of demand and supply within a region pattern between two Mondays (inclusive). */
export async function sumWeeks(db: DbOrTx, from: string, to: string, regionPattern: string) {
  const t = supplyDemandTownWeekly;
  return db
    .select({ week: t.weekStart, demand: sumInt(t.demand), supply: sumInt(t.supply) })
    .from(t)
    .where(and(gte(t.weekStart, from), lte(t.weekStart, to), like(t.townCode, regionPattern)))
    .groupBy(t.weekStart);
}

/** One week's totals per town within a region pattern, with town names. */
export async function findTownTotals(db: DbOrTx, week: string, regionPattern: string) {
  const t = supplyDemandTownWeekly;
  return db
    .select({ code: t.townCode, demand: t.demand, supply: t.supply })
    .from(t)
    .where(and(eq(t.weekStart, week), like(t.townCode, regionPattern)));
}

/** The 工种 with the most open places in a week (summed over towns), most first. */
export async function findTopDemandOccupations(db: DbOrTx, week: string, limit: number) {
  const c = supplyDemandWeekly;
  const demand = sumInt(c.demand);
  return db
    .select({ name: sql<string>`coalesce(max(${occupations.name}), '未知工种')`, value: demand })
    .from(c)
    .leftJoin(occupations, eq(occupations.id, c.occupationId))
    .where(eq(c.weekStart, week))
    .groupBy(c.occupationId)
    .having(sql`sum(${c.demand}) > 0`)
    .orderBy(desc(demand))
    .limit(limit);
}

/** The cells of a week with the biggest shortage ('short') or surplus ('spare'). */
export async function findExtremeCells(db: DbOrTx, week: string, side: 'short' | 'spare', limit: number) {
  const c = supplyDemandWeekly;
  const gap = sql`${c.demand} - ${c.supply}`;
  return namedCells(db)
    .where(and(eq(c.weekStart, week), side === 'short' ? sql`${gap} > 0` : sql`${gap} < 0`))
    .orderBy(side === 'short' ? desc(gap) : asc(gap), asc(c.townCode))
    .limit(limit);
}

/** Registrations and matchmakings summed over [from, to] days within a region pattern. */
export async function sumDailyCounts(db: DbOrTx, from: string, to: string, regionPattern: string) {
  const d = serviceDailyCounts;
  const rows = await db
    .select({
      registrations: sql<number>`coalesce(sum(${d.registrations}), 0)::int`.mapWith(Number),
      matchmakings: sql<number>`coalesce(sum(${d.matchmakings}), 0)::int`.mapWith(Number),
    })
    .from(d)
    .where(and(gte(d.day, from), lte(d.day, to), like(d.townCode, regionPattern)));
  return rows[0] ?? { registrations: 0, matchmakings: 0 };
}

/** The towns (level 'town') within a region pattern, in code order. */
export async function findTowns(db: DbOrTx, regionPattern: string) {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, 'town'), like(regions.code, regionPattern)))
    .orderBy(asc(regions.code));
}

export async function findStationsList(db: DbOrTx, limit: number) {
  return db
    .select({
      id: stations.id,
      name: stations.name,
      townName: sql<string>`coalesce(${regions.name}, '')`,
      openingHours: stations.openingHours,
    })
    .from(stations)
    .leftJoin(regions, eq(regions.code, stations.townCode))
    .orderBy(asc(stations.townCode), asc(stations.name))
    .limit(limit);
}

export async function findName(db: DbOrTx, townCode: string, occupationId: string) {
  const [town] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, townCode));
  const [occ] = await db.select({ name: occupations.name }).from(occupations).where(eq(occupations.id, occupationId));
  return { townName: town?.name ?? townCode, occupationName: occ?.name ?? '未知工种' };
}

const PLACE_TAKING = ['hired', 'confirmed', 'working', 'completed'] as const;
const BUSY = ['hired', 'confirmed', 'working'] as const;

/** The published postings behind a cell's demand, with their open places (same rule as the rollup). */
export async function findCellPostings(db: DbOrTx, townCode: string, occupationId: string, limit: number) {
  const j = jobPostings;
  const taken = sql<number>`(select count(*) from ${applications} where ${applications.jobId} = ${j.id} and ${inArray(applications.status, [...PLACE_TAKING])})::int`;
  return db
    .select({
      id: j.id,
      title: j.title,
      employerName: sql<string>`coalesce(${employers.name}, '')`,
      headcount: j.headcount,
      openPlaces: sql<number>`greatest(${j.headcount} - ${taken}, 0)`.mapWith(Number),
      publishedAt: j.publishedAt,
    })
    .from(j)
    .leftJoin(employers, eq(employers.id, j.employerId))
    .where(
      and(eq(j.status, 'published'), eq(j.occupationId, occupationId), like(j.townCode, `${townCode.slice(0, 9)}%`)),
    )
    .orderBy(desc(j.publishedAt), asc(j.id))
    .limit(limit);
}

/** The available workers behind a cell's supply (encrypted name; the presenter masks it). */
export async function findCellWorkers(db: DbOrTx, townCode: string, occupationId: string, limit: number) {
  const w = workerProfiles;
  return db
    .select({
      id: w.id,
      nameEnc: w.nameEnc,
      regionName: sql<string>`coalesce(${regions.name}, '')`,
      createdAt: w.createdAt,
    })
    .from(w)
    .leftJoin(regions, eq(regions.code, w.homeRegionCode))
    .where(
      and(
        like(w.homeRegionCode, `${townCode.slice(0, 9)}%`),
        sql`${occupationId}::uuid = any(${w.occupationIds})`,
        sql`not exists (select 1 from ${applications} where ${applications.workerId} = ${w.id} and ${inArray(applications.status, [...BUSY])})`,
      ),
    )
    .orderBy(desc(w.createdAt), asc(w.id))
    .limit(limit);
}

/** Alerts of the recent weeks within a region pattern, newest week and biggest gap first. */
export async function findAlerts(db: DbOrTx, fromWeek: string, regionPattern: string, limit: number) {
  const a = supplyAlerts;
  return db
    .select({
      id: a.id,
      week: a.weekStart,
      townCode: a.townCode,
      townName: sql<string>`coalesce(${regions.name}, ${a.townCode})`,
      stationName: stations.name,
      occupationName: sql<string>`coalesce(${occupations.name}, '未知工种')`,
      demand: a.demand,
      supply: a.supply,
      gap: a.gap,
      createdAt: a.createdAt,
    })
    .from(a)
    .leftJoin(regions, eq(regions.code, a.townCode))
    .leftJoin(stations, eq(stations.id, a.stationId))
    .leftJoin(occupations, eq(occupations.id, a.occupationId))
    .where(and(gte(a.weekStart, fromWeek), like(a.townCode, regionPattern)))
    .orderBy(desc(a.weekStart), desc(a.gap))
    .limit(limit);
}
