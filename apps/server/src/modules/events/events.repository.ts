import { and, count, desc, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { findEmployerNames } from '../employers/index.js';
import {
  deliveryConfirmations,
  eventAttendees,
  eventEmployers,
  recruitmentEvents,
  workerDeliveries,
} from './events.schema.js';

export type EventRow = typeof recruitmentEvents.$inferSelect;
export type DeliveryRow = typeof workerDeliveries.$inferSelect;
export type ConfirmationRow = typeof deliveryConfirmations.$inferSelect;

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

export const insertEvent = async (db: DbOrTx, v: typeof recruitmentEvents.$inferInsert) =>
  first(await db.insert(recruitmentEvents).values(v).returning(), 'event');
export const insertDelivery = async (db: DbOrTx, v: typeof workerDeliveries.$inferInsert) =>
  first(await db.insert(workerDeliveries).values(v).returning(), 'delivery');

export async function findEvent(db: DbOrTx, id: string): Promise<EventRow | undefined> {
  return (await db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, id)).limit(1))[0];
}

export async function findEvents(
  db: DbOrTx,
  pattern: string,
  kind: EventRow['kind'] | undefined,
  slice: Slice,
): Promise<Fetched<EventRow>> {
  const where = and(like(recruitmentEvents.regionCode, pattern), kind ? eq(recruitmentEvents.kind, kind) : undefined);
  const rows = await db
    .select()
    .from(recruitmentEvents)
    .where(where)
    .orderBy(desc(recruitmentEvents.heldAt), desc(recruitmentEvents.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(recruitmentEvents).where(where);
  return { items: rows, total: total?.n ?? 0 };
}

/** Participating employers (with names) and attendee counts of some events. */
export async function findEventDetails(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return { employers: [], attendees: new Map<string, number>() };
  const emps = await db
    .select({
      eventId: eventEmployers.eventId,
      employerId: eventEmployers.employerId,
      jobIds: eventEmployers.jobIds,
    })
    .from(eventEmployers)
    .where(inArray(eventEmployers.eventId, ids));
  const names = await findEmployerNames(
    db,
    emps.map((e) => e.employerId),
  );
  const att = await db
    .select({ eventId: eventAttendees.eventId, n: count() })
    .from(eventAttendees)
    .where(inArray(eventAttendees.eventId, ids))
    .groupBy(eventAttendees.eventId);
  return {
    employers: emps.map((e) => ({ ...e, employerName: names.get(e.employerId) ?? null })),
    attendees: new Map(att.map((a) => [a.eventId, a.n])),
  };
}

export async function upsertEventEmployer(db: DbOrTx, v: typeof eventEmployers.$inferInsert): Promise<void> {
  await db
    .insert(eventEmployers)
    .values(v)
    .onConflictDoUpdate({ target: [eventEmployers.eventId, eventEmployers.employerId], set: { jobIds: v.jobIds } });
}

export async function updateOutcome(
  db: DbOrTx,
  id: string,
  v: { intentions: number; hires: number },
): Promise<EventRow> {
  return first(await db.update(recruitmentEvents).set(v).where(eq(recruitmentEvents.id, id)).returning(), 'event');
}

/** Record an attendance once; returns false when the worker had already checked in. */
export async function insertAttendee(db: DbOrTx, v: typeof eventAttendees.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(eventAttendees)
    .values(v)
    .onConflictDoNothing()
    .returning({ workerId: eventAttendees.workerId });
  return rows.length > 0;
}
export async function findAttendee(db: DbOrTx, eventId: string, workerId: string) {
  return (
    await db
      .select()
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.workerId, workerId)))
      .limit(1)
  )[0];
}
export async function findAttendees(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventAttendees)
    .where(eq(eventAttendees.eventId, eventId))
    .orderBy(eventAttendees.checkedInAt);
}

export async function findDelivery(db: DbOrTx, id: string): Promise<DeliveryRow | undefined> {
  return (await db.select().from(workerDeliveries).where(eq(workerDeliveries.id, id)).limit(1))[0];
}
export async function findDeliveries(db: DbOrTx, pattern: string, slice: Slice) {
  const where = like(workerDeliveries.regionCode, pattern);
  const rows = await db
    .select({ delivery: workerDeliveries })
    .from(workerDeliveries)
    .where(where)
    .orderBy(desc(workerDeliveries.deliveredOn), desc(workerDeliveries.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(workerDeliveries).where(where);
  // Employer names through the employers module (no read of its table here).
  const names = await findEmployerNames(
    db,
    rows.map((r) => r.delivery.employerId),
  );
  return {
    items: rows.map((r) => ({ ...r, employerName: names.get(r.delivery.employerId) ?? null })),
    total: total?.n ?? 0,
  };
}
export async function findConfirmations(db: DbOrTx, deliveryIds: string[]): Promise<ConfirmationRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(deliveryConfirmations)
    .where(inArray(deliveryConfirmations.deliveryId, deliveryIds))
    .orderBy(deliveryConfirmations.confirmedAt);
}
/** A party confirms once; a later confirmation by the same party replaces the earlier one. */
export async function upsertConfirmation(db: DbOrTx, v: typeof deliveryConfirmations.$inferInsert): Promise<void> {
  await db
    .insert(deliveryConfirmations)
    .values(v)
    .onConflictDoUpdate({
      target: [deliveryConfirmations.deliveryId, deliveryConfirmations.party],
      set: {
        confirmedCount: v.confirmedCount,
        confirmer: v.confirmer,
        discrepancy: v.discrepancy,
        note: v.note,
        recorderStaffId: v.recorderStaffId,
        confirmedAt: v.confirmedAt,
      },
    });
}
