import type { WorkerDuplicateGroups, WorkerMergeBody } from '@lingong/contracts';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { countLinkedWorkerRecords, moveLinkedWorkerRecords } from './merge-steps.js';
import * as profileRepo from './worker-profile.repository.js';
import { getWorkerDetailForStaff, presentWorkerRows } from './workers-admin.service.js';
import * as repo from './workers-admin.repository.js';
import { findWorkerById, type WorkerRow } from './workers.repository.js';
import type { WorkersDeps } from './workers.service.js';

type Meta = { ip?: string; requestId?: string };

/**
 * Suspected duplicates in the staff member's region: profiles sharing a phone (blind index).
 * An ID number is unique, so a second registration of one person shows up by phone, typically
 * a counter registration without an ID number next to the person's own online profile.
 */
export async function listDuplicateWorkers(
  deps: WorkersDeps,
  actor: StaffActor,
  q: { town?: string },
): Promise<WorkerDuplicateGroups> {
  requirePermission(actor, 'workers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return { items: [] };
  const hashes = await repo.findDuplicateHashes(deps.db, regionPattern, 'phone');
  const rows = await repo.findWorkersByPhoneHashes(deps.db, regionPattern, hashes);
  const presented = await presentWorkerRows(deps, rows);
  const groups = new Map<string, typeof presented>();
  rows.forEach((r, i) => {
    const item = presented[i];
    if (!item || !r.phoneHash) return;
    groups.set(r.phoneHash, [...(groups.get(r.phoneHash) ?? []), item]);
  });
  return { items: [...groups.values()].map((workers) => ({ key: 'phone' as const, workers })) };
}

/** Columns the kept profile takes from the merged one where it has none (identity, account, lists united). */
function mergedColumns(keep: WorkerRow, gone: WorkerRow, now: Date) {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    ...(keep.idNumberHash || !gone.idNumberHash
      ? {}
      : {
          idNumberEnc: gone.idNumberEnc,
          idNumberHash: gone.idNumberHash,
          idLast4: gone.idLast4,
          gender: gone.gender ?? keep.gender,
          birthDate: gone.birthDate ?? keep.birthDate,
        }),
    ...(keep.userId || !gone.userId ? {} : { userId: gone.userId }),
    ...(keep.phoneHash || !gone.phoneHash ? {} : { phoneEnc: gone.phoneEnc, phoneHash: gone.phoneHash }),
    occupationIds: union(keep.occupationIds, gone.occupationIds),
    priorityGroups: union(keep.priorityGroups, gone.priorityGroups),
    updatedAt: now,
  };
}

/**
 * Merge one job-seeker profile into another: the kept profile takes the other's ID number and
 * account when it has none, its skills, certificates, consents and service-ledger rows move
 * over, and the merged profile is removed. Two different ID numbers or two accounts are two
 * people (MERGE_CONFLICT). Both must be in the staff member's region. Audited with both ids.
 */
export async function mergeWorkers(
  deps: WorkersDeps,
  actor: StaffActor,
  body: z.output<typeof WorkerMergeBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.write');
  const [keep, gone] = await Promise.all([findWorkerById(deps.db, body.keepId), findWorkerById(deps.db, body.mergeId)]);
  if (!keep || !gone) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, keep.homeRegionCode);
  assertReadableRegion(actor, gone.homeRegionCode);
  assertWritableRegion(actor, gone.homeRegionCode);
  if (keep.idNumberHash && gone.idNumberHash && keep.idNumberHash !== gone.idNumberHash)
    throw new AppError('MERGE_CONFLICT', { message: '两份登记的身份证号码不同，是不同的人，不能合并' });
  if (keep.userId && gone.userId) throw new AppError('MERGE_CONFLICT', { message: '两份登记都已绑定账号，不能合并' });
  const linked = await countLinkedWorkerRecords(deps.db, gone.id);
  if (linked > 0)
    throw new AppError('MERGE_CONFLICT', { message: '被合并的登记已有报名、培训或活动记录，请保留这一份，合并另一份' });
  const columns = mergedColumns(keep, gone, deps.now());
  await deps.db.transaction(async (tx) => {
    const moved = await repo.moveWorkerChildren(tx, gone.id, keep.id);
    const ledgerRows = await moveLinkedWorkerRecords(tx, gone.id, keep.id);
    await repo.deleteWorker(tx, gone.id);
    await profileRepo.updateProfile(tx, keep.id, columns);
    const taken = ['idNumberHash', 'userId', 'phoneHash'].filter((k) => k in columns);
    await writeAudit(tx, {
      actor,
      action: 'merge',
      entity: 'worker',
      entityId: keep.id,
      regionCode: keep.homeRegionCode,
      details: { mergedId: gone.id, mergedChannel: gone.channel, taken, moved: { ...moved, ledgerRows } },
      ...meta,
    });
  });
  return getWorkerDetailForStaff(deps, actor, keep.id);
}
