import { AppError } from '../../platform/errors/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { generateAgreement, terminateAgreement } from '../agreements/index.js';
import { lockJobForUpdate, setJobFilled } from '../jobs/index.js';
import { recordMatchmaking } from '../services/index.js';
import { findWorkerById } from '../workers/index.js';
import {
  auditOf,
  loadEmployerApplication,
  loadOwnApplication,
  sideOf,
  transition,
  type ApplicationsDeps,
  type Meta,
} from './application-context.js';
import { presentOne } from './application-queries.service.js';
import * as repo from './applications.repository.js';
import { recordLateCancel } from '../credit/index.js';
import { getSetting } from '../settings/index.js';

/** Days after each settlement period by which wages are paid, when the employer does not say. */
const DEFAULT_PAY_WITHIN_DAYS = 3;

/**
 * Hire an applicant. Headcount holds under concurrency: the job row is locked FOR UPDATE, the
 * hired and confirmed applications are counted against the headcount, all in one transaction;
 * the last place turns the job `filled`. The hire is a matchmaking record.
 */
export async function hire(
  deps: ApplicationsDeps,
  actor: UserActor,
  id: string,
  meta: Meta,
  terms: { agreedWageFen?: number | undefined; payWithinDays?: number | undefined } = {},
) {
  const app = await loadEmployerApplication(deps.db, actor, id);
  const worker = await findWorkerById(deps.db, app.workerId);
  const row = await deps.db.transaction(async (tx) => {
    const job = await lockJobForUpdate(tx, app.jobId);
    if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
    const taken = await repo.countOccupying(tx, job.id);
    if (job.status === 'filled' || taken >= job.headcount)
      throw new AppError('JOB_FULL', { message: `该岗位已招满（${job.headcount}人）` });
    if (job.status !== 'published') throw new AppError('INVALID_STATE', { message: '岗位不在招聘中，不能录用' });
    const agreedWageFen = terms.agreedWageFen ?? job.wageMinFen;
    if (agreedWageFen < job.wageMinFen || agreedWageFen > job.wageMaxFen)
      throw AppError.field(
        'agreedWageFen',
        `约定工资应在岗位标明的范围内（${job.wageMinFen / 100}-${job.wageMaxFen / 100}元）`,
      );
    if (job.wageUnit === 'hour') {
      const { minimumHourlyWageFen } = await getSetting(tx, 'wageRules');
      if (agreedWageFen < minimumHourlyWageFen)
        throw AppError.field('agreedWageFen', `小时工资不能低于当地最低工资标准${minimumHourlyWageFen / 100}元/小时`);
    }
    const now = deps.now();
    const hired = await transition(tx, {
      id,
      from: ['applied'],
      to: 'hired',
      side: 'employer',
      actor,
      now,
      message: '只有已报名的求职者可以录用',
    });
    await recordMatchmaking(
      tx,
      {
        workerId: app.workerId,
        jobId: job.id,
        employerId: job.employerId,
        channel: 'online',
        kind: 'hire',
        source: 'auto',
        occurredAt: now,
        regionCode: worker?.homeRegionCode ?? job.townCode,
      },
      auditOf(actor, meta),
    );
    const withTerms = await repo.updateApplication(tx, id, {
      agreedWageFen,
      payWithinDays: terms.payWithinDays ?? DEFAULT_PAY_WITHIN_DAYS,
    });
    if (taken + 1 >= job.headcount) await setJobFilled(tx, job.id, true, now);
    await generateAgreement(tx, { applicationId: id, employerUserId: actor.id, pii: deps.pii, now });
    return { ...hired, ...withTerms };
  });
  return presentOne(deps, row, 'employer');
}

/** The employer declines an applicant or withdraws an invitation, with a reason. */
export async function decline(deps: ApplicationsDeps, actor: UserActor, id: string, reason: string) {
  await loadEmployerApplication(deps.db, actor, id);
  const row = await deps.db.transaction((tx) =>
    transition(tx, {
      id,
      from: ['applied', 'invited'],
      to: 'declined',
      side: 'employer',
      actor,
      now: deps.now(),
      reason,
      message: '只有待处理的报名可以婉拒',
    }),
  );
  return presentOne(deps, row, 'employer');
}

/** 结果确认: the hired worker confirms the hire. */
export async function confirm(deps: ApplicationsDeps, actor: UserActor, id: string) {
  await loadOwnApplication(deps.db, actor, id);
  const row = await deps.db.transaction((tx) =>
    transition(tx, {
      id,
      from: ['hired'],
      to: 'confirmed',
      side: 'worker',
      actor,
      now: deps.now(),
      message: '只有已录用的报名可以确认',
    }),
  );
  return presentOne(deps, row, 'worker');
}

/** The worker withdraws an application not yet decided. */
export async function withdraw(deps: ApplicationsDeps, actor: UserActor, id: string, reason: string | undefined) {
  await loadOwnApplication(deps.db, actor, id);
  const row = await deps.db.transaction((tx) =>
    transition(tx, {
      id,
      from: ['applied'],
      to: 'withdrawn',
      side: 'worker',
      actor,
      now: deps.now(),
      reason: reason || null,
      message: '只有未录用的报名可以撤回',
    }),
  );
  return presentOne(deps, row, 'worker');
}

/** A place freed on a filled job (cancel, no-show) opens it again; call inside the freeing transaction. */
export async function reopenFreedPlace(tx: DbOrTx, jobId: string, now: Date): Promise<void> {
  const job = await lockJobForUpdate(tx, jobId);
  if (job?.status === 'filled' && (await repo.countOccupying(tx, job.id)) < job.headcount)
    await setJobFilled(tx, job.id, false, now);
}

/**
 * Either side cancels a hire (录用后取消), saying why; the side is the caller's relation to the
 * application. A place freed on a filled job opens it again.
 */
export async function cancel(deps: ApplicationsDeps, actor: UserActor, id: string, reason: string) {
  const side = await sideOf(deps.db, actor, id);
  const app = await repo.findApplication(deps.db, id);
  if (!app) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  const row = await deps.db.transaction(async (tx) => {
    const job = await lockJobForUpdate(tx, app.jobId);
    const now = deps.now();
    const cancelled = await transition(tx, {
      id,
      from: ['hired', 'confirmed'],
      to: 'cancelled',
      side,
      actor,
      now,
      reason,
      message: '只有已录用的报名可以取消',
    });
    if (job)
      await recordLateCancel(tx, {
        side,
        workerId: app.workerId,
        employerId: app.employerId,
        applicationId: id,
        startDate: job.startDate,
        workHours: job.workHours,
        now,
        actorUserId: actor.id,
      });
    await reopenFreedPlace(tx, app.jobId, now);
    await terminateAgreement(tx, id, now);
    return cancelled;
  });
  return presentOne(deps, row, side);
}
