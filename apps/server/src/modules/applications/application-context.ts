import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { requireRole } from '../employers/index.js';
import type { AuditContext } from '../services/index.js';
import { findWorkerByUserId, type WorkerRow } from '../workers/index.js';
import { noticeApplicationEvent } from './application-notices.js';
import * as repo from './applications.repository.js';

export type ApplicationsDeps = { db: Db; pii: Pii; now: () => Date };
export type Meta = { ip?: string; requestId?: string };

/** The caller's worker identity; applying and answering invitations need a profile. */
export async function requireWorker(db: DbOrTx, actor: UserActor): Promise<WorkerRow> {
  const worker = await findWorkerByUserId(db, actor.id);
  if (!worker) throw new AppError('PROFILE_REQUIRED');
  return worker;
}

/** An application of the caller (as worker); another worker's is reported as not found. */
export async function loadOwnApplication(
  db: DbOrTx,
  actor: UserActor,
  id: string,
): Promise<{ app: repo.ApplicationRow; worker: WorkerRow }> {
  const worker = await findWorkerByUserId(db, actor.id);
  const app = await repo.findApplication(db, id);
  if (!app || !worker || app.workerId !== worker.id) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  return { app, worker };
}

/** An application to a job of an employer the caller is a member of. */
export async function loadEmployerApplication(db: DbOrTx, actor: UserActor, id: string): Promise<repo.ApplicationRow> {
  const app = await repo.findApplication(db, id);
  if (!app) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  await requireRole(db, actor, app.employerId);
  return app;
}

export function auditOf(actor: UserActor, meta: Meta): AuditContext {
  return { actor: { kind: 'user', id: actor.id }, ip: meta.ip ?? null, requestId: meta.requestId ?? null };
}

/**
 * Move an application to `to` when it is in one of `from` (checked on the locked row), and
 * store the event with the acting side, user and time.
 */
export async function transition(
  tx: DbOrTx,
  opts: {
    id: string;
    from: readonly repo.ApplicationStatus[];
    to: repo.ApplicationStatus;
    side: repo.Side;
    actor: UserActor;
    now: Date;
    reason?: string | null;
    message: string;
  },
): Promise<repo.ApplicationRow> {
  const current = await repo.lockApplication(tx, opts.id);
  if (!current) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  if (!opts.from.includes(current.status)) throw new AppError('INVALID_STATE', { message: opts.message });
  const ending = opts.to === 'declined' || opts.to === 'withdrawn' || opts.to === 'cancelled';
  const row = await repo.updateApplication(tx, opts.id, {
    status: opts.to,
    updatedAt: opts.now,
    ...(ending ? { endedBy: opts.side, endReason: opts.reason ?? null } : {}),
    ...(opts.to === 'hired' ? { hiredAt: opts.now } : {}),
    ...(opts.to === 'confirmed' ? { confirmedAt: opts.now } : {}),
  });
  await repo.insertEvent(tx, {
    applicationId: opts.id,
    fromStatus: current.status,
    toStatus: opts.to,
    actorSide: opts.side,
    actorUserId: opts.actor.id,
    reason: opts.reason ?? null,
    at: opts.now,
  });
  await noticeApplicationEvent(tx, row, current.status, opts.side, opts.reason);
  return row;
}

/** The caller's side of an application: its worker, or a member of its employer. */
export async function sideOf(db: DbOrTx, actor: UserActor, id: string): Promise<'worker' | 'employer'> {
  try {
    await loadOwnApplication(db, actor, id);
    return 'worker';
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
  }
  try {
    await loadEmployerApplication(db, actor, id);
    return 'employer';
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN')
      throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
    throw error;
  }
}
