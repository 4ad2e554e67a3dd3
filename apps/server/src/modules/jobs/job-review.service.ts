import type { ReviewDecisionBody, ReviewJob } from '@lingong/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import { isWithinRegion } from '../reference/index.js';
import { requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findEmployersByIds } from '../employers/index.js';
import { loadJobNames, shanghaiDate } from './job-names.js';
import { presentReviewJob } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';

type Meta = { ip?: string; requestId?: string };
export type ReviewDeps = { db: Db; pii: Pii; now: () => Date };

/** The review queue (default: pending_review) in the reviewer's region, oldest submission first. */
export async function listReviewQueue(
  deps: ReviewDeps,
  actor: StaffActor,
  q: { town?: string; status: repo.JobStatus; page: number; pageSize: number },
) {
  requirePermission(actor, 'jobs.review');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage<ReviewJob>(q);
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findJobsPageForReview(
      deps.db,
      { regionPattern, status: q.status },
      slice,
    );
    const [names, employers] = await Promise.all([
      loadJobNames(deps.db, rows),
      findEmployersByIds(
        deps.db,
        rows.map((r) => r.employerId),
      ),
    ]);
    const status = new Map(employers.map((e) => [e.id, e.verificationStatus]));
    return {
      items: rows.map((r) => presentReviewJob(r, names(r), deps.pii, status.get(r.employerId) ?? 'unverified')),
      total,
    };
  });
}

/**
 * Approve (publish) or reject (with a reason) up to 100 waiting postings at once. All or
 * nothing: a posting outside the reviewer's region is reported as not found, one that is no
 * longer waiting as an invalid state, and then none is changed.
 */
export async function decideReview(
  deps: ReviewDeps,
  actor: StaffActor,
  body: z.output<typeof ReviewDecisionBody>,
  meta: Meta,
) {
  requirePermission(actor, 'jobs.review');
  const rows = await repo.findJobsByIds(deps.db, body.ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = body.ids.filter((id) => {
    const r = byId.get(id);
    return !r || !isWithinRegion(actor.regionCode, r.townCode);
  });
  if (missing.length > 0)
    throw new AppError('NOT_FOUND', {
      message: '部分岗位不存在或不在管辖区域内',
      details: missing.map((id) => ({ field: 'ids', message: id })),
    });
  const notWaiting = rows.filter((r) => r.status !== 'pending_review');
  if (notWaiting.length > 0)
    throw new AppError('INVALID_STATE', {
      message: '部分岗位已不在待审核状态',
      details: notWaiting.map((r) => ({ field: 'ids', message: `${r.id}：${r.title}` })),
    });
  const now = deps.now();
  const approve = body.decision === 'approve';
  const updated = await deps.db.transaction(async (tx) => {
    const out: { id: string; status: repo.JobStatus }[] = [];
    for (const id of body.ids) {
      const row = await repo.updateJobIfStatus(tx, id, ['pending_review'], {
        status: approve ? 'published' : 'rejected',
        reviewReason: body.reason || null,
        reviewedAt: now,
        reviewedByStaffId: actor.id,
        updatedAt: now,
        ...(approve ? { publishedAt: now } : {}),
      });
      if (!row) throw new AppError('INVALID_STATE', { message: '岗位状态已变化，请刷新后重试' });
      await writeAudit(tx, {
        actor,
        action: approve ? 'approve' : 'reject',
        entity: 'job',
        entityId: id,
        regionCode: row.townCode,
        details: { reason: body.reason },
        ...meta,
      });
      out.push({ id, status: row.status });
    }
    return out;
  });
  return { updated: updated.length, items: updated };
}

/**
 * Expire postings whose end date has passed (Asia/Shanghai): published and waiting ones become
 * expired. Idempotent; the background runner calls it (e.g. hourly). Returns the expired ids.
 */
export async function expireJobs(db: Db, now: Date): Promise<{ expired: number; ids: string[] }> {
  const ids = await db.transaction(async (tx) => {
    const ids = await repo.expireEndedJobs(tx, shanghaiDate(now), now);
    if (ids.length > 0)
      await writeAudit(tx, {
        actor: { kind: 'system' },
        action: 'expire',
        entity: 'job',
        details: { count: ids.length, ids: ids.slice(0, 100) },
      });
    return ids;
  });
  return { expired: ids.length, ids };
}
