import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applicationEvents, applications } from './applications.schema.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationStatus = ApplicationRow['status'];
export type EventRow = typeof applicationEvents.$inferSelect;
export type Side = EventRow['actorSide'];

/** Hired and confirmed (and later working/completed) applications occupy a place of the headcount. */
export const OCCUPYING: readonly ApplicationStatus[] = ['hired', 'confirmed', 'working', 'completed'];

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const rows = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return rows[0];
}

/** The application row locked for the rest of the transaction. */
export async function lockApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const rows = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return rows[0];
}

export async function findByJobAndWorker(
  db: DbOrTx,
  jobId: string,
  workerId: string,
): Promise<ApplicationRow | undefined> {
  const rows = await db
    .select()
    .from(applications)
    .where(and(eq(applications.jobId, jobId), eq(applications.workerId, workerId)))
    .limit(1);
  return rows[0];
}

/** Insert unless the worker already has an application for the job (then undefined). */
export async function insertApplication(
  db: DbOrTx,
  values: typeof applications.$inferInsert,
): Promise<ApplicationRow | undefined> {
  const rows = await db
    .insert(applications)
    .values(values)
    .onConflictDoNothing({ target: [applications.jobId, applications.workerId] })
    .returning();
  return rows[0];
}

export async function updateApplication(
  db: DbOrTx,
  id: string,
  values: Partial<typeof applications.$inferInsert>,
): Promise<ApplicationRow> {
  const [row] = await db.update(applications).set(values).where(eq(applications.id, id)).returning();
  if (!row) throw new Error('updateApplication returned no row');
  return row;
}

export async function insertEvent(db: DbOrTx, values: typeof applicationEvents.$inferInsert): Promise<void> {
  await db.insert(applicationEvents).values(values);
}

export async function findEvents(db: DbOrTx, applicationIds: string[]): Promise<EventRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, applicationIds))
    .orderBy(asc(applicationEvents.at));
}

export async function findByWorker(db: DbOrTx, workerId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(eq(applications.workerId, workerId))
    .orderBy(desc(applications.updatedAt))
    .limit(200);
}

export async function findByJob(db: DbOrTx, jobId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(eq(applications.jobId, jobId))
    .orderBy(desc(applications.createdAt))
    .limit(500);
}

/** Places taken on a job: hired, confirmed, working or completed applications. */
export async function countOccupying(db: DbOrTx, jobId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.jobId, jobId), inArray(applications.status, [...OCCUPYING])));
  return row?.n ?? 0;
}

/** Per worker: completed and cancelled-by-worker / no-show counts, and the latest activity. */
export async function reliabilityOf(
  db: DbOrTx,
  workerIds: string[],
): Promise<Map<string, { completed: number; failed: number; lastActiveAt: Date | null }>> {
  const out = new Map<string, { completed: number; failed: number; lastActiveAt: Date | null }>();
  if (workerIds.length === 0) return out;
  const rows = await db
    .select({
      workerId: applications.workerId,
      completed: sql<number>`count(*) filter (where ${applications.status} = 'completed')`.mapWith(Number),
      failed:
        sql<number>`count(*) filter (where ${applications.status} = 'no_show' or (${applications.status} = 'cancelled' and ${applications.endedBy} = 'worker'))`.mapWith(
          Number,
        ),
      lastActiveAt: sql<string | null>`max(${applications.updatedAt})`,
    })
    .from(applications)
    .where(inArray(applications.workerId, workerIds))
    .groupBy(applications.workerId);
  for (const r of rows)
    out.set(r.workerId, {
      completed: r.completed,
      failed: r.failed,
      lastActiveAt: r.lastActiveAt ? new Date(r.lastActiveAt) : null,
    });
  return out;
}

/** Which of these jobs the worker has an application for, with its status. */
export async function statusesForWorker(
  db: DbOrTx,
  workerId: string,
  jobIds: string[],
): Promise<Map<string, ApplicationStatus>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db
    .select({ jobId: applications.jobId, status: applications.status })
    .from(applications)
    .where(and(eq(applications.workerId, workerId), inArray(applications.jobId, jobIds)));
  return new Map(rows.map((r) => [r.jobId, r.status]));
}

export async function statusesForJob(
  db: DbOrTx,
  jobId: string,
  workerIds: string[],
): Promise<Map<string, ApplicationStatus>> {
  if (workerIds.length === 0) return new Map();
  const rows = await db
    .select({ workerId: applications.workerId, status: applications.status })
    .from(applications)
    .where(and(eq(applications.jobId, jobId), inArray(applications.workerId, workerIds)));
  return new Map(rows.map((r) => [r.workerId, r.status]));
}
