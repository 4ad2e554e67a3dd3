import { and, count, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import {
  classSessions,
  sessionAttendance,
  trainingCourses,
  trainingEnrolments,
  trainingNeeds,
  trainingProviders,
  trainingRecommendations,
} from './training.schema.js';

export type ProviderRow = typeof trainingProviders.$inferSelect;
export type CourseRow = typeof trainingCourses.$inferSelect;
export type NeedRow = typeof trainingNeeds.$inferSelect;
export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;
export type SessionRow = typeof classSessions.$inferSelect;

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

/** Records visible from a scope: its subtree, plus the ancestors' (county courses serve every town). */
export function visibleRegion(
  column: typeof trainingCourses.regionCode | typeof trainingProviders.regionCode,
  pattern: string,
  ancestors: string[],
) {
  return ancestors.length ? or(like(column, pattern), inArray(column, ancestors)) : like(column, pattern);
}

export const insertProvider = async (db: DbOrTx, v: typeof trainingProviders.$inferInsert) =>
  first(await db.insert(trainingProviders).values(v).returning(), 'provider');
export const insertCourse = async (db: DbOrTx, v: typeof trainingCourses.$inferInsert) =>
  first(await db.insert(trainingCourses).values(v).returning(), 'course');
export const insertNeed = async (db: DbOrTx, v: typeof trainingNeeds.$inferInsert) =>
  first(await db.insert(trainingNeeds).values(v).returning(), 'need');
export const insertSession = async (db: DbOrTx, v: typeof classSessions.$inferInsert) =>
  first(await db.insert(classSessions).values(v).returning(), 'session');

export async function findProvider(db: DbOrTx, id: string): Promise<ProviderRow | undefined> {
  return (await db.select().from(trainingProviders).where(eq(trainingProviders.id, id)).limit(1))[0];
}
export async function findCourse(db: DbOrTx, id: string): Promise<CourseRow | undefined> {
  return (await db.select().from(trainingCourses).where(eq(trainingCourses.id, id)).limit(1))[0];
}

export async function findProviders(
  db: DbOrTx,
  pattern: string,
  ancestors: string[],
  slice: Slice,
): Promise<Fetched<ProviderRow>> {
  const where = visibleRegion(trainingProviders.regionCode, pattern, ancestors);
  const items = await db
    .select()
    .from(trainingProviders)
    .where(where)
    .orderBy(desc(trainingProviders.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(trainingProviders).where(where);
  return { items, total: total?.n ?? 0 };
}

const countOf = (table: typeof trainingEnrolments | typeof classSessions | typeof trainingRecommendations) =>
  sql<number>`(select count(*) from ${table} where ${table.courseId} = ${trainingCourses.id})`.mapWith(Number);

/** Courses visible from a scope, newest first, with enrolled / held / recommended counts. */
export async function findCourses(
  db: DbOrTx,
  pattern: string,
  ancestors: string[],
  trade: string | undefined,
  slice: Slice,
) {
  const where = and(
    visibleRegion(trainingCourses.regionCode, pattern, ancestors),
    trade ? eq(trainingCourses.trade, trade) : undefined,
  );
  const items = await db
    .select({
      course: trainingCourses,
      providerName: trainingProviders.name,
      enrolled: countOf(trainingEnrolments),
      sessionsHeld: countOf(classSessions),
      recommended: countOf(trainingRecommendations),
    })
    .from(trainingCourses)
    .leftJoin(trainingProviders, eq(trainingProviders.id, trainingCourses.providerId))
    .where(where)
    .orderBy(desc(trainingCourses.startDate), desc(trainingCourses.createdAt))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(trainingCourses).where(where);
  return { items, total: total?.n ?? 0 };
}
export type CourseListRow = Awaited<ReturnType<typeof findCourses>>['items'][number];

/** Of these workers, those already recommended this course. */
export async function findRecommendedWorkerIds(
  db: DbOrTx,
  courseId: string,
  workerIds: string[],
): Promise<Set<string>> {
  if (workerIds.length === 0) return new Set();
  const rows = await db
    .select({ workerId: trainingRecommendations.workerId })
    .from(trainingRecommendations)
    .where(and(eq(trainingRecommendations.courseId, courseId), inArray(trainingRecommendations.workerId, workerIds)));
  return new Set(rows.map((r) => r.workerId));
}

export async function insertRecommendations(db: DbOrTx, rows: (typeof trainingRecommendations.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db
    .insert(trainingRecommendations)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: trainingRecommendations.id, workerId: trainingRecommendations.workerId });
}

export async function countEnrolments(db: DbOrTx, courseId: string): Promise<number> {
  return (
    (await db.select({ n: count() }).from(trainingEnrolments).where(eq(trainingEnrolments.courseId, courseId)))[0]?.n ??
    0
  );
}
export async function insertEnrolment(
  db: DbOrTx,
  v: typeof trainingEnrolments.$inferInsert,
): Promise<EnrolmentRow | undefined> {
  return (await db.insert(trainingEnrolments).values(v).onConflictDoNothing().returning())[0];
}
export async function findEnrolledWorkerIds(db: DbOrTx, courseId: string): Promise<Set<string>> {
  const rows = await db
    .select({ workerId: trainingEnrolments.workerId })
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.courseId, courseId));
  return new Set(rows.map((r) => r.workerId));
}

export async function countSessions(db: DbOrTx, courseId: string): Promise<number> {
  return (await db.select({ n: count() }).from(classSessions).where(eq(classSessions.courseId, courseId)))[0]?.n ?? 0;
}
export async function insertAttendance(db: DbOrTx, sessionId: string, workerIds: string[]): Promise<void> {
  if (workerIds.length > 0)
    await db.insert(sessionAttendance).values(workerIds.map((workerId) => ({ sessionId, workerId })));
}
/** A course's sessions in order, with the number present. */
export async function findSessions(db: DbOrTx, courseId: string) {
  return db
    .select({
      session: classSessions,
      present:
        sql<number>`(select count(*) from ${sessionAttendance} where ${sessionAttendance.sessionId} = ${classSessions.id})`.mapWith(
          Number,
        ),
    })
    .from(classSessions)
    .where(eq(classSessions.courseId, courseId))
    .orderBy(classSessions.seq);
}
export async function findEnrolments(db: DbOrTx, courseId: string): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.courseId, courseId))
    .orderBy(trainingEnrolments.enrolledAt);
}
