import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff, users } from './accounts.schema.js';

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
