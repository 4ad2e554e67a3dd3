import type { VerifyEmployerBody } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { assertReadableRegion, requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionName } from '../reference/index.js';
import type { EmployersDeps } from './employer-registration.service.js';
import { presentEmployerForStaff } from './employers.presenter.js';
import * as repo from './employers.repository.js';

type Meta = { ip?: string; requestId?: string };

/**
 * A reviewer verifies an employer (approve) or rejects it with a reason. Only employers in the
 * reviewer's region; outside it the employer does not exist.
 */
export async function verifyEmployer(
  deps: EmployersDeps,
  actor: StaffActor,
  employerId: string,
  body: z.output<typeof VerifyEmployerBody>,
  meta: Meta,
) {
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
    await writeAudit(tx, {
      actor,
      action: approve ? 'verify' : 'reject',
      entity: 'employer',
      entityId: employerId,
      regionCode: old.townCode,
      details: { from: old.verificationStatus, reason: body.reason },
      ...meta,
    });
    return row;
  });
  return presentEmployerForStaff(row, deps.pii, (await findRegionName(deps.db, row.townCode)) ?? '');
}
