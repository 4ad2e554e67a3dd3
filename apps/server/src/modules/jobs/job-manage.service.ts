import {
  JOB_KIND_LABELS,
  JOB_STATUS_LABELS,
  WAGE_UNIT_LABELS,
  type AdminJobCloseBody,
  type AdminJobQuery,
  type JobExportQuery,
  type ReviewJob,
} from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import {
  collectPages,
  listWorkbook,
  shanghaiMinute,
  type ExportColumn,
  type ExportFile,
} from '../../platform/reporting/list-export.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { findEmployersByIds, findMembersOfEmployer } from '../employers/index.js';
import { notify } from '../notifications/index.js';
import { loadJobNames } from './job-names.js';
import * as manageRepo from './job-manage.repository.js';
import { presentReviewJob } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';
import type { ReviewDeps } from './job-review.service.js';

type Meta = { ip?: string; requestId?: string };
/** Statuses staff can close a posting from (下架/关闭). */
const CLOSABLE: repo.JobStatus[] = ['pending_review', 'published', 'filled'];

async function presentRows(deps: ReviewDeps, rows: repo.JobRow[]): Promise<ReviewJob[]> {
  const [names, employers] = await Promise.all([
    loadJobNames(deps.db, rows),
    findEmployersByIds(
      deps.db,
      rows.map((r) => r.employerId),
    ),
  ]);
  const status = new Map(employers.map((e) => [e.id, e.verificationStatus]));
  return rows.map((r) => presentReviewJob(r, names(r), deps.pii, status.get(r.employerId) ?? 'unverified'));
}

/** 岗位管理 list: every status, filtered by town, 工种, kind, status and title, in the actor's region. */
export async function listJobsForStaff(deps: ReviewDeps, actor: StaffActor, q: z.output<typeof AdminJobQuery>) {
  requirePermission(actor, 'jobs.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage<ReviewJob>(q);
  const filter = {
    regionPattern,
    occupationId: q.occupationId,
    kind: q.kind,
    status: q.status,
    titleContains: q.q || undefined,
  };
  return paged(q, async (slice) => {
    const { items: rows, total } = await manageRepo.findJobsPageForStaff(deps.db, filter, slice);
    return { items: await presentRows(deps, rows), total };
  });
}

async function loadInScope(deps: ReviewDeps, actor: StaffActor, id: string) {
  const row = await repo.findJobById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.townCode);
  return row;
}

/** The detail drawer: the posting with the findings of its automatic checks, contact masked. */
export async function getJobForStaff(deps: ReviewDeps, actor: StaffActor, id: string): Promise<ReviewJob> {
  requirePermission(actor, 'jobs.read');
  const [job] = await presentRows(deps, [await loadInScope(deps, actor, id)]);
  if (!job) throw new AppError('NOT_FOUND');
  return job;
}

/**
 * Staff close or take down (下架) a waiting, published or filled posting with a reason, which the
 * employer sees as the review reason and as a message. Needs jobs.write (counter) or jobs.review
 * (reviewer). Audited.
 */
export async function closeJobByStaff(
  deps: ReviewDeps,
  actor: StaffActor,
  id: string,
  body: z.output<typeof AdminJobCloseBody>,
  meta: Meta,
): Promise<ReviewJob> {
  if (!actor.permissions.has('jobs.write') && !actor.permissions.has('jobs.review')) throw new AppError('FORBIDDEN');
  const old = await loadInScope(deps, actor, id);
  assertWritableRegion(actor, old.townCode);
  if (!CLOSABLE.includes(old.status))
    throw new AppError('INVALID_STATE', { message: `岗位当前为「${JOB_STATUS_LABELS[old.status]}」，不能下架` });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await repo.updateJobIfStatus(tx, id, CLOSABLE, {
      status: 'closed',
      closedAt: now,
      updatedAt: now,
      reviewReason: `下架：${body.reason}`,
      reviewedAt: now,
      reviewedByStaffId: actor.id,
    });
    if (!row) throw new AppError('INVALID_STATE', { message: '岗位状态已变化，请刷新后重试' });
    await writeAudit(tx, {
      actor,
      action: 'take_down',
      entity: 'job',
      entityId: id,
      regionCode: row.townCode,
      details: { from: old.status, reason: body.reason },
      ...meta,
    });
    for (const m of await findMembersOfEmployer(tx, row.employerId)) {
      await notify(tx, {
        userId: m.userId,
        kind: 'system',
        title: '岗位已被下架',
        body: `您发布的岗位「${row.title}」已被工作人员下架：${body.reason}`,
        refType: 'job',
        refId: id,
      });
    }
  });
  return getJobForStaff(deps, actor, id);
}

const wage = (r: ReviewJob) =>
  `${r.wageMinFen / 100}${r.wageMaxFen !== r.wageMinFen ? `-${r.wageMaxFen / 100}` : ''}元/${WAGE_UNIT_LABELS[r.wageUnit]}`;
const COLUMNS: ExportColumn<ReviewJob>[] = [
  { header: '岗位名称', width: 28, value: (r) => r.title },
  { header: '工种', width: 14, value: (r) => r.occupationName },
  { header: '用工形式', width: 10, value: (r) => JOB_KIND_LABELS[r.kind] },
  { header: '招聘人数', width: 8, value: (r) => r.headcount },
  { header: '薪酬', width: 16, value: wage },
  { header: '用工主体', width: 26, value: (r) => r.employerName },
  { header: '工作地点', width: 12, value: (r) => r.townName },
  { header: '详细地址', width: 26, value: (r) => r.address },
  { header: '开始日期', width: 12, value: (r) => r.startDate },
  { header: '结束日期', width: 12, value: (r) => r.endDate ?? '' },
  { header: '联系人', width: 10, value: (r) => r.contactName },
  { header: '联系电话', width: 15, value: (r) => r.contactPhoneMasked ?? '' },
  { header: '状态', width: 10, value: (r) => JOB_STATUS_LABELS[r.status] },
  { header: '审核/下架说明', width: 24, value: (r) => r.reviewReason ?? '' },
  { header: '创建时间', width: 18, value: (r) => shanghaiMinute(r.createdAt) },
];

/** 岗位管理 export: the list with its filters and region scope, contact phones masked, audited. */
export async function exportJobs(
  deps: ReviewDeps,
  actor: StaffActor,
  q: z.output<typeof JobExportQuery>,
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'jobs.read');
  const rows = await collectPages((page, pageSize) => listJobsForStaff(deps, actor, { ...q, page, pageSize }));
  const buffer = await listWorkbook('岗位信息', COLUMNS, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'job_list',
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: '岗位信息', buffer };
}
