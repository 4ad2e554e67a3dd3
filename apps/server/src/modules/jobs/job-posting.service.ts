import type { JobPostingBody } from '@lingong/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { paged } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { findEmployerById, findTownName, requireRole } from '../employers/index.js';
import { listOccupations } from '../reference/index.js';
import { assertNotBlocked, checkJobTexts } from './job-checks.js';
import { loadJobNames, shanghaiDate } from './job-names.js';
import { jobSearchVector } from './job-search-vector.js';
import { presentEmployerJob } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';
import type { StoredModeration } from './jobs.schema.js';
import { getSetting } from '../settings/index.js';
import { assertNotBlacklisted } from '../credit/index.js';

export type JobsDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };
type Body = z.output<typeof JobPostingBody>;

const EDITABLE: readonly repo.JobStatus[] = ['draft', 'pending_review', 'rejected', 'published'];
const SUBMITTABLE: readonly repo.JobStatus[] = ['draft', 'rejected'];
const CLOSABLE: readonly repo.JobStatus[] = ['draft', 'pending_review', 'rejected', 'published'];

/**
 * Where a submitted posting goes: published at once when the checks pass, the employer is
 * verified and auto-publish is on; otherwise the review queue.
 */
export function publishDecision(
  verdict: StoredModeration['verdict'],
  employerVerified: boolean,
  autoPublish: boolean,
): 'published' | 'pending_review' {
  return verdict === 'pass' && employerVerified && autoPublish ? 'published' : 'pending_review';
}

async function validateBody(deps: JobsDeps, body: Body): Promise<{ townName: string; occupationName: string }> {
  const errors: FieldError[] = [];
  const townName = (await findTownName(deps.db, body.townCode)) ?? '';
  if (!townName) errors.push({ field: 'townCode', message: '所属乡镇不存在' });
  const occupation = (await listOccupations(deps.db)).find((o) => o.id === body.occupationId);
  if (!occupation || occupation.isCategory)
    errors.push({ field: 'occupationId', message: '工种不存在，请选择具体工种' });
  if ((body.endDate ?? body.startDate) < shanghaiDate(deps.now()))
    errors.push({ field: body.endDate ? 'endDate' : 'startDate', message: '用工日期已过，请重新选择' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { details: errors });
  return { townName, occupationName: occupation?.name ?? '' };
}

async function loadOwnJob(deps: JobsDeps, actor: UserActor, jobId: string) {
  const job = await repo.findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  await requireRole(deps.db, actor, job.employerId);
  return job;
}

async function present(deps: JobsDeps, row: repo.JobRow) {
  return presentEmployerJob(row, (await loadJobNames(deps.db, [row]))(row), deps.pii);
}

async function checkedColumns(deps: JobsDeps, body: Body) {
  const names = await validateBody(deps, body);
  const check = await checkJobTexts(
    deps.db,
    { title: body.title, workHours: body.workHours, requirements: body.requirements, description: body.description },
    body.ageReason,
  );
  assertNotBlocked(check);
  const texts = check.masked;
  const columns = {
    occupationId: body.occupationId,
    kind: body.kind,
    headcount: body.headcount,
    wageMinFen: body.wageMinFen,
    wageMaxFen: body.wageMaxFen,
    wageUnit: body.wageUnit,
    settlement: body.settlement,
    townCode: body.townCode,
    address: body.address,
    lng: body.lng,
    lat: body.lat,
    startDate: body.startDate,
    endDate: body.endDate,
    ageReason: body.ageReason,
    contactName: body.contactName,
    contactPhoneEnc: deps.pii.encrypt(body.contactPhone),
    ...texts,
    moderation: { verdict: check.verdict, findings: check.findings },
    searchTokens: jobSearchVector({
      ...texts,
      occupationName: names.occupationName,
      townName: names.townName,
      address: body.address,
    }),
  };
  return { columns, verdict: check.verdict };
}

async function statusAfterSubmit(deps: JobsDeps, employerId: string, verdict: StoredModeration['verdict'], now: Date) {
  const employer = await findEmployerById(deps.db, employerId);
  if (employer?.verificationStatus === 'suspended') throw new AppError('EMPLOYER_SUSPENDED');
  const autoPublish = await getSetting(deps.db, 'autoPublishVerifiedEmployers');
  const status = publishDecision(verdict, employer?.verificationStatus === 'verified', autoPublish);
  return { status, submittedAt: now, reviewReason: null, ...(status === 'published' ? { publishedAt: now } : {}) };
}

/**
 * A member posts a job for the employer. Blocked content is refused (nothing saved); with
 * `submit` it goes to review or straight to published, otherwise it stays a draft.
 */
export async function createJob(deps: JobsDeps, actor: UserActor, employerId: string, body: Body, meta: Meta) {
  await requireRole(deps.db, actor, employerId);
  await assertNotBlacklisted(deps.db, 'employer', employerId, 'posting', deps.now());
  const { columns, verdict } = await checkedColumns(deps, body);
  const now = deps.now();
  const state = body.submit ? await statusAfterSubmit(deps, employerId, verdict, now) : { status: 'draft' as const };
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.insertJob(tx, {
      ...columns,
      ...state,
      employerId,
      createdByUserId: actor.id,
      sourceChannel: 'online',
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'job',
      entityId: row.id,
      regionCode: row.townCode,
      details: { status: row.status, verdict },
      ...meta,
    });
    return row;
  });
  return present(deps, row);
}

