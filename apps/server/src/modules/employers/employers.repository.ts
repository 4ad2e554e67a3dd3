import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employerMembers, employers } from './employers.schema.js';

export type Membership = { employerId: string; employerName: string; role: 'owner' | 'member' };

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
  const rows = await db.select({ id: employers.id, name: employers.name }).from(employers).where(inArray(employers.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
