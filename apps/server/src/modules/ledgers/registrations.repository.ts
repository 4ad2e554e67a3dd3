import { and, arrayContains, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { windowConds, type Slice, type Window } from '../../platform/reporting/index.js';
import { staff } from '../accounts/accounts.schema.js';
import { registrationFollowups } from '../services/services.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';

export type RegistrationFilter = Window & {
  channel?: (typeof workerProfiles.$inferSelect)['channel'];
  priorityGroup?: string;
};

function registrationWhere(f: RegistrationFilter): SQL | undefined {
  const conds = windowConds(workerProfiles.homeRegionCode, workerProfiles.createdAt, f);
  if (f.channel) conds.push(eq(workerProfiles.channel, f.channel));
  if (f.priorityGroup) conds.push(arrayContains(workerProfiles.priorityGroups, [f.priorityGroup]));
  return and(...conds);
}

/** Registrations (worker profiles) in a window, newest first, with the recorder's name. */
export async function findRegistrations(db: DbOrTx, f: RegistrationFilter, slice: Slice) {
  const where = registrationWhere(f);
  const rows = await db
    .select({
      id: workerProfiles.id,
      nameEnc: workerProfiles.nameEnc,
      idNumberEnc: workerProfiles.idNumberEnc,
      phoneEnc: workerProfiles.phoneEnc,
      gender: workerProfiles.gender,
      homeRegionCode: workerProfiles.homeRegionCode,
      priorityGroups: workerProfiles.priorityGroups,
      channel: workerProfiles.channel,
      createdAt: workerProfiles.createdAt,
      recorderName: staff.name,
    })
    .from(workerProfiles)
    .leftJoin(staff, eq(staff.id, workerProfiles.registeredByStaffId))
    .where(where)
    .orderBy(desc(workerProfiles.createdAt), desc(workerProfiles.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(workerProfiles).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type RegistrationRow = Awaited<ReturnType<typeof findRegistrations>>['items'][number];

export type FollowupSummary = {
  count: number;
  latest: { status: (typeof registrationFollowups.$inferSelect)['status']; contactedAt: Date; nextDate: string | null };
};

/** Per worker: how many follow-ups, and the latest one. */
export async function findFollowupSummaries(db: DbOrTx, workerIds: string[]): Promise<Map<string, FollowupSummary>> {
  if (workerIds.length === 0) return new Map();
  const f = registrationFollowups;
  const ids = [...new Set(workerIds)];
  const [latest, counts] = await Promise.all([
    db
      .selectDistinctOn([f.workerId], {
        workerId: f.workerId,
        status: f.status,
        contactedAt: f.contactedAt,
        nextDate: f.nextDate,
      })
      .from(f)
      .where(inArray(f.workerId, ids))
      .orderBy(f.workerId, desc(f.contactedAt), desc(f.createdAt)),
    db.select({ workerId: f.workerId, n: count() }).from(f).where(inArray(f.workerId, ids)).groupBy(f.workerId),
  ]);
  const n = new Map(counts.map((c) => [c.workerId, c.n]));
  return new Map(
    latest.map((l) => [
      l.workerId,
      { count: n.get(l.workerId) ?? 0, latest: { status: l.status, contactedAt: l.contactedAt, nextDate: l.nextDate } },
    ]),
  );
}
