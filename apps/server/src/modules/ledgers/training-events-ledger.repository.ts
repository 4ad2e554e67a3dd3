import { and, count, desc, eq, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { employers } from '../employers/employers.schema.js';
import {
  deliveryConfirmations,
  eventAttendees,
  eventEmployers,
  recruitmentEvents,
  workerDeliveries,
} from '../events/events.schema.js';
import {
  classSessions,
  sessionAttendance,
  trainingCourses,
  trainingProviders,
  trainingRecommendations,
} from '../training/training.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import { shanghaiDay, windowConds, type Slice, type Window } from '../../platform/reporting/index.js';

// Ledgers of training and events (培训课时台账, 培训推荐台账, 招聘活动台账, 送工台账): read-only.

type EventKind = (typeof recruitmentEvents.$inferSelect)['kind'];

/** Class sessions held in the window, newest first, with course, provider, attendance and recorder. */
export async function findClassSessions(db: DbOrTx, w: Window, slice: Slice) {
  const t = classSessions;
  const where = and(...windowConds(t.regionCode, t.heldAt, w));
  const rows = await db
    .select({
      id: t.id,
      seq: t.seq,
      heldAt: t.heldAt,
      topic: t.topic,
      teacher: t.teacher,
      regionCode: t.regionCode,
      courseTitle: trainingCourses.title,
      trade: trainingCourses.trade,
      funding: trainingCourses.funding,
      providerName: trainingProviders.name,
      recorderName: staff.name,
      present:
        sql<number>`(select count(*) from ${sessionAttendance} where ${sessionAttendance.sessionId} = ${t.id})`.mapWith(
          Number,
        ),
    })
    .from(t)
    .innerJoin(trainingCourses, eq(trainingCourses.id, t.courseId))
    .leftJoin(trainingProviders, eq(trainingProviders.id, trainingCourses.providerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.heldAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type ClassSessionDbRow = Awaited<ReturnType<typeof findClassSessions>>['items'][number];

/** Recommendations sent in the window, newest first, one row per worker and course. */
export async function findRecommendations(db: DbOrTx, w: Window, slice: Slice) {
  const t = trainingRecommendations;
  const where = and(...windowConds(t.regionCode, t.sentAt, w));
  const rows = await db
    .select({
      id: t.id,
      workerId: t.workerId,
      nameEnc: workerProfiles.nameEnc,
      regionCode: t.regionCode,
      sentAt: t.sentAt,
      courseTitle: trainingCourses.title,
      trade: trainingCourses.trade,
      funding: trainingCourses.funding,
      recorderName: staff.name,
    })
    .from(t)
    .innerJoin(trainingCourses, eq(trainingCourses.id, t.courseId))
    .leftJoin(workerProfiles, eq(workerProfiles.id, t.workerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.sentAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type RecommendationDbRow = Awaited<ReturnType<typeof findRecommendations>>['items'][number];

function eventWhere(w: Window, kinds: readonly EventKind[]): SQL | undefined {
  return and(
    ...windowConds(recruitmentEvents.regionCode, recruitmentEvents.heldAt, w),
    inArray(recruitmentEvents.kind, [...kinds]),
  );
}

/** Events held in the window of the given kinds, newest first, with employers, jobs and attendees. */
export async function findEventRows(db: DbOrTx, w: Window, kinds: readonly EventKind[], slice: Slice) {
  const t = recruitmentEvents;
  const where = eventWhere(w, kinds);
  const rows = await db
    .select({
      id: t.id,
      kind: t.kind,
      stationKind: t.stationKind,
      title: t.title,
      heldAt: t.heldAt,
      place: t.place,
      platform: t.platform,
      link: t.link,
      regionCode: t.regionCode,
      intentions: t.intentions,
      hires: t.hires,
      recorderName: staff.name,
      employers:
        sql<number>`(select count(*) from ${eventEmployers} where ${eventEmployers.eventId} = ${t.id})`.mapWith(Number),
      jobs: sql<number>`(select coalesce(sum(cardinality(${eventEmployers.jobIds})), 0) from ${eventEmployers} where ${eventEmployers.eventId} = ${t.id})`.mapWith(
        Number,
      ),
      attendees:
        sql<number>`(select count(*) from ${eventAttendees} where ${eventAttendees.eventId} = ${t.id})`.mapWith(Number),
    })
    .from(t)
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.heldAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type EventDbRow = Awaited<ReturnType<typeof findEventRows>>['items'][number];

/** Deliveries dated inside the window (Shanghai days), newest first, with each party's confirmed count. */
export async function findDeliveryRows(db: DbOrTx, w: Window, slice: Slice) {
  const t = workerDeliveries;
  const conds: SQL[] = [like(t.regionCode, w.regionPattern)];
  if (w.start) conds.push(gte(t.deliveredOn, shanghaiDay(w.start)));
  if (w.end) conds.push(lt(t.deliveredOn, shanghaiDay(w.end)));
  const where = and(...conds);
  const rows = await db
    .select({
      id: t.id,
      employerName: employers.name,
      sender: t.sender,
      deliveredOn: t.deliveredOn,
      workerIds: t.workerIds,
      regionCode: t.regionCode,
      recorderName: staff.name,
      createdAt: t.createdAt,
    })
    .from(t)
    .leftJoin(employers, eq(employers.id, t.employerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.deliveredOn), desc(t.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const ids = rows.map((r) => r.id);
  const confirmations = ids.length
    ? await db.select().from(deliveryConfirmations).where(inArray(deliveryConfirmations.deliveryId, ids))
    : [];
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return {
    items: rows.map((r) => ({ ...r, confirmations: confirmations.filter((c) => c.deliveryId === r.id) })),
    total: total?.n ?? 0,
  };
}
export type DeliveryDbRow = Awaited<ReturnType<typeof findDeliveryRows>>['items'][number];
