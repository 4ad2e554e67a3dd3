import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff, staffLoginFailures, users } from './accounts.schema.js';

export type UserRow = typeof users.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;

export async function findUserByPhoneHash(db: DbOrTx, phoneHash: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.phoneHash, phoneHash)).limit(1);
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/** Insert a user for a phone, or return the existing one (phone hash is unique). */
export async function upsertUserByPhone(
  db: DbOrTx,
  values: { phoneEnc: string; phoneHash: string; now: Date },
): Promise<UserRow> {
  const inserted = await db
    .insert(users)
    .values({ phoneEnc: values.phoneEnc, phoneHash: values.phoneHash, lastLoginAt: values.now })
    .onConflictDoUpdate({ target: users.phoneHash, set: { lastLoginAt: values.now } })
    .returning();
  const row = inserted[0];
  if (!row) throw new Error('upsertUserByPhone returned no row');
  return row;
}

export async function findStaffByUsername(db: DbOrTx, username: string): Promise<StaffRow | undefined> {
  const rows = await db.select().from(staff).where(eq(staff.username, username)).limit(1);
  return rows[0];
}

export async function findStaffById(db: DbOrTx, id: string): Promise<StaffRow | undefined> {
  const rows = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
  return rows[0];
}

export async function updateStaffLoginState(
  db: DbOrTx,
  id: string,
  values: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
): Promise<void> {
  await db.update(staff).set(values).where(eq(staff.id, id));
}

export async function insertStaff(db: DbOrTx, values: typeof staff.$inferInsert): Promise<StaffRow> {
  const rows = await db.insert(staff).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insertStaff returned no row');
  return row;
}

/** The lock of one account for one client, if any. */
export async function findClientLock(db: DbOrTx, staffId: string, clientKey: string): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: staffLoginFailures.lockedUntil })
    .from(staffLoginFailures)
    .where(and(eq(staffLoginFailures.staffId, staffId), eq(staffLoginFailures.clientKey, clientKey)))
    .limit(1);
  return rows[0]?.lockedUntil ?? null;
}

/**
 * Count one failed login of an account from a client in a single atomic upsert (no
 * read-modify-write), restarting the count when the last failure is older than the window or the
 * previous lock has run out; the attempt that reaches `max` sets the lock. Returns the new count
 * and the lock.
 */
export async function recordClientFailure(
  db: DbOrTx,
  v: { staffId: string; clientKey: string; now: Date; windowMs: number; max: number; lockMs: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const since = new Date(v.now.getTime() - v.windowMs);
  const lockUntil = new Date(v.now.getTime() + v.lockMs);
  const t = staffLoginFailures;
  const restart = sql`(${t.lastFailedAt} < ${since} or (${t.lockedUntil} is not null and ${t.lockedUntil} <= ${v.now}))`;
  const next = sql`case when ${restart} then 1 else ${t.failures} + 1 end`;
  const rows = await db
    .insert(t)
    .values({
      staffId: v.staffId,
      clientKey: v.clientKey,
      failures: 1,
      lastFailedAt: v.now,
    })
    .onConflictDoUpdate({
      target: [t.staffId, t.clientKey],
      set: {
        failures: next,
        lastFailedAt: v.now,
        lockedUntil: sql`case when ${restart} then null else ${t.lockedUntil} end`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  const row = rows[0];
  if (!row) throw new Error('recordClientFailure returned no row');
  if (row.failures < v.max || row.lockedUntil) return row;
  // The attempt that reached the limit sets the lock (idempotent if several reach it at once).
  const locked = await db
    .update(t)
    .set({ lockedUntil: sql`coalesce(${t.lockedUntil}, ${lockUntil}::timestamptz)` })
    .where(and(eq(t.staffId, v.staffId), eq(t.clientKey, v.clientKey)))
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  return locked[0] ?? row;
}

/** Record on the account that some client is locked out until then (for the staff list). */
export async function markStaffLocked(db: DbOrTx, staffId: string, until: Date): Promise<void> {
  await db.update(staff).set({ lockedUntil: until }).where(eq(staff.id, staffId));
}

/** Atomically count a failure on the account as a whole (for burst alerts); returns the new count. */
export async function incrementStaffFailures(db: DbOrTx, staffId: string): Promise<number> {
  const rows = await db
    .update(staff)
    .set({ failedLogins: sql`${staff.failedLogins} + 1` })
    .where(eq(staff.id, staffId))
    .returning({ failedLogins: staff.failedLogins });
  return rows[0]?.failedLogins ?? 0;
}

/** Forget the failures of an account: of one client after its successful login, or all (unlock). */
export async function clearLoginFailures(db: DbOrTx, staffId: string, clientKey?: string): Promise<void> {
  const cond = clientKey
    ? and(eq(staffLoginFailures.staffId, staffId), eq(staffLoginFailures.clientKey, clientKey))
    : eq(staffLoginFailures.staffId, staffId);
  await db.delete(staffLoginFailures).where(cond);
}

/** Clients currently locked out of an account. */
export async function countActiveLocks(db: DbOrTx, staffId: string, now: Date): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffLoginFailures)
    .where(and(eq(staffLoginFailures.staffId, staffId), sql`${staffLoginFailures.lockedUntil} > ${now}`));
  return rows[0]?.n ?? 0;
}

export async function updateStaffTotp(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<StaffRow, 'totpSecretEnc' | 'totpEnabledAt' | 'totpLastStep' | 'recoveryCodeHashes'>>,
): Promise<void> {
  await db.update(staff).set(values).where(eq(staff.id, id));
}

/** Accept a TOTP time step once: only moves forward, atomically (two requests with one code: one wins). */
export async function claimTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(staff)
    .set({ totpLastStep: step })
    .where(and(eq(staff.id, id), sql`coalesce(${staff.totpLastStep}, -1) < ${step}`))
    .returning({ id: staff.id });
  return rows.length > 0;
}

/** Use up one recovery code atomically; false when it is not (or no longer) there. */
export async function consumeRecoveryCode(db: DbOrTx, id: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(staff)
    .set({ recoveryCodeHashes: sql`array_remove(${staff.recoveryCodeHashes}, ${codeHash})` })
    .where(and(eq(staff.id, id), sql`${codeHash} = any(${staff.recoveryCodeHashes})`))
    .returning({ id: staff.id });
  return rows.length > 0;
}
