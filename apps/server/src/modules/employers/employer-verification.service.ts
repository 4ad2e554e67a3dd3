import type { VerifyEmployerBody } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertReadableRegion, requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionName, findRegionNames } from '../reference/index.js';
import type { EmployersDeps } from './employer-registration.service.js';
import { presentEmployerForStaff } from './employers.presenter.js';
import * as repo from './employers.repository.js';

type Meta = { ip?: string; requestId?: string };

/** Employers in the staff member's region, optionally by verification status. */
export async function listEmployersForStaff(deps: EmployersDeps, actor: StaffActor, q: { town?: string; status?: repo.EmployerStatus; page: number; pageSize: number }) {
  requirePermission(actor, 'employers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.findEmployersPage(deps.db, { regionPattern, status: q.status, page: q.page, pageSize: q.pageSize });
  const towns = await findRegionNames(deps.db, rows.map((r) => r.townCode));
  return { items: rows.map((r) => presentEmployerForStaff(r, deps.pii, towns.get(r.townCode) ?? '')), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A reviewer verifies an employer (approve) or rejects it with a reason. Only employers in the
 * reviewer's region; outside it the employer does not exist.
 */
export async function verifyEmployer(deps: EmployersDeps, actor: StaffActor, employerId: string, body: z.output<typeof VerifyEmployerBody>, meta: Meta) {
  requirePermission(actor, 'employers.write');
  const old = await repo.findEmployerById(deps.db, employerId);
  if (!old) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, old.townCode);
  const approve = body.decision === 'approve';
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateEmployer(tx, employerId, {
      verificationStatus: approve ? 'verified' : 'rejected',
      verificationReason: body.reason || null,
      verifiedAt: deps.now(),
      verifiedByStaffId: actor.id,
      updatedAt: deps.now(),
    });
    await writeAudit(tx, { actor, action: approve ? 'verify' : 'reject', entity: 'employer', entityId: employerId, regionCode: old.townCode, details: { from: old.verificationStatus, reason: body.reason }, ...meta });
    return row;
  });
  return presentEmployerForStaff(row, deps.pii, (await findRegionName(deps.db, row.townCode)) ?? '');
}
