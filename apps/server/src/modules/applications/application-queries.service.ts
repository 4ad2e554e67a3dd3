import { AppError } from '../../platform/errors/app-error.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { findEmployerNames, requireRole } from '../employers/index.js';
import { findJobById, findJobsByIds } from '../jobs/index.js';
import { findWorkerByUserId, findWorkersByIds } from '../workers/index.js';
import { sideOf, type ApplicationsDeps } from './application-context.js';
import * as repo from './applications.repository.js';
import { presentApplication, type Viewer } from './applications.presenter.js';
import { creditScoresOf } from '../credit/index.js';

/** Present rows with job titles, employer names, worker names (decrypted) and events. */
async function presentMany(deps: ApplicationsDeps, rows: repo.ApplicationRow[], viewer: Viewer) {
  const [jobs, employers, workers, events] = await Promise.all([
    findJobsByIds(deps.db, [...new Set(rows.map((r) => r.jobId))]),
    findEmployerNames(
      deps.db,
      rows.map((r) => r.employerId),
    ),
    findWorkersByIds(deps.db, [...new Set(rows.map((r) => r.workerId))]),
    repo.findEvents(
      deps.db,
      rows.map((r) => r.id),
    ),
  ]);
  const titles = new Map(jobs.map((j) => [j.id, j.title]));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const names = new Map(workers.map((w) => [w.id, deps.pii.decrypt(w.nameEnc)]));
  return rows.map((r) =>
    presentApplication(
      r,
      {
        jobTitle: titles.get(r.jobId) ?? '',
        employerName: employers.get(r.employerId) ?? '',
        workerName: names.get(r.workerId) ?? '',
        wageUnit: jobById.get(r.jobId)?.wageUnit,
        settlement: jobById.get(r.jobId)?.settlement,
      },
      events.filter((e) => e.applicationId === r.id),
      viewer,
    ),
  );
}

export async function presentOne(deps: ApplicationsDeps, row: repo.ApplicationRow, viewer: Viewer) {
  const [one] = await presentMany(deps, [row], viewer);
  if (!one) throw new Error('presentOne: nothing presented');
  return one;
}

/** 我的报名: the caller's own applications and invitations (none without a profile). */
export async function listMyApplications(deps: ApplicationsDeps, actor: UserActor) {
  const worker = await findWorkerByUserId(deps.db, actor.id);
  if (!worker) return { items: [] };
  return { items: await presentMany(deps, await repo.findByWorker(deps.db, worker.id), 'worker') };
}

/** Applicants of a job, for members of the job's employer only (names masked). */
export async function listJobApplicants(deps: ApplicationsDeps, actor: UserActor, jobId: string) {
  const job = await findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  await requireRole(deps.db, actor, job.employerId);
  const items = await presentMany(deps, await repo.findByJob(deps.db, job.id), 'employer');
  const credit = await creditScoresOf(
    deps.db,
    'worker',
    items.map((i) => i.workerId),
  );
  return { items: items.map((i) => ({ ...i, workerCreditLevel: credit.get(i.workerId)?.level ?? null })) };
}

/** One application, for its worker or a member of its employer. */
export async function getApplication(deps: ApplicationsDeps, actor: UserActor, id: string) {
  const side = await sideOf(deps.db, actor, id);
  const row = await repo.findApplication(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  return presentOne(deps, row, side);
}

/** Whether the app user has applied to the job (and is not just invited): unlocks the contact phone. */
export async function hasApplied(deps: Pick<ApplicationsDeps, 'db'>, userId: string, jobId: string): Promise<boolean> {
  const worker = await findWorkerByUserId(deps.db, userId);
  if (!worker) return false;
  const app = await repo.findByJobAndWorker(deps.db, jobId, worker.id);
  return app !== undefined && app.status !== 'invited';
}
