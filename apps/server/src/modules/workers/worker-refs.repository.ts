import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { maskName } from '../../platform/crypto/mask.js';
import type { Pii } from '../../platform/pii.js';
import type { SubjectInfo } from '../credit/index.js';
import { workerProfiles } from './workers.schema.js';

// Small read-only look-ups of a worker profile for modules that reference workers (services, events,
// training).

export type WorkerRef = { id: string; homeRegionCode: string };

export async function findWorkerRef(db: DbOrTx, id: string): Promise<WorkerRef | undefined> {
  const rows = await db
    .select({ id: workerProfiles.id, homeRegionCode: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .where(eq(workerProfiles.id, id))
    .limit(1);
  return rows[0];
}

/** A worker's priority groups (for a subsidised course's eligibility rule) and account. */
export async function findWorkerTrainingRef(db: DbOrTx, workerId: string) {
  const rows = await db
    .select({
      id: workerProfiles.id,
      homeRegionCode: workerProfiles.homeRegionCode,
      priorityGroups: workerProfiles.priorityGroups,
    })
    .from(workerProfiles)
    .where(eq(workerProfiles.id, workerId))
    .limit(1);
  return rows[0];
}

/** The worker profile of an app user (for QR check-in). */
export async function findWorkerRefByUser(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ id: workerProfiles.id, homeRegionCode: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .where(eq(workerProfiles.userId, userId))
    .limit(1);
  return rows[0];
}

/** Names (encrypted) and home regions of attendees, read for the attendee list. */
export async function findWorkerNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { nameEnc: string; homeRegionCode: string }>();
  const rows = await db
    .select({ id: workerProfiles.id, nameEnc: workerProfiles.nameEnc, homeRegionCode: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .where(inArray(workerProfiles.id, ids));
  return new Map(rows.map((r) => [r.id, { nameEnc: r.nameEnc, homeRegionCode: r.homeRegionCode }]));
}

/** Workers as credit subjects: home region, masked name ('' without pii), the account to notify. */
export async function findWorkerSubjects(db: DbOrTx, pii: Pii | null, ids: string[]): Promise<SubjectInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: workerProfiles.id,
      regionCode: workerProfiles.homeRegionCode,
      nameEnc: workerProfiles.nameEnc,
      userId: workerProfiles.userId,
    })
    .from(workerProfiles)
    .where(inArray(workerProfiles.id, ids));
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.regionCode,
    name: pii ? (maskName(pii.decrypt(r.nameEnc)) ?? '') : '',
    userIds: r.userId ? [r.userId] : [],
  }));
}
