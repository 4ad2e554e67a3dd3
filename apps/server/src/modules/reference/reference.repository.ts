import { and, asc, count, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { occupations, regions, stations } from './reference.schema.js';

export type RegionRow = typeof regions.$inferSelect;
export type OccupationRow = typeof occupations.$inferSelect;
export type StationRow = typeof stations.$inferSelect;

export async function findRegionsByParent(db: DbOrTx, parentCode: string | null): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(parentCode ? eq(regions.parentCode, parentCode) : isNull(regions.parentCode))
    .orderBy(asc(regions.code));
}

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const rows = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return rows[0];
}

export async function findRegionNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function findAllRegionCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ code: regions.code }).from(regions);
  return new Set(rows.map((r) => r.code));
}

/** Insert or update regions by code, in batches (multi-row inserts). */
export async function upsertRegions(
  db: DbOrTx,
  rows: { code: string; name: string; level: RegionRow['level']; parentCode: string | null; placeholder?: boolean }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ ...r, placeholder: r.placeholder ?? false }));
    await db
      .insert(regions)
      .values(batch)
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          placeholder: sql`excluded.placeholder`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function findActiveOccupations(db: DbOrTx): Promise<OccupationRow[]> {
  return db
    .select()
    .from(occupations)
    .where(isNull(occupations.disabledAt))
    .orderBy(asc(occupations.sort), asc(occupations.name));
}

export async function countOccupations(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(occupations);
  return row?.n ?? 0;
}

export async function insertOccupations(
  db: DbOrTx,
  rows: (typeof occupations.$inferInsert)[],
): Promise<OccupationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(occupations).values(rows).onConflictDoNothing().returning();
}

export async function findStationsPage(
  db: DbOrTx,
  regionPattern: string | null,
  slice: Slice,
): Promise<Fetched<StationRow>> {
  const where = regionPattern ? like(stations.townCode, regionPattern) : undefined;
  const items = await db
    .select()
    .from(stations)
    .where(where)
    .orderBy(asc(stations.townCode), asc(stations.name))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(stations).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findStationByName(db: DbOrTx, name: string): Promise<StationRow | undefined> {
  const rows = await db
    .select()
    .from(stations)
    .where(and(eq(stations.name, name)))
    .limit(1);
  return rows[0];
}

export async function insertStation(db: DbOrTx, values: typeof stations.$inferInsert): Promise<StationRow> {
  const rows = await db.insert(stations).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insertStation returned no row');
  return row;
}

export async function insertStations(db: DbOrTx, values: (typeof stations.$inferInsert)[]): Promise<void> {
  if (values.length > 0) await db.insert(stations).values(values).onConflictDoNothing();
}

export async function findOccupationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: occupations.id, name: occupations.name })
    .from(occupations)
    .where(inArray(occupations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
