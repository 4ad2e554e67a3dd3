import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { SubjectInfo } from '../credit/index.js';
import { employerMembers, employers } from './employers.schema.js';

// An employer's reference for modules that record services against it.

export type EmployerRef = { id: string; townCode: string; name: string };

export async function findEmployerRef(db: DbOrTx, id: string): Promise<EmployerRef | undefined> {
  const rows = await db
    .select({ id: employers.id, townCode: employers.townCode, name: employers.name })
    .from(employers)
    .where(eq(employers.id, id))
    .limit(1);
  return rows[0];
}

/** Employers as credit subjects: town, name and the member accounts to notify. */
export async function findEmployerSubjects(db: DbOrTx, ids: string[]): Promise<SubjectInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: employers.id, regionCode: employers.townCode, name: employers.name })
    .from(employers)
    .where(inArray(employers.id, ids));
  const members = await db
    .select({ employerId: employerMembers.employerId, userId: employerMembers.userId })
    .from(employerMembers)
    .where(inArray(employerMembers.employerId, ids));
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.regionCode,
    name: r.name,
    userIds: members.filter((m) => m.employerId === r.id).map((m) => m.userId),
  }));
}
