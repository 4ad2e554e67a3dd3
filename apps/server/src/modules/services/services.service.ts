import type { CreateFollowupBody, CreateGuidanceBody, CreateReferralBody } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit, type AuditEntry } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { findEmployerRef } from '../employers/index.js';
import { findJobRef } from '../jobs/index.js';
import { findWorkerRef, type WorkerRef } from '../workers/index.js';
import { dayStart, shanghaiDay } from '../../platform/reporting/index.js';
import { isWithinRegion } from '../reference/index.js';
import * as repo from './services.repository.js';

export type ServicesDeps = { db: Db; now: () => Date };
type Meta = { ip?: string; requestId?: string };

/** Who a write is attributed to in the audit log, and the request it came from. */
export type AuditContext = { actor: AuditEntry['actor']; ip?: string | null; requestId?: string | null };

export type MatchmakingInput = {
  workerId: string;
  jobId?: string | null;
  employerId?: string | null;
  channel: repo.MatchmakingRow['channel'];
  kind: repo.MatchmakingRow['kind'];
  source: repo.MatchmakingRow['source'];
  recorderStaffId?: string | null;
  occurredAt: Date;
  /** The worker's home region (drives the staff scope of the record). */
  regionCode: string;
  note?: string;
};

/**
 * Record one matchmaking (招聘求职对接) inside the caller's transaction, audited. Every apply,
 * invite, referral and hire is one record; the applications flow calls this with source 'auto'.
 */
export async function recordMatchmaking(
  tx: DbOrTx,
  input: MatchmakingInput,
  audit: AuditContext,
): Promise<repo.MatchmakingRow> {
  const row = await repo.insertMatchmaking(tx, {
    workerId: input.workerId,
    jobId: input.jobId ?? null,
    employerId: input.employerId ?? null,
    channel: input.channel,
    kind: input.kind,
    source: input.source,
    recorderStaffId: input.recorderStaffId ?? null,
    occurredAt: input.occurredAt,
    regionCode: input.regionCode,
    note: input.note ?? '',
  });
  await writeAudit(tx, {
    actor: audit.actor,
    action: 'create',
    entity: 'matchmaking',
    entityId: row.id,
    regionCode: row.regionCode,
    details: {
      workerId: row.workerId,
      jobId: row.jobId,
      employerId: row.employerId,
      kind: row.kind,
      channel: row.channel,
      source: row.source,
    },
    ip: audit.ip,
    requestId: audit.requestId,
  });
  return row;
}

/** The worker, when it exists inside the actor's region; otherwise a field error (existence is not revealed). */
async function workerInScope(db: DbOrTx, actor: StaffActor, workerId: string): Promise<WorkerRef> {
  const worker = await findWorkerRef(db, workerId);
  if (!worker || !isWithinRegion(actor.regionCode, worker.homeRegionCode))
    throw AppError.field('workerId', '求职者不存在或不在管辖区域内');
  return worker;
}

/** A client-given time, or now; never in the future (5 minutes of clock skew allowed) nor before 2020. */
function pastInstant(value: string | undefined, now: Date, field: string): Date {
  if (!value) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + 5 * 60_000) throw AppError.field(field, '时间不能晚于当前时间');
  if (at.getTime() < dayStart('2020-01-01').getTime()) throw AppError.field(field, '时间不能早于2020年');
  return at;
}

function notBefore(day: string | null, at: Date, field: string, message: string): void {
  if (day && day < shanghaiDay(at)) throw AppError.field(field, message);
}

/** Record a follow-up of a registered job seeker in the actor's region; audited. */
export async function recordFollowup(deps: ServicesDeps, actor: StaffActor, body: CreateFollowupBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const worker = await workerInScope(deps.db, actor, body.workerId);
  const contactedAt = pastInstant(body.contactedAt, deps.now(), 'contactedAt');
  notBefore(body.nextDate, contactedAt, 'nextDate', '下次跟踪日期不能早于本次联系日期');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertFollowup(tx, {
      workerId: worker.id,
      contactedAt,
      status: body.status,
      note: body.note,
      nextDate: body.nextDate,
      regionCode: worker.homeRegionCode,
      recorderStaffId: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'registration_followup',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { workerId: row.workerId, status: row.status },
      ...meta,
    });
    return row;
  });
}

/**
 * Record an offline referral by hand: the worker must be in the actor's region; the job (any
 * town: workers may be referred across towns) fixes the employer when given.
 */
export async function recordReferral(deps: ServicesDeps, actor: StaffActor, body: CreateReferralBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const worker = await workerInScope(deps.db, actor, body.workerId);
  const occurredAt = pastInstant(body.occurredAt, deps.now(), 'occurredAt');
  let employerId = body.employerId;
  if (body.jobId) {
    const job = await findJobRef(deps.db, body.jobId);
    if (!job) throw AppError.field('jobId', '岗位不存在');
    if (employerId && employerId !== job.employerId) throw AppError.field('employerId', '用工主体与岗位不一致');
    employerId = job.employerId;
  } else if (employerId && !(await findEmployerRef(deps.db, employerId))) {
    throw AppError.field('employerId', '用工主体不存在');
  }
  return deps.db.transaction((tx) =>
    recordMatchmaking(
      tx,
      {
        workerId: worker.id,
        jobId: body.jobId,
        employerId,
        channel: 'offline',
        kind: body.kind,
        source: 'manual',
        recorderStaffId: actor.id,
        occurredAt,
        regionCode: worker.homeRegionCode,
        note: body.note,
      },
      { actor, ...meta },
    ),
  );
}

/** Record a one-to-one career-guidance session for a worker in the actor's region; audited. */
export async function recordGuidance(deps: ServicesDeps, actor: StaffActor, body: CreateGuidanceBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const worker = await workerInScope(deps.db, actor, body.workerId);
  const sessionAt = pastInstant(body.sessionAt, deps.now(), 'sessionAt');
  notBefore(body.followupDate, sessionAt, 'followupDate', '回访日期不能早于指导日期');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertGuidance(tx, {
      workerId: worker.id,
      sessionAt,
      topic: body.topic,
      advice: body.advice,
      nextStep: body.nextStep,
      followupDate: body.followupDate,
      regionCode: worker.homeRegionCode,
      recorderStaffId: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'guidance_session',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { workerId: row.workerId, topic: row.topic },
      ...meta,
    });
    return row;
  });
}
