import type { Tx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { requireRole } from '../employers/index.js';
import { findJobById, type JobRow } from '../jobs/index.js';
import { recordMatchmaking } from '../services/index.js';
import { findWorkerById, type WorkerRow } from '../workers/index.js';
import {
  auditOf,
  requireWorker,
  loadOwnApplication,
  transition,
  type ApplicationsDeps,
  type Meta,
} from './application-context.js';
import { presentOne } from './application-queries.service.js';
import { noticeApplicationEvent } from './application-notices.js';
import * as repo from './applications.repository.js';
import { assertNotBlacklisted } from '../credit/index.js';

async function openJob(deps: ApplicationsDeps, jobId: string, message: string): Promise<JobRow> {
  const job = await findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在或已下架' });
  // A posting not yet reviewed (unverified employer, or findings to check) takes no applications.
  if (job.status === 'pending_review')
    throw new AppError('INVALID_STATE', { message: '该岗位正在审核中，审核通过后才能报名' });
  if (job.status === 'draft') throw new AppError('INVALID_STATE', { message: '该岗位尚未发布，不能报名' });
  if (job.status !== 'published') throw new AppError('INVALID_STATE', { message });
  return job;
}

/** Insert the application with its first event and its matchmaking record, in one transaction. */
async function create(
  deps: ApplicationsDeps,
  tx: Tx,
  opts: {
    job: JobRow;
    worker: WorkerRow;
    origin: 'apply' | 'invite';
    side: 'worker' | 'employer';
    actor: UserActor;
    meta: Meta;
  },
) {
  const now = deps.now();
  const status = opts.origin === 'apply' ? 'applied' : 'invited';
  const row = await repo.insertApplication(tx, {
    jobId: opts.job.id,
    workerId: opts.worker.id,
    employerId: opts.job.employerId,
    status,
    origin: opts.origin,
    createdAt: now,
    updatedAt: now,
  });
  if (!row)
    throw new AppError('ALREADY_APPLIED', opts.origin === 'invite' ? { message: '该工人已报名或已被邀请' } : {});
  await repo.insertEvent(tx, {
    applicationId: row.id,
    fromStatus: null,
    toStatus: status,
    actorSide: opts.side,
    actorUserId: opts.actor.id,
    at: now,
  });
  await noticeApplicationEvent(tx, row, null, opts.side);
  await recordMatchmaking(
    tx,
    {
      workerId: opts.worker.id,
      jobId: opts.job.id,
      employerId: opts.job.employerId,
      channel: 'online',
      kind: opts.origin,
      source: 'auto',
      occurredAt: now,
      regionCode: opts.worker.homeRegionCode,
    },
    auditOf(opts.actor, opts.meta),
  );
  return row;
}

/** Apply in one tap: the job must be published, the worker needs a profile, and only once. */
export async function applyToJob(deps: ApplicationsDeps, actor: UserActor, jobId: string, meta: Meta) {
  const worker = await requireWorker(deps.db, actor);
  await assertNotBlacklisted(deps.db, 'worker', worker.id, 'applying', deps.now());
  const job = await openJob(deps, jobId, '该岗位已停止招聘，不能报名');
  const existing = await repo.findByJobAndWorker(deps.db, job.id, worker.id);
  if (existing?.status === 'invited')
    throw new AppError('ALREADY_APPLIED', { message: '用工单位已邀请您，请在“我的报名”中接受邀请' });
  if (existing) throw new AppError('ALREADY_APPLIED');
  const row = await deps.db.transaction((tx) =>
    create(deps, tx, { job, worker, origin: 'apply', side: 'worker', actor, meta }),
  );
  return presentOne(deps, row, 'worker');
}

/** 查找雇员 -> 邀请: a member of the job's employer invites a worker to a published job. */
export async function inviteWorker(
  deps: ApplicationsDeps,
  actor: UserActor,
  jobId: string,
  workerId: string,
  meta: Meta,
) {
  const job = await findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  await requireRole(deps.db, actor, job.employerId);
  if (job.status !== 'published') throw new AppError('INVALID_STATE', { message: '岗位不在招聘中，不能邀请' });
  const worker = await findWorkerById(deps.db, workerId);
  if (!worker) throw AppError.field('workerId', '工人不存在');
  if (worker.userId === actor.id) throw AppError.field('workerId', '不能邀请自己');
  const row = await deps.db.transaction(async (tx) => {
    const created = await create(deps, tx, { job, worker, origin: 'invite', side: 'employer', actor, meta });
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'invite',
      entity: 'application',
      entityId: created.id,
      regionCode: worker.homeRegionCode,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return created;
  });
  return presentOne(deps, row, 'employer');
}

/** The worker accepts an invitation: it becomes an application the employer can hire. */
export async function acceptInvitation(deps: ApplicationsDeps, actor: UserActor, id: string) {
  const { app, worker } = await loadOwnApplication(deps.db, actor, id);
  await assertNotBlacklisted(deps.db, 'worker', worker.id, 'applying', deps.now());
  const job = await findJobById(deps.db, app.jobId);
  if (job?.status !== 'published') throw new AppError('INVALID_STATE', { message: '该岗位已停止招聘' });
  const row = await deps.db.transaction((tx) =>
    transition(tx, {
      id,
      from: ['invited'],
      to: 'applied',
      side: 'worker',
      actor,
      now: deps.now(),
      message: '只有待接受的邀请可以接受',
    }),
  );
  return presentOne(deps, row, 'worker');
}

/** The worker turns an invitation down (reason optional). */
export async function rejectInvitation(
  deps: ApplicationsDeps,
  actor: UserActor,
  id: string,
  reason: string | undefined,
) {
  await loadOwnApplication(deps.db, actor, id);
  const row = await deps.db.transaction((tx) =>
    transition(tx, {
      id,
      from: ['invited'],
      to: 'declined',
      side: 'worker',
      actor,
      now: deps.now(),
      reason: reason || null,
      message: '只有待接受的邀请可以谢绝',
    }),
  );
  return presentOne(deps, row, 'worker');
}
