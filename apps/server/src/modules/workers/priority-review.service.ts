import type { PriorityReviewBody, PriorityStatus } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { notify } from '../notifications/index.js';
import { updateProfile } from './worker-profile.repository.js';
import { findWorkerById, type WorkerRow } from './workers.repository.js';
import type { WorkersDeps } from './workers.service.js';

type Meta = { ip?: string; requestId?: string };

/**
 * The verification state of a worker's self-declared priority groups: none declared, pending
 * (some declared group not yet verified), verified (all declared groups verified), rejected.
 */
export function priorityStatusOf(
  row: Pick<WorkerRow, 'priorityGroups' | 'priorityGroupsVerified' | 'priorityGroupsReview'>,
): PriorityStatus {
  if (row.priorityGroups.length === 0) return 'none';
  if (row.priorityGroupsReview === 'rejected') return 'rejected';
  return row.priorityGroups.every((g) => row.priorityGroupsVerified.includes(g)) ? 'verified' : 'pending';
}

/**
 * Staff verify a worker's declared priority groups (all, or the ones confirmed by documents) or
 * reject them with a reason. Only declared groups can be verified; the change is audited and the
 * worker (with an account) gets a message.
 */
export async function reviewPriorityGroups(
  deps: WorkersDeps,
  actor: StaffActor,
  workerId: string,
  body: z.output<typeof PriorityReviewBody>,
  meta: Meta,
): Promise<WorkerRow> {
  requirePermission(actor, 'workers.review');
  const row = await findWorkerById(deps.db, workerId);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  assertWritableRegion(actor, row.homeRegionCode);
  if (row.priorityGroups.length === 0) throw AppError.field('decision', '该求职者未申报重点群体，无需核验');
  const verify = body.decision === 'verify';
  const groups = verify ? (body.groups ?? row.priorityGroups) : [];
  if (verify && groups.length === 0) throw AppError.field('groups', '请至少选择一个核验通过的重点群体');
  const undeclared = groups.filter((g) => !row.priorityGroups.includes(g));
  if (undeclared.length > 0)
    throw AppError.field('groups', `只能核验本人申报的重点群体：${undeclared.join('、')}未申报`);
  const now = deps.now();
  const values = {
    priorityGroupsVerified: groups,
    priorityGroupsReview: verify ? ('verified' as const) : ('rejected' as const),
    priorityGroupsReviewReason: body.reason || null,
    priorityGroupsReviewedByStaffId: actor.id,
    priorityGroupsVerifiedAt: verify ? now : null,
  };
  await deps.db.transaction(async (tx) => {
    await updateProfile(tx, workerId, values);
    await writeAudit(tx, {
      actor,
      action: verify ? 'verify_priority_groups' : 'reject_priority_groups',
      entity: 'worker',
      entityId: workerId,
      regionCode: row.homeRegionCode,
      details: { declared: row.priorityGroups, from: row.priorityGroupsVerified, to: groups, reason: body.reason },
      ...meta,
    });
    if (row.userId) {
      const text = verify
        ? `您申报的重点群体（${groups.join('、')}）已核验通过。`
        : `您申报的重点群体未通过核验：${body.reason}`;
      await notify(tx, {
        userId: row.userId,
        kind: 'system',
        title: '重点群体核验结果',
        body: text,
        refType: 'worker',
        refId: workerId,
      });
    }
  });
  return { ...row, ...values };
}
