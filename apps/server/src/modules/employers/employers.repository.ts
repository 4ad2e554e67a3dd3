import { and, count, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { employerInvitations, employerMembers, employers } from './employers.schema.js';
import { creditLevelCondition, type CreditLevel } from '../credit/index.js';

export type Membership = { employerId: string; employerName: string; role: 'owner' | 'member' };
export type EmployerRow = typeof employers.$inferSelect;
export type InvitationRow = typeof employerInvitations.$inferSelect;
export type EmployerStatus = EmployerRow['verificationStatus'];

export async function findMembershipsByUser(db: DbOrTx, userId: string): Promise<Membership[]> {
  return db
    .select({ employerId: employers.id, employerName: employers.name, role: employerMembers.role })
    .from(employerMembers)
    .innerJoin(employers, eq(employers.id, employerMembers.employerId))
    .where(eq(employerMembers.userId, userId))
    .orderBy(employers.name);
}

export async function findEmployerNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: employers.id, name: employers.name })
    .from(employers)
    .where(inArray(employers.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findEmployersByIds(db: DbOrTx, ids: string[]): Promise<EmployerRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(employers)
    .where(inArray(employers.id, [...new Set(ids)]));
}

export async function findEmployerById(db: DbOrTx, id: string): Promise<EmployerRow | undefined> {
  const rows = await db.select().from(employers).where(eq(employers.id, id)).limit(1);
  return rows[0];
}

export async function findEmployerByUscc(db: DbOrTx, uscc: string): Promise<EmployerRow | undefined> {
  const rows = await db.select().from(employers).where(eq(employers.uscc, uscc)).limit(1);
  return rows[0];
}

export async function findPrivateEmployerByIdHash(db: DbOrTx, idNumberHash: string): Promise<EmployerRow | undefined> {
  const rows = await db
    .select()
    .from(employers)
    .where(and(eq(employers.idNumberHash, idNumberHash), eq(employers.kind, 'private_person')))
    .limit(1);
  return rows[0];
}

export async function findRole(db: DbOrTx, employerId: string, userId: string): Promise<'owner' | 'member' | null> {
  const rows = await db
    .select({ role: employerMembers.role })
    .from(employerMembers)
    .where(and(eq(employerMembers.employerId, employerId), eq(employerMembers.userId, userId)))
    .limit(1);
  return rows[0]?.role ?? null;
}

export async function insertEmployer(db: DbOrTx, values: typeof employers.$inferInsert): Promise<EmployerRow> {
  const [row] = await db.insert(employers).values(values).returning();
  if (!row) throw new Error('insertEmployer returned no row');
  return row;
}

export async function updateEmployer(
  db: DbOrTx,
  id: string,
  values: Partial<typeof employers.$inferInsert>,
): Promise<EmployerRow> {
  const [row] = await db.update(employers).set(values).where(eq(employers.id, id)).returning();
  if (!row) throw new Error('updateEmployer returned no row');
  return row;
}

export async function insertMember(db: DbOrTx, values: typeof employerMembers.$inferInsert): Promise<void> {
  await db.insert(employerMembers).values(values).onConflictDoNothing();
}

export async function findEmployersPage(
  db: DbOrTx,
  opts: {
    regionPattern: string;
    status?: EmployerStatus;
    kind?: EmployerRow['kind'];
    nameContains?: string;
    creditLevel?: CreditLevel;
  },
  slice: Slice,
): Promise<Fetched<EmployerRow>> {
  const conds: SQL[] = [like(employers.townCode, opts.regionPattern)];
  if (opts.status) conds.push(eq(employers.verificationStatus, opts.status));
  if (opts.kind) conds.push(eq(employers.kind, opts.kind));
  if (opts.creditLevel) conds.push(creditLevelCondition('employer', employers.id, opts.creditLevel));
  if (opts.nameContains) conds.push(like(employers.name, `%${opts.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conds);
  const items = await db
    .select()
    .from(employers)
    .where(where)
    .orderBy(desc(employers.createdAt), desc(employers.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(employers).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function insertInvitation(
  db: DbOrTx,
  values: typeof employerInvitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(employerInvitations).values(values).returning();
  if (!row) throw new Error('insertInvitation returned no row');
  return row;
}

export async function findInvitationsByEmployer(db: DbOrTx, employerId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(employerInvitations)
    .where(eq(employerInvitations.employerId, employerId))
    .orderBy(desc(employerInvitations.createdAt));
}

export async function findPendingInvitationsByPhone(db: DbOrTx, phoneHash: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(employerInvitations)
    .where(and(eq(employerInvitations.phoneHash, phoneHash), eq(employerInvitations.status, 'pending')))
    .orderBy(desc(employerInvitations.createdAt));
}

export async function findInvitationById(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const rows = await db.select().from(employerInvitations).where(eq(employerInvitations.id, id)).limit(1);
  return rows[0];
}

export async function markInvitation(
  db: DbOrTx,
  id: string,
  values: Partial<typeof employerInvitations.$inferInsert>,
): Promise<void> {
  await db.update(employerInvitations).set(values).where(eq(employerInvitations.id, id));
}

export async function findMembersOfEmployer(db: DbOrTx, employerId: string) {
  return db
    .select()
    .from(employerMembers)
    .where(eq(employerMembers.employerId, employerId))
    .orderBy(employerMembers.createdAt);
}
