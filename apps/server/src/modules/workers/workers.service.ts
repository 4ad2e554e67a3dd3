import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import { assertReadableRegion, requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionLabels } from '../reference/index.js';
import { presentWorkerPii, presentWorkerSummary } from './workers.presenter.js';
import * as repo from './workers.repository.js';

export type WorkersDeps = { db: Db; pii: Pii; now: () => Date };

/** One job seeker, masked; outside the region it does not exist. */
export async function getWorkerForStaff(deps: WorkersDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'workers.read');
  const row = await repo.findWorkerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  const names = await findRegionLabels(deps.db, [row.homeRegionCode]);
  return presentWorkerSummary(row, deps.pii, names.get(row.homeRegionCode) ?? row.homeRegionCode, deps.now());
}

/** The unmasked name, phone and ID number. Every call is written to the audit log. */
export async function revealWorkerPii(
  deps: WorkersDeps,
  actor: StaffActor,
  id: string,
  meta: { ip?: string; requestId?: string },
) {
  requirePermission(actor, 'workers.pii.read');
  const row = await repo.findWorkerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  await writeAudit(deps.db, {
    actor,
    action: 'view_pii',
    entity: 'worker',
    entityId: row.id,
    regionCode: row.homeRegionCode,
    details: { fields: ['name', 'phone', 'idNumber'] },
    ...meta,
  });
  return presentWorkerPii(row, deps.pii);
}
