import { and, count, desc, eq, inArray, like, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { regions } from '../reference/reference.schema.js';
import { collectionFollowups, collectionHouseholds, collectionMembers } from './collection.schema.js';
import { dateWindowConds, type Slice, type Window } from '../../platform/reporting/index.js';

export type HouseholdRow = typeof collectionHouseholds.$inferSelect;
export type MemberRow = typeof collectionMembers.$inferSelect;
export type FollowupRow = typeof collectionFollowups.$inferSelect;
export type HouseholdFilter = { zeroEmployment?: boolean };

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

export const insertHousehold = async (db: DbOrTx, v: typeof collectionHouseholds.$inferInsert) =>
  first(await db.insert(collectionHouseholds).values(v).returning(), 'household');
export const insertFollowup = async (db: DbOrTx, v: typeof collectionFollowups.$inferInsert) =>
  first(await db.insert(collectionFollowups).values(v).returning(), 'followup');
export async function insertMembers(db: DbOrTx, rows: (typeof collectionMembers.$inferInsert)[]): Promise<MemberRow[]> {
  return rows.length ? db.insert(collectionMembers).values(rows).returning() : [];
}
export async function updateHousehold(
  db: DbOrTx,
  id: string,
  v: Partial<typeof collectionHouseholds.$inferInsert>,
): Promise<void> {
  await db.update(collectionHouseholds).set(v).where(eq(collectionHouseholds.id, id));
}
export async function updateMember(
  db: DbOrTx,
  id: string,
  v: Partial<typeof collectionMembers.$inferInsert>,
): Promise<void> {
  await db.update(collectionMembers).set(v).where(eq(collectionMembers.id, id));
}

export async function findHousehold(db: DbOrTx, id: string): Promise<HouseholdRow | undefined> {
  return (await db.select().from(collectionHouseholds).where(eq(collectionHouseholds.id, id)).limit(1))[0];
}
export async function findMember(db: DbOrTx, id: string): Promise<MemberRow | undefined> {
  return (await db.select().from(collectionMembers).where(eq(collectionMembers.id, id)).limit(1))[0];
}
export async function findMembersOf(db: DbOrTx, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(collectionMembers)
    .where(eq(collectionMembers.householdId, householdId))
    .orderBy(collectionMembers.createdAt, collectionMembers.id);
}
export async function findFollowupsOf(db: DbOrTx, householdId: string) {
  return db
    .select({ f: collectionFollowups, recorderName: staff.name })
    .from(collectionFollowups)
    .leftJoin(staff, eq(staff.id, collectionFollowups.recorderStaffId))
    .where(eq(collectionFollowups.householdId, householdId))
    .orderBy(desc(collectionFollowups.followedOn), desc(collectionFollowups.createdAt));
}

/** Of these blind indexes, those already registered (optionally ignoring one member). */
export async function findTakenIdIndexes(db: DbOrTx, indexes: string[], exceptMemberId?: string): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const rows = await db
    .select({ idx: collectionMembers.idNumberIndex })
    .from(collectionMembers)
    .where(
      and(
        inArray(collectionMembers.idNumberIndex, indexes),
        exceptMemberId ? ne(collectionMembers.id, exceptMemberId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.idx));
}

/** A region of the division tree (level and placeholder flag). */
export async function findRegion(db: DbOrTx, code: string) {
  return (
    await db
      .select({ code: regions.code, level: regions.level, name: regions.name })
      .from(regions)
      .where(eq(regions.code, code))
      .limit(1)
  )[0];
}

const memberCount =
  sql<number>`(select count(*) from ${collectionMembers} where ${collectionMembers.householdId} = ${collectionHouseholds.id})`.mapWith(
    Number,
  );

function householdWhere(w: Window, f: HouseholdFilter): SQL | undefined {
  return and(
    ...dateWindowConds(collectionHouseholds.villageCode, collectionHouseholds.collectedOn, w),
    f.zeroEmployment === undefined ? undefined : eq(collectionHouseholds.zeroEmployment, f.zeroEmployment),
  );
}

/** Households collected in a window, newest first, with the members collected and the recorder. */
export async function findHouseholds(db: DbOrTx, w: Window, f: HouseholdFilter, slice: Slice) {
  const where = householdWhere(w, f);
  const rows = await db
    .select({ h: collectionHouseholds, collectedMembers: memberCount, recorderName: staff.name })
    .from(collectionHouseholds)
    .leftJoin(staff, eq(staff.id, collectionHouseholds.recorderStaffId))
    .where(where)
    .orderBy(desc(collectionHouseholds.collectedOn), desc(collectionHouseholds.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(collectionHouseholds).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type HouseholdListRow = Awaited<ReturnType<typeof findHouseholds>>['items'][number];

export async function findHouseholdRow(db: DbOrTx, id: string): Promise<HouseholdListRow | undefined> {
  return (
    await db
      .select({ h: collectionHouseholds, collectedMembers: memberCount, recorderName: staff.name })
      .from(collectionHouseholds)
      .leftJoin(staff, eq(staff.id, collectionHouseholds.recorderStaffId))
      .where(eq(collectionHouseholds.id, id))
      .limit(1)
  )[0];
}

/** Members of the households collected in a window (the 家庭成员 ledger), by village and household. */
export async function findMemberRows(
  db: DbOrTx,
  w: Window,
  f: HouseholdFilter & { status?: MemberRow['status'] },
  slice: Slice,
) {
  const where = and(householdWhere(w, f), f.status ? eq(collectionMembers.status, f.status) : undefined);
  const rows = await db
    .select({
      m: collectionMembers,
      collectedOn: collectionHouseholds.collectedOn,
      headNameEnc: collectionHouseholds.headNameEnc,
      zeroEmployment: collectionHouseholds.zeroEmployment,
    })
    .from(collectionMembers)
    .innerJoin(collectionHouseholds, eq(collectionHouseholds.id, collectionMembers.householdId))
    .where(where)
    .orderBy(
      collectionHouseholds.villageCode,
      desc(collectionHouseholds.collectedOn),
      collectionMembers.householdId,
      collectionMembers.createdAt,
    )
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db
    .select({ n: count() })
    .from(collectionMembers)
    .innerJoin(collectionHouseholds, eq(collectionHouseholds.id, collectionMembers.householdId))
    .where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type MemberLedgerRow = Awaited<ReturnType<typeof findMemberRows>>['items'][number];

/** Follow-ups dated in a window (回访台账). */
export async function findFollowupRows(db: DbOrTx, w: Window, slice: Slice) {
  const where = and(...dateWindowConds(collectionFollowups.villageCode, collectionFollowups.followedOn, w));
  const rows = await db
    .select({ f: collectionFollowups, headNameEnc: collectionHouseholds.headNameEnc, recorderName: staff.name })
    .from(collectionFollowups)
    .innerJoin(collectionHouseholds, eq(collectionHouseholds.id, collectionFollowups.householdId))
    .leftJoin(staff, eq(staff.id, collectionFollowups.recorderStaffId))
    .where(where)
    .orderBy(desc(collectionFollowups.followedOn), desc(collectionFollowups.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(collectionFollowups).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type FollowupLedgerDbRow = Awaited<ReturnType<typeof findFollowupRows>>['items'][number];

/** Villages of the division tree under a LIKE pattern ('450223101%'), in code order. */
export async function findVillages(db: DbOrTx, pattern: string) {
  return db
    .select({
      code: regions.code,
      name: regions.name,
      parentCode: regions.parentCode,
      placeholder: regions.placeholder,
    })
    .from(regions)
    .where(and(eq(regions.level, 'village'), like(regions.code, pattern)))
    .orderBy(regions.code);
}
export async function findTowns(db: DbOrTx, pattern: string) {
  return db
    .select({ code: regions.code, name: regions.name, placeholder: regions.placeholder })
    .from(regions)
    .where(and(eq(regions.level, 'town'), like(regions.code, pattern)))
    .orderBy(regions.code);
}

export type VillageStats = {
  households: number;
  members: number;
  zeroEmploymentFamilies: number;
  migrants: number;
  unemployed: number;
  firstCollectedOn: string;
};

/** Per village under a pattern: households and members collected before `before` (a day, exclusive; all when absent). */
export async function villageStats(db: DbOrTx, pattern: string, before?: string): Promise<Map<string, VillageStats>> {
  const hWhere = and(
    like(collectionHouseholds.villageCode, pattern),
    before ? lt(collectionHouseholds.collectedOn, before) : undefined,
  );
  const hs = await db
    .select({
      village: collectionHouseholds.villageCode,
      households: count(),
      zero: sql<number>`count(*) filter (where ${collectionHouseholds.zeroEmployment})`.mapWith(Number),
      first: sql<string>`min(${collectionHouseholds.collectedOn})::text`,
    })
    .from(collectionHouseholds)
    .where(hWhere)
    .groupBy(collectionHouseholds.villageCode);
  const ms = await db
    .select({
      village: collectionMembers.villageCode,
      members: count(),
      migrants: sql<number>`count(*) filter (where ${collectionMembers.status} = 'migrant')`.mapWith(Number),
      unemployed: sql<number>`count(*) filter (where ${collectionMembers.status} = 'unemployed')`.mapWith(Number),
    })
    .from(collectionMembers)
    .innerJoin(collectionHouseholds, eq(collectionHouseholds.id, collectionMembers.householdId))
    .where(hWhere)
    .groupBy(collectionMembers.villageCode);
  const out = new Map<string, VillageStats>();
  for (const h of hs)
    out.set(h.village, {
      households: h.households,
      members: 0,
      zeroEmploymentFamilies: h.zero,
      migrants: 0,
      unemployed: 0,
      firstCollectedOn: h.first,
    });
  for (const m of ms) {
    const s = out.get(m.village);
    if (s) Object.assign(s, { members: m.members, migrants: m.migrants, unemployed: m.unemployed });
  }
  return out;
}
