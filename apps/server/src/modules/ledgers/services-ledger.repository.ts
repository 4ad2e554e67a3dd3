import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { guidanceSessions, matchmakings, registrationFollowups } from '../services/services.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';
import { windowConds, type Slice, type Window } from '../../platform/reporting/index.js';

type MatchmakingRow = typeof matchmakings.$inferSelect;

export type FollowupFilter = Window & {
  workerId?: string;
  status?: (typeof registrationFollowups.$inferSelect)['status'];
};

/** Follow-ups in a window (by contact time), newest first, with worker name and recorder. */
export async function findFollowups(db: DbOrTx, f: FollowupFilter, slice: Slice) {
  const t = registrationFollowups;
  const conds = windowConds(t.regionCode, t.contactedAt, f);
  if (f.workerId) conds.push(eq(t.workerId, f.workerId));
  if (f.status) conds.push(eq(t.status, f.status));
  const where = and(...conds);
  const rows = await db
    .select({
      id: t.id,
      workerId: t.workerId,
      nameEnc: workerProfiles.nameEnc,
      regionCode: t.regionCode,
      status: t.status,
      contactedAt: t.contactedAt,
      note: t.note,
      nextDate: t.nextDate,
      recorderName: staff.name,
    })
    .from(t)
    .leftJoin(workerProfiles, eq(workerProfiles.id, t.workerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.contactedAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type FollowupLedgerDbRow = Awaited<ReturnType<typeof findFollowups>>['items'][number];

export type MatchmakingFilter = Window & {
  channel?: MatchmakingRow['channel'];
  kind?: MatchmakingRow['kind'];
  source?: MatchmakingRow['source'];
};

export function matchmakingWhere(f: MatchmakingFilter): SQL | undefined {
  const t = matchmakings;
  const conds = windowConds(t.regionCode, t.occurredAt, f);
  if (f.channel) conds.push(eq(t.channel, f.channel));
  if (f.kind) conds.push(eq(t.kind, f.kind));
  if (f.source) conds.push(eq(t.source, f.source));
  return and(...conds);
}

/** Matchmakings in a window (by occurrence), newest first, with worker, job, employer, recorder. */
export async function findMatchmakings(db: DbOrTx, f: MatchmakingFilter, slice: Slice) {
  const t = matchmakings;
  const where = matchmakingWhere(f);
  const rows = await db
    .select({
      id: t.id,
      workerId: t.workerId,
      nameEnc: workerProfiles.nameEnc,
      regionCode: t.regionCode,
      jobId: t.jobId,
      jobTitle: jobPostings.title,
      employerId: t.employerId,
      employerName: employers.name,
      employerKind: employers.kind,
      channel: t.channel,
      kind: t.kind,
      source: t.source,
      occurredAt: t.occurredAt,
      recorderName: staff.name,
      note: t.note,
    })
    .from(t)
    .leftJoin(workerProfiles, eq(workerProfiles.id, t.workerId))
    .leftJoin(jobPostings, eq(jobPostings.id, t.jobId))
    .leftJoin(employers, eq(employers.id, t.employerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.occurredAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type MatchmakingLedgerDbRow = Awaited<ReturnType<typeof findMatchmakings>>['items'][number];

export type GuidanceFilter = Window & { workerId?: string };

/** Career-guidance sessions in a window, newest first, with worker name and recorder. */
export async function findGuidance(db: DbOrTx, f: GuidanceFilter, slice: Slice) {
  const t = guidanceSessions;
  const conds = windowConds(t.regionCode, t.sessionAt, f);
  if (f.workerId) conds.push(eq(t.workerId, f.workerId));
  const where = and(...conds);
  const rows = await db
    .select({
      id: t.id,
      workerId: t.workerId,
      nameEnc: workerProfiles.nameEnc,
      regionCode: t.regionCode,
      sessionAt: t.sessionAt,
      topic: t.topic,
      advice: t.advice,
      nextStep: t.nextStep,
      followupDate: t.followupDate,
      recorderName: staff.name,
    })
    .from(t)
    .leftJoin(workerProfiles, eq(workerProfiles.id, t.workerId))
    .leftJoin(staff, eq(staff.id, t.recorderStaffId))
    .where(where)
    .orderBy(desc(t.sessionAt), desc(t.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
export type GuidanceLedgerDbRow = Awaited<ReturnType<typeof findGuidance>>['items'][number];
