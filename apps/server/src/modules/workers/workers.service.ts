import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import { assertReadableRegion, requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionLabels } from '../reference/index.js';
import { presentWorkerPii, presentWorkerSummary } from './workers.presenter.js';
import * as repo from './workers.repository.js';

export type WorkersDeps = { db: Db; pii: Pii; now: () => Date };

/** Job seekers in the staff member's region subtree, masked. */
export async function listWorkersForStaff(deps: WorkersDeps, actor: StaffActor, q: { town?: string; page: number; pageSize: number }) {
  requirePermission(actor, 'workers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { rows, total } = await repo.findWorkersPage(deps.db, { regionPattern, page: q.page, pageSize: q.pageSize });
  const names = await findRegionLabels(deps.db, rows.map((r) => r.homeRegionCode));
  const now = deps.now();
  const items = rows.map((r) => presentWorkerSummary(r, deps.pii, names.get(r.homeRegionCode) ?? r.homeRegionCode, now));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

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
export async function revealWorkerPii(deps: WorkersDeps, actor: StaffActor, id: string, meta: { ip?: string; requestId?: string }) {
  requirePermission(actor, 'workers.pii.read');
  const row = await repo.findWorkerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  await writeAudit(deps.db, { actor, action: 'view_pii', entity: 'worker', entityId: row.id, regionCode: row.homeRegionCode, details: { fields: ['name', 'phone', 'idNumber'] }, ...meta });
  return presentWorkerPii(row, deps.pii);
}