/**
 * Edit a posting. A published or waiting posting is checked and decided again (it may go back to
 * review); a draft or rejected one becomes a draft unless `submit` is set.
 */
export async function updateJob(deps: JobsDeps, actor: UserActor, jobId: string, body: Body, meta: Meta) {
  const old = await loadOwnJob(deps, actor, jobId);
  if (!EDITABLE.includes(old.status)) throw new AppError('INVALID_STATE', { message: '岗位已结束，不能修改' });
  await assertNotBlacklisted(deps.db, 'employer', old.employerId, 'posting', deps.now());
  const { columns, verdict } = await checkedColumns(deps, body);
  const now = deps.now();
  const resubmit = body.submit || old.status === 'published' || old.status === 'pending_review';
  const state = resubmit ? await statusAfterSubmit(deps, old.employerId, verdict, now) : { status: 'draft' as const };
  const keepPublishedAt = state.status === 'published' && old.publishedAt ? { publishedAt: old.publishedAt } : {};
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateJobIfStatus(tx, jobId, [old.status], {
      ...columns,
      ...state,
      ...keepPublishedAt,
      updatedAt: now,
    });
    if (!row) throw new AppError('INVALID_STATE', { message: '岗位状态已变化，请刷新后重试' });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'job',
      entityId: jobId,
      regionCode: row.townCode,
      details: { from: old.status, to: row.status, verdict },
      ...meta,
    });
    return row;
  });
  return present(deps, row);
}

/** Submit a draft (or a rejected posting after fixing it); the texts are checked again. */
export async function submitJob(deps: JobsDeps, actor: UserActor, jobId: string, meta: Meta) {
  const old = await loadOwnJob(deps, actor, jobId);
  if (!SUBMITTABLE.includes(old.status))
    throw new AppError('INVALID_STATE', { message: '只有草稿或未通过的岗位可以提交' });
  await assertNotBlacklisted(deps.db, 'employer', old.employerId, 'posting', deps.now());
  const check = await checkJobTexts(
    deps.db,
    { title: old.title, workHours: old.workHours, requirements: old.requirements, description: old.description },
    old.ageReason,
  );
  assertNotBlocked(check);
  const now = deps.now();
  const state = await statusAfterSubmit(deps, old.employerId, check.verdict, now);
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateJobIfStatus(tx, jobId, SUBMITTABLE, {
      ...state,
      moderation: { verdict: check.verdict, findings: check.findings },
      updatedAt: now,
    });
    if (!row) throw new AppError('INVALID_STATE', { message: '岗位状态已变化，请刷新后重试' });
    await writeAudit(tx, {
      actor,
      action: 'submit',
      entity: 'job',
      entityId: jobId,
      regionCode: row.townCode,
      details: { to: row.status },
      ...meta,
    });
    return row;
  });
  return present(deps, row);
}

/** Close a posting (招聘结束) or mark it filled (已招满, only while published). */
export async function endJob(deps: JobsDeps, actor: UserActor, jobId: string, to: 'closed' | 'filled', meta: Meta) {
  const old = await loadOwnJob(deps, actor, jobId);
  const from = to === 'filled' ? (['published'] as const) : CLOSABLE;
  if (!from.includes(old.status))
    throw new AppError('INVALID_STATE', {
      message: to === 'filled' ? '只有招聘中的岗位可以标记为已招满' : '岗位已结束',
    });
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateJobIfStatus(tx, jobId, from, { status: to, closedAt: now, updatedAt: now });
    if (!row) throw new AppError('INVALID_STATE', { message: '岗位状态已变化，请刷新后重试' });
    await writeAudit(tx, {
      actor,
      action: to === 'filled' ? 'fill' : 'close',
      entity: 'job',
      entityId: jobId,
      regionCode: row.townCode,
      details: { from: old.status },
      ...meta,
    });
    return row;
  });
  return present(deps, row);
}

/** One posting of an employer the caller belongs to. */
export async function getOwnJob(deps: JobsDeps, actor: UserActor, jobId: string) {
  return present(deps, await loadOwnJob(deps, actor, jobId));
}

/** The employer's postings, newest change first, optionally by status. */
export async function listEmployerJobs(
  deps: JobsDeps,
  actor: UserActor,
  employerId: string,
  q: { status?: repo.JobStatus; page: number; pageSize: number },
) {
  await requireRole(deps.db, actor, employerId);
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findJobsPageByEmployer(deps.db, { employerId, status: q.status }, slice);
    const names = await loadJobNames(deps.db, rows);
    return { items: rows.map((r) => presentEmployerJob(r, names(r), deps.pii)), total };
  });
}
