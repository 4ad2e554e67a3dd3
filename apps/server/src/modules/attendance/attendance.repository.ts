import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attendanceRecords, checkinQrSecrets, completions } from './attendance.schema.js';

export type AttendanceRow = typeof attendanceRecords.$inferSelect;
export type CompletionRow = typeof completions.$inferSelect;

export async function recordsOf(db: DbOrTx, applicationId: string): Promise<AttendanceRow[]> {
  return db
    .select()
    .from(attendanceRecords)
    .where(eq(attendanceRecords.applicationId, applicationId))
    .orderBy(asc(attendanceRecords.day));
}

/** Insert the day's check-in; undefined when the day already has one. */
export async function insertCheckIn(
  tx: DbOrTx,
  values: typeof attendanceRecords.$inferInsert,
): Promise<AttendanceRow | undefined> {
  const rows = await tx
    .insert(attendanceRecords)
    .values(values)
    .onConflictDoNothing({ target: [attendanceRecords.applicationId, attendanceRecords.day] })
    .returning();
  return rows[0];
}

/** The open (not checked-out) record of an application, locked. */
export async function lockOpenRecord(tx: DbOrTx, applicationId: string): Promise<AttendanceRow | undefined> {
  const rows = await tx
    .select()
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.applicationId, applicationId), isNull(attendanceRecords.checkOutAt)))
    .orderBy(asc(attendanceRecords.checkInAt))
    .for('update');
  return rows[0];
}

export async function setCheckOut(
  tx: DbOrTx,
  id: string,
  values: { checkOutAt: Date; checkOutMethod: AttendanceRow['checkInMethod']; checkOutDistanceM: number | null },
): Promise<void> {
  await tx.update(attendanceRecords).set(values).where(eq(attendanceRecords.id, id));
}

export async function findQrSecret(db: DbOrTx, jobId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ secret: checkinQrSecrets.secret })
    .from(checkinQrSecrets)
    .where(eq(checkinQrSecrets.jobId, jobId));
  return row?.secret;
}

/** The job's QR secret, created on first use. */
export async function qrSecretOf(db: DbOrTx, jobId: string, create: () => string): Promise<string> {
  await db.insert(checkinQrSecrets).values({ jobId, secret: create() }).onConflictDoNothing();
  const [row] = await db
    .select({ secret: checkinQrSecrets.secret })
    .from(checkinQrSecrets)
    .where(eq(checkinQrSecrets.jobId, jobId));
  return row!.secret;
}

export async function insertCompletion(tx: DbOrTx, values: typeof completions.$inferInsert): Promise<void> {
  await tx.insert(completions).values(values);
}

export async function findCompletion(db: DbOrTx, applicationId: string): Promise<CompletionRow | undefined> {
  return (await db.select().from(completions).where(eq(completions.applicationId, applicationId)).limit(1))[0];
}
