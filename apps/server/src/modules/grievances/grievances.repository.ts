import { and, count, desc, eq, inArray, like, lt, not, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { grievanceEvents, grievances } from './grievances.schema.js';

export type GrievanceRow = typeof grievances.$inferSelect;
export type GrievanceInsert = typeof grievances.$inferInsert;
export type GrievanceEventRow = typeof grievanceEvents.$inferSelect;
export type GrievanceStatusValue = GrievanceRow['status'];
const STATUS_ORDER: GrievanceStatusValue[] = ['submitted', 'accepted', 'in_progress', 'resolved', 'escalated'];
export const OPEN_STATUSES: GrievanceStatusValue[] = ['submitted', 'accepted', 'in_progress'];

/** Insert a grievance unless the side already has an open one on the application (then undefined). */
export async function insertGrievance(db: DbOrTx, values: GrievanceInsert): Promise<GrievanceRow | undefined> {
  const rows = await db.insert(grievances).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function insertEvent(db: DbOrTx, values: typeof grievanceEvents.$inferInsert): Promise<void> {
  await db.insert(grievanceEvents).values(values);
}

export async function findGrievance(db: DbOrTx, id: string): Promise<GrievanceRow | undefined> {
  return (await db.select().from(grievances).where(eq(grievances.id, id)).limit(1))[0];
}

export async function lockGrievance(db: DbOrTx, id: string): Promise<GrievanceRow | undefined> {
  return (await db.select().from(grievances).where(eq(grievances.id, id)).for('update').limit(1))[0];
}

export async function updateGrievance(db: DbOrTx, id: string, set: Partial<GrievanceInsert>): Promise<GrievanceRow> {
  const [row] = await db.update(grievances).set(set).where(eq(grievances.id, id)).returning();
  if (!row) throw new Error('grievance vanished');
  return row;
}

export async function findEvents(db: DbOrTx, ids: string[]): Promise<GrievanceEventRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(grievanceEvents).where(inArray(grievanceEvents.grievanceId, ids));
  // The flow only moves forward, so within one instant the status order is the event order.
  const rank = (e: GrievanceEventRow) => (e.fromStatus === null ? -1 : STATUS_ORDER.indexOf(e.toStatus));
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
}

export async function findOpenOfApplication(
  db: DbOrTx,
  applicationId: string,
  side: 'worker' | 'employer',
): Promise<GrievanceRow | undefined> {
  const rows = await db
    .select()
    .from(grievances)
    .where(
      and(
        eq(grievances.applicationId, applicationId),
        eq(grievances.filerSide, side),
        inArray(grievances.status, OPEN_STATUSES),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Grievances where the user is the filer, the worker or a member of the employer. */
export async function findPageForParty(
  db: DbOrTx,
  party: { userId: string; workerId: string | null; employerIds: string[] },
  slice: Slice,
): Promise<Fetched<GrievanceRow>> {
  const conds: SQL[] = [eq(grievances.filerUserId, party.userId)];
  if (party.workerId) conds.push(eq(grievances.workerId, party.workerId));
  if (party.employerIds.length > 0) conds.push(inArray(grievances.employerId, party.employerIds));
  const where = or(...conds);
  const items = await db
    .select()
    .from(grievances)
    .where(where)
    .orderBy(desc(grievances.createdAt), desc(grievances.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [t] = await db.select({ n: count() }).from(grievances).where(where);
  return { items, total: t?.n ?? 0 };
}

export type AdminFilter = {
  regionPattern: string;
  status?: GrievanceStatusValue;
  kind?: GrievanceRow['kind'];
  employerId?: string;
  workerId?: string;
  /** With the SLA cutoffs: true = only overdue, false = only not overdue. */
  overdue?: { value: boolean; acceptCutoff: Date; resolveCutoff: Date };
};

function overdueCondition(acceptCutoff: Date, resolveCutoff: Date): SQL {
  return or(
    and(eq(grievances.status, 'submitted'), lt(grievances.createdAt, acceptCutoff)),
    and(inArray(grievances.status, ['accepted', 'in_progress']), lt(grievances.acceptedAt, resolveCutoff)),
  ) as SQL;
}

function adminWhere(f: AdminFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [like(grievances.regionCode, f.regionPattern)];
  if (f.status) conds.push(eq(grievances.status, f.status));
  if (f.kind) conds.push(eq(grievances.kind, f.kind));
  if (f.employerId) conds.push(eq(grievances.employerId, f.employerId));
  if (f.workerId) conds.push(eq(grievances.workerId, f.workerId));
  if (f.overdue) {
    const od = overdueCondition(f.overdue.acceptCutoff, f.overdue.resolveCutoff);
    conds.push(f.overdue.value ? od : and(inArray(grievances.status, OPEN_STATUSES), not(od)));
  }
  return and(...conds);
}

export async function findAdminPage(db: DbOrTx, f: AdminFilter, slice: Slice): Promise<Fetched<GrievanceRow>> {
  const where = adminWhere(f);
  const items = await db
    .select()
    .from(grievances)
    .where(where)
    .orderBy(desc(grievances.createdAt), desc(grievances.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [t] = await db.select({ n: count() }).from(grievances).where(where);
  return { items, total: t?.n ?? 0 };
}

/** Open grievances in a region subtree (console home). */
export async function countOpen(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(grievances)
    .where(and(inArray(grievances.status, OPEN_STATUSES), like(grievances.regionCode, regionPattern)));
  return row?.n ?? 0;
}
