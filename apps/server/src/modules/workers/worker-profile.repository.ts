import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { userConsents, workerCertificates, workerProfiles, workerSkills } from './workers.schema.js';
import type { WorkerRow } from './workers.repository.js';

export type SkillRow = typeof workerSkills.$inferSelect;
export type CertificateRow = typeof workerCertificates.$inferSelect;
export type ConsentRow = typeof userConsents.$inferSelect;

export async function findProfileByUserId(db: DbOrTx, userId: string): Promise<WorkerRow | undefined> {
  const rows = await db.select().from(workerProfiles).where(eq(workerProfiles.userId, userId)).limit(1);
  return rows[0];
}

export async function findProfileByIdHash(db: DbOrTx, idNumberHash: string): Promise<WorkerRow | undefined> {
  const rows = await db.select().from(workerProfiles).where(eq(workerProfiles.idNumberHash, idNumberHash)).limit(1);
  return rows[0];
}

export async function findSkills(db: DbOrTx, workerId: string): Promise<SkillRow[]> {
  return db.select().from(workerSkills).where(eq(workerSkills.workerId, workerId)).orderBy(desc(workerSkills.years));
}

export async function findCertificates(db: DbOrTx, workerId: string): Promise<CertificateRow[]> {
  return db
    .select()
    .from(workerCertificates)
    .where(eq(workerCertificates.workerId, workerId))
    .orderBy(asc(workerCertificates.sort));
}

export async function insertProfile(db: DbOrTx, values: typeof workerProfiles.$inferInsert): Promise<WorkerRow> {
  const [row] = await db.insert(workerProfiles).values(values).returning();
  if (!row) throw new Error('insertProfile returned no row');
  return row;
}

export async function updateProfile(
  db: DbOrTx,
  id: string,
  values: Partial<typeof workerProfiles.$inferInsert>,
): Promise<WorkerRow> {
  const [row] = await db.update(workerProfiles).set(values).where(eq(workerProfiles.id, id)).returning();
  if (!row) throw new Error('updateProfile returned no row');
  return row;
}

/** Replace a worker's skills and certificates (multi-row inserts). */
export async function replaceSkillsAndCertificates(
  db: DbOrTx,
  workerId: string,
  skills: { occupationId: string; years: number }[],
  certificates: { name: string; level: string; number: string; photoFileId: string | null }[],
): Promise<void> {
  await db.delete(workerSkills).where(eq(workerSkills.workerId, workerId));
  // An unchanged certificate keeps its review (status, reason, reviewer) across profile saves.
  const certKey = (c: { name: string; level: string; number: string; photoFileId: string | null }) =>
    JSON.stringify([c.name, c.level, c.number, c.photoFileId]);
  const old = await db.delete(workerCertificates).where(eq(workerCertificates.workerId, workerId)).returning();
  const review = new Map(
    old.map((c) => [
      certKey(c),
      {
        reviewStatus: c.reviewStatus,
        reviewReason: c.reviewReason,
        reviewedAt: c.reviewedAt,
        reviewedByStaffId: c.reviewedByStaffId,
        createdAt: c.createdAt,
      },
    ]),
  );
  if (skills.length > 0) await db.insert(workerSkills).values(skills.map((s) => ({ workerId, ...s })));
  if (certificates.length > 0)
    await db
      .insert(workerCertificates)
      .values(certificates.map((c, i) => ({ workerId, ...c, sort: i, ...review.get(certKey(c)) })));
}

export async function findConsents(db: DbOrTx, userId: string): Promise<ConsentRow[]> {
  return db.select().from(userConsents).where(eq(userConsents.userId, userId)).orderBy(desc(userConsents.grantedAt));
}

export async function findConsent(
  db: DbOrTx,
  userId: string,
  kind: ConsentRow['kind'],
  version: string,
): Promise<ConsentRow | undefined> {
  const rows = await db
    .select()
    .from(userConsents)
    .where(and(eq(userConsents.userId, userId), eq(userConsents.kind, kind), eq(userConsents.version, version)))
    .limit(1);
  return rows[0];
}

export async function insertConsent(db: DbOrTx, values: typeof userConsents.$inferInsert): Promise<ConsentRow> {
  const [row] = await db.insert(userConsents).values(values).returning();
  if (!row) throw new Error('insertConsent returned no row');
  return row;
}
