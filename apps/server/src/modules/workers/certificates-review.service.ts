import type { CertificateDecisionBody, CertificateReviewQuery, CertificateReviewRow } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { maskName } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile, readFileBytes } from '../../platform/files/files.js';
import {
  assertReadableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import { notify } from '../notifications/index.js';
import { findRegionLabels, isWithinRegion } from '../reference/index.js';
import * as repo from './certificates-review.repository.js';
import type { WorkersDeps } from './workers.service.js';

type Meta = { ip?: string; requestId?: string };

function present(deps: WorkersDeps, r: repo.CertificateWithWorker, regionName: string): CertificateReviewRow {
  const c = r.cert;
  return {
    id: c.id,
    workerId: c.workerId,
    workerNameMasked: maskName(deps.pii.decrypt(r.nameEnc)) ?? '',
    homeRegionCode: r.homeRegionCode,
    homeRegionName: regionName,
    name: c.name,
    level: c.level,
    number: c.number,
    photoFileId: c.photoFileId,
    reviewStatus: c.reviewStatus,
    reviewReason: c.reviewReason,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** 证书审核 queue: certificates of workers in the reviewer's region (default: pending, oldest first). */
export async function listCertificatesForReview(
  deps: WorkersDeps,
  actor: StaffActor,
  q: z.output<typeof CertificateReviewQuery>,
) {
  requirePermission(actor, 'workers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage<CertificateReviewRow>(q);
  return paged(q, async (slice) => {
    const { items, total } = await repo.findCertificatesPageForReview(
      deps.db,
      { regionPattern, status: q.status },
      slice,
    );
    const regions = await findRegionLabels(
      deps.db,
      items.map((r) => r.homeRegionCode),
    );
    return { items: items.map((r) => present(deps, r, regions.get(r.homeRegionCode) ?? r.homeRegionCode)), total };
  });
}

/**
 * Verify or reject (with a reason) up to 100 pending certificates at once. All or nothing: a
 * certificate outside the region is not found, one already decided is an invalid state. The
 * worker (when they have an account) gets a message; each decision is audited.
 */
export async function decideCertificates(
  deps: WorkersDeps,
  actor: StaffActor,
  body: z.output<typeof CertificateDecisionBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.review');
  const rows = await repo.findCertificatesWithWorker(deps.db, body.ids);
  const byId = new Map(rows.map((r) => [r.cert.id, r]));
  const missing = body.ids.filter((id) => {
    const r = byId.get(id);
    return !r || !isWithinRegion(actor.regionCode, r.homeRegionCode);
  });
  if (missing.length > 0)
    throw new AppError('NOT_FOUND', {
      message: '部分证书不存在或不在管辖区域内',
      details: missing.map((id) => ({ field: 'ids', message: id })),
    });
  const decided = rows.filter((r) => r.cert.reviewStatus !== 'pending');
  if (decided.length > 0)
    throw new AppError('INVALID_STATE', {
      message: '部分证书已审核',
      details: decided.map((r) => ({ field: 'ids', message: `${r.cert.id}：${r.cert.name}` })),
    });
  const approve = body.decision === 'approve';
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    for (const id of body.ids) {
      const row = await repo.decidePendingCertificate(tx, id, {
        reviewStatus: approve ? 'verified' : 'rejected',
        reviewReason: body.reason || null,
        reviewedAt: now,
        reviewedByStaffId: actor.id,
      });
      const ctx = byId.get(id);
      if (!row || !ctx) throw new AppError('INVALID_STATE', { message: '证书状态已变化，请刷新后重试' });
      await writeAudit(tx, {
        actor,
        action: approve ? 'approve' : 'reject',
        entity: 'worker_certificate',
        entityId: id,
        regionCode: ctx.homeRegionCode,
        details: { workerId: row.workerId, name: row.name, reason: body.reason },
        ...meta,
      });
      if (ctx.userId) {
        const text = approve
          ? `您的证书「${row.name}」已通过审核。`
          : `您的证书「${row.name}」未通过审核：${body.reason}`;
        await notify(tx, {
          userId: ctx.userId,
          kind: 'system',
          title: '证书审核结果',
          body: text,
          refType: 'worker_certificate',
          refId: id,
        });
      }
    }
    return body.ids.length;
  });
  return { updated };
}

/** The photo of a certificate for the reviewer (region-scoped); every view is audited. */
export async function readCertificatePhotoForStaff(
  deps: WorkersDeps & { dataDir: string },
  actor: StaffActor,
  certificateId: string,
  meta: Meta,
) {
  requirePermission(actor, 'workers.read');
  const [row] = await repo.findCertificatesWithWorker(deps.db, [certificateId]);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  const file = row.cert.photoFileId ? await findFile(deps.db, row.cert.photoFileId) : undefined;
  if (!file || file.purpose !== 'certificate_photo') throw new AppError('NOT_FOUND', { message: '该证书没有上传照片' });
  await writeAudit(deps.db, {
    actor,
    action: 'view_photo',
    entity: 'worker_certificate',
    entityId: certificateId,
    regionCode: row.homeRegionCode,
    ...meta,
  });
  return { mime: file.mime, bytes: await readFileBytes(deps, file) };
}
