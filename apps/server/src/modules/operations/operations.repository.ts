import { aliasedTable, and, count, desc, eq, isNull, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { stations } from '../reference/reference.schema.js';
import { dutyShifts, facilityChecks, stationVisits } from './operations.schema.js';
import { dateWindowConds, type Slice, type Window } from '../../platform/reporting/index.js';

export type DutyRow = typeof dutyShifts.$inferSelect;

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

export const insertDuty = async (db: DbOrTx, v: typeof dutyShifts.$inferInsert) =>
  first(await db.insert(dutyShifts).values(v).returning(), 'duty');
export const insertVisit = async (db: DbOrTx, v: typeof stationVisits.$inferInsert) =>
  first(await db.insert(stationVisits).values(v).returning(), 'visit');
export const insertCheck = async (db: DbOrTx, v: typeof facilityChecks.$inferInsert) =>
  first(await db.insert(facilityChecks).values(v).returning(), 'check');

export async function findDuty(db: DbOrTx, id: string): Promise<DutyRow | undefined> {
  return (await db.select().from(dutyShifts).where(eq(dutyShifts.id, id)).limit(1))[0];
}
export async function deleteDuty(db: DbOrTx, id: string): Promise<void> {
  await db.delete(dutyShifts).where(eq(dutyShifts.id, id));
}
export async function findStaffRef(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: staff.id, name: staff.name, regionCode: staff.regionCode, disabledAt: staff.disabledAt })
      .from(staff)
      .where(eq(staff.id, id))
      .limit(1)
  )[0];
}
export async function findStationRef(db: DbOrTx, id: string) {
  return (
    await db
      .select({ id: stations.id, name: stations.name, townCode: stations.townCode })
      .from(stations)
      .where(eq(stations.id, id))
      .limit(1)
  )[0];
}
export async function findStaffShiftsOn(db: DbOrTx, staffId: string, day: string): Promise<DutyRow[]> {
  return db
    .select()
    .from(dutyShifts)
    .where(and(eq(dutyShifts.staffId, staffId), eq(dutyShifts.dutyDate, day)));
}

const onDuty = aliasedTable(staff, 'on_duty');
const visitor = aliasedTable(staff, 'visitor');

/** Shifts in a window, by day and start time, with names of the staff, station and recorder. */
export async function findDuties(db: DbOrTx, w: Window, f: { place?: DutyRow['place']; id?: string }, slice: Slice) {
  const where = and(
    ...dateWindowConds(dutyShifts.regionCode, dutyShifts.dutyDate, w),
    f.place ? eq(dutyShifts.place, f.place) : undefined,
    f.id ? eq(dutyShifts.id, f.id) : undefined,
  );
  const rows = await db
    .select({ d: dutyShifts, staffName: onDuty.name, stationName: stations.name, recorderName: staff.name })
    .from(dutyShifts)
    .leftJoin(onDuty, eq(onDuty.id, dutyShifts.staffId))
    .leftJoin(stations, eq(stations.id, dutyShifts.stationId))
    .leftJoin(staff, eq(staff.id, dutyShifts.recorderStaffId))
    .where(where)
    .orderBy(desc(dutyShifts.dutyDate), dutyShifts.onTime, dutyShifts.id)
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(dutyShifts).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type DutyListRow = Awaited<ReturnType<typeof findDuties>>['items'][number];

/** Every shift of a place in a window (for the daily check). */
export async function findShiftsForCheck(db: DbOrTx, w: Window, place: DutyRow['place']) {
  return db
    .select({
      dutyDate: dutyShifts.dutyDate,
      staffId: dutyShifts.staffId,
      onTime: dutyShifts.onTime,
      offTime: dutyShifts.offTime,
    })
    .from(dutyShifts)
    .where(and(...dateWindowConds(dutyShifts.regionCode, dutyShifts.dutyDate, w), eq(dutyShifts.place, place)));
}

export async function findVisits(db: DbOrTx, w: Window, slice: Slice, id?: string) {
  const where = and(
    ...dateWindowConds(stationVisits.regionCode, stationVisits.visitedOn, w),
    id ? eq(stationVisits.id, id) : undefined,
  );
  const rows = await db
    .select({ v: stationVisits, stationName: stations.name, visitorName: visitor.name, recorderName: staff.name })
    .from(stationVisits)
    .leftJoin(stations, eq(stations.id, stationVisits.stationId))
    .leftJoin(visitor, eq(visitor.id, stationVisits.visitorStaffId))
    .leftJoin(staff, eq(staff.id, stationVisits.recorderStaffId))
    .where(where)
    .orderBy(desc(stationVisits.visitedOn), desc(stationVisits.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(stationVisits).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type VisitListRow = Awaited<ReturnType<typeof findVisits>>['items'][number];

export async function findChecks(db: DbOrTx, w: Window, slice: Slice, id?: string) {
  const where: SQL | undefined = and(
    ...dateWindowConds(facilityChecks.regionCode, facilityChecks.checkedOn, w),
    id ? eq(facilityChecks.id, id) : undefined,
  );
  const rows = await db
    .select({ c: facilityChecks, stationName: stations.name, recorderName: staff.name })
    .from(facilityChecks)
    .leftJoin(stations, eq(stations.id, facilityChecks.stationId))
    .leftJoin(staff, eq(staff.id, facilityChecks.recorderStaffId))
    .where(where)
    .orderBy(desc(facilityChecks.checkedOn), desc(facilityChecks.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(facilityChecks).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type CheckListRow = Awaited<ReturnType<typeof findChecks>>['items'][number];

/** Active staff under a region pattern, by name (the roster's picker). */
export async function findStaffInScope(db: DbOrTx, pattern: string) {
  return db
    .select({ id: staff.id, name: staff.name, regionCode: staff.regionCode })
    .from(staff)
    .where(and(like(staff.regionCode, pattern), isNull(staff.disabledAt)))
    .orderBy(staff.name);
}
