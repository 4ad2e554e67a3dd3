import { and, arrayContains, count, desc, eq, inArray, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { workerCertificates, workerProfiles, workerRegistrationConsents, workerSkills } from './workers.schema.js';
import type { WorkerRow } from './workers.repository.js';

export type RegistrationConsentRow = typeof workerRegistrationConsents.$inferSelect;

/** Staff search by indexed fields only (names are encrypted): phone hash, ID last 4, 工种, group. */
export async function findWorkersSearchPage(
  db: DbOrTx,
  opts: {
    regionPattern: string;
    phoneHash?: string;
    idLast4?: string;
    occupationId?: string;
    priorityGroup?: string;
  },
  slice: Slice,
): Promise<Fetched<WorkerRow>> {
  const conds: SQL[] = [like(workerProfiles.homeRegionCode, opts.regionPattern)];
  if (opts.phoneHash) conds.push(eq(workerProfiles.phoneHash, opts.phoneHash));
  if (opts.idLast4) conds.push(eq(workerProfiles.idLast4, opts.idLast4.toUpperCase()));
  if (opts.occupationId) conds.push(arrayContains(workerProfiles.occupationIds, [opts.occupationId]));
  if (opts.priorityGroup) conds.push(arrayContains(workerProfiles.priorityGroups, [opts.priorityGroup]));
  const where = and(...conds);
  const items = await db
    .select()
    .from(workerProfiles)
    .where(where)
    .orderBy(desc(workerProfiles.createdAt), desc(workerProfiles.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(workerProfiles).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Blind-index values shared by more than one profile inside the region (suspected duplicates). */
export async function findDuplicateHashes(
  db: DbOrTx,
  regionPattern: string,
  key: 'phone' | 'id_number',
  limit = 200,
): Promise<string[]> {
  const column = key === 'phone' ? workerProfiles.phoneHash : workerProfiles.idNumberHash;
  const rows = await db
    .select({ hash: column })
    .from(workerProfiles)
    .where(and(like(workerProfiles.homeRegionCode, regionPattern), isNotNull(column)))
    .groupBy(column)
    .having(sql`count(*) > 1`)
    .limit(limit);
  return rows.map((r) => r.hash).filter((h): h is string => h !== null);
}

export async function findWorkersByPhoneHashes(
  db: DbOrTx,
  regionPattern: string,
  hashes: string[],
): Promise<WorkerRow[]> {
  if (hashes.length === 0) return [];
  return db
    .select()
    .from(workerProfiles)
    .where(and(like(workerProfiles.homeRegionCode, regionPattern), inArray(workerProfiles.phoneHash, hashes)))
    .orderBy(workerProfiles.createdAt);
}

export async function insertRegistrationConsent(
  db: DbOrTx,
  values: typeof workerRegistrationConsents.$inferInsert,
): Promise<void> {
  await db.insert(workerRegistrationConsents).values(values);
}

export async function findRegistrationConsents(db: DbOrTx, workerId: string): Promise<RegistrationConsentRow[]> {
  return db
    .select()
    .from(workerRegistrationConsents)
    .where(eq(workerRegistrationConsents.workerId, workerId))
    .orderBy(desc(workerRegistrationConsents.createdAt));
}

/**
 * Move a profile's own child rows to another profile: skills the target lacks, certificates and
 * counter consents. The caller deletes the source afterwards (in the same transaction).
 */
export async function moveWorkerChildren(
  db: DbOrTx,
  fromId: string,
  toId: string,
): Promise<{ skills: number; certificates: number; consents: number }> {
  const skills = await db.select().from(workerSkills).where(eq(workerSkills.workerId, fromId));
  if (skills.length > 0)
    await db
      .insert(workerSkills)
      .values(skills.map((s) => ({ ...s, workerId: toId })))
      .onConflictDoNothing();
  await db.delete(workerSkills).where(eq(workerSkills.workerId, fromId));
  const certs = await db
    .update(workerCertificates)
    .set({ workerId: toId })
    .where(eq(workerCertificates.workerId, fromId))
    .returning({ id: workerCertificates.id });
  const consents = await db
    .update(workerRegistrationConsents)
    .set({ workerId: toId })
    .where(eq(workerRegistrationConsents.workerId, fromId))
    .returning({ id: workerRegistrationConsents.id });
  return { skills: skills.length, certificates: certs.length, consents: consents.length };
}

export async function deleteWorker(db: DbOrTx, id: string): Promise<void> {
  await db.delete(workerProfiles).where(eq(workerProfiles.id, id));
}
