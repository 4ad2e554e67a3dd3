import type { CreateStaffBody, StaffAccount, StaffListQuery, StaffRole, UpdateStaffBody } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { revokeSubjectSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  requireStepUp,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { findRegionLabels, findRegionName } from '../reference/index.js';
import * as accountsRepo from './accounts.repository.js';
import type { StaffRow } from './accounts.repository.js';
import { hashPassword, parseStaffRoles } from './accounts.service.js';
import { presentStaffAccount } from './staff-admin.presenter.js';
import * as repo from './staff-admin.repository.js';

export type StaffAdminDeps = { db: Db; now: () => Date };
type Meta = { ip?: string; requestId?: string };

const isAdmin = (roles: readonly StaffRole[]) => roles.includes('admin');

async function present(deps: StaffAdminDeps, row: StaffRow) {
  const labels = await findRegionLabels(deps.db, [row.regionCode]);
  return presentStaffAccount(row, labels.get(row.regionCode) ?? row.regionCode, deps.now());
}

/** The region must exist and lie inside the actor's own scope. */
async function assertGrantableRegion(deps: StaffAdminDeps, actor: StaffActor, regionCode: string): Promise<void> {
  if (!(await findRegionName(deps.db, regionCode))) throw AppError.field('regionCode', '管辖区域不存在');
  assertWritableRegion(actor, regionCode);
}

/** Only an admin may grant the admin role, or change an admin's account. */
function assertMayTouchAdmin(actor: StaffActor, roles: readonly StaffRole[]): void {
  if (isAdmin(roles) && !isAdmin(actor.roles))
    throw new AppError('FORBIDDEN', { message: '只有管理员可以授予或管理管理员角色' });
}

/** A staff account the actor may manage: inside their region (else NOT_FOUND) and not an admin unless they are one. */
async function manageable(deps: StaffAdminDeps, actor: StaffActor, id: string): Promise<StaffRow> {
  requirePermission(actor, 'staff.write');
  const row = await accountsRepo.findStaffById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  assertMayTouchAdmin(actor, parseStaffRoles(row.roles));
  return row;
}

/** Staff accounts inside the actor's region subtree. */
export async function listStaff(deps: StaffAdminDeps, actor: StaffActor, q: StaffListQuery) {
  requirePermission(actor, 'staff.read');
  const regionPattern = scopedRegionPattern(actor, q.region);
  if (regionPattern === null) return emptyPage<StaffAccount>(q);
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findStaffPage(deps.db, { ...q, regionPattern }, slice);
    const labels = await findRegionLabels(
      deps.db,
      rows.map((r) => r.regionCode),
    );
    const now = deps.now();
    return { items: rows.map((r) => presentStaffAccount(r, labels.get(r.regionCode) ?? r.regionCode, now)), total };
  });
}

export async function getStaff(deps: StaffAdminDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'staff.read');
  const row = await accountsRepo.findStaffById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  return present(deps, row);
}

/**
 * Create a staff account. The region must be inside the creator's own scope, and only an admin
 * may grant the admin role. The password is stored as an argon2id hash.
 */
export async function createStaff(deps: StaffAdminDeps, actor: StaffActor, body: CreateStaffBody, meta: Meta) {
  requirePermission(actor, 'staff.write');
  await assertGrantableRegion(deps, actor, body.regionCode);
  assertMayTouchAdmin(actor, body.roles);
  if (await accountsRepo.findStaffByUsername(deps.db, body.username)) {
    throw new AppError('CONFLICT', {
      message: '用户名已被使用',
      details: [{ field: 'username', message: '用户名已被使用' }],
    });
  }
  const passwordHash = await hashPassword(body.password);
  const roles = [...new Set(body.roles)];
  const row = await deps.db.transaction(async (tx) => {
    const created = await accountsRepo.insertStaff(tx, {
      username: body.username,
      name: body.name,
      passwordHash,
      roles,
      regionCode: body.regionCode,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'staff',
      entityId: created.id,
      regionCode: created.regionCode,
      details: { username: created.username, name: created.name, roles, regionCode: created.regionCode },
      ...meta,
    });
    return created;
  });
  return present(deps, row);
}

/** Change name, roles or region. Nobody changes their own roles or region (no self-promotion, no lock-out). */
export async function updateStaff(
  deps: StaffAdminDeps,
  actor: StaffActor,
  id: string,
  body: UpdateStaffBody,
  meta: Meta,
) {
  const row = await manageable(deps, actor, id);
  if (row.id === actor.id && (body.roles !== undefined || body.regionCode !== undefined)) {
    throw new AppError('FORBIDDEN', { message: '不能修改自己的角色或管辖区域' });
  }
  if (body.regionCode !== undefined) await assertGrantableRegion(deps, actor, body.regionCode);
  if (body.roles !== undefined) assertMayTouchAdmin(actor, body.roles);
  if (body.roles !== undefined && [...new Set(body.roles)].join() !== row.roles.join())
    requireStepUp(actor, deps.now());
  const changes: Partial<StaffRow> = {};
  const old: Record<string, unknown> = {};
  const next: Record<string, unknown> = {};
  if (body.name !== undefined && body.name !== row.name) {
    changes.name = body.name;
    old.name = row.name;
    next.name = body.name;
  }
  if (body.roles !== undefined) {
    const roles = [...new Set(body.roles)];
    if (roles.join() !== row.roles.join()) {
      changes.roles = roles;
      old.roles = row.roles;
      next.roles = roles;
    }
  }
  if (body.regionCode !== undefined && body.regionCode !== row.regionCode) {
    changes.regionCode = body.regionCode;
    old.regionCode = row.regionCode;
    next.regionCode = body.regionCode;
  }
  if (Object.keys(changes).length === 0) return present(deps, row);
  const updated = await deps.db.transaction(async (tx) => {
    const u = await repo.updateStaffById(tx, id, changes);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'staff',
      entityId: id,
      regionCode: u.regionCode,
      details: { old, new: next },
      ...meta,
    });
    return u;
  });
  return present(deps, updated);
}

/** Disable an account: it cannot log in and every open session ends at once. */
export async function disableStaff(deps: StaffAdminDeps, actor: StaffActor, id: string, reason: string, meta: Meta) {
  const row = await manageable(deps, actor, id);
  if (row.id === actor.id) throw new AppError('FORBIDDEN', { message: '不能停用自己的账号' });
  if (row.disabledAt) return present(deps, row);
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    const u = await repo.updateStaffById(tx, id, { disabledAt: now });
    await revokeSubjectSessions(tx, 'staff', id, now);
    await writeAudit(tx, {
      actor,
      action: 'disable',
      entity: 'staff',
      entityId: id,
      regionCode: u.regionCode,
      details: { reason },
      ...meta,
    });
    return u;
  });
  return present(deps, updated);
}

/** Enable a disabled account (and clear any login lock). */
export async function enableStaff(deps: StaffAdminDeps, actor: StaffActor, id: string, reason: string, meta: Meta) {
  const row = await manageable(deps, actor, id);
  if (!row.disabledAt) return present(deps, row);
  const updated = await deps.db.transaction(async (tx) => {
    const u = await repo.updateStaffById(tx, id, { disabledAt: null, failedLogins: 0, lockedUntil: null });
    await writeAudit(tx, {
      actor,
      action: 'enable',
      entity: 'staff',
      entityId: id,
      regionCode: u.regionCode,
      details: { reason },
      ...meta,
    });
    return u;
  });
  return present(deps, updated);
}

/** Set a new password: clears the login lock and ends every open session of that account. */
export async function resetStaffPassword(
  deps: StaffAdminDeps,
  actor: StaffActor,
  id: string,
  password: string,
  meta: Meta,
) {
  const row = await manageable(deps, actor, id);
  const passwordHash = await hashPassword(password);
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    const u = await repo.updateStaffById(tx, row.id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await revokeSubjectSessions(tx, 'staff', row.id, now);
    await writeAudit(tx, {
      actor,
      action: 'reset_password',
      entity: 'staff',
      entityId: row.id,
      regionCode: u.regionCode,
      ...meta,
    });
    return u;
  });
  return present(deps, updated);
}

/** Unlock an account for every client (the lock after repeated wrong passwords). */
export async function unlockStaff(deps: StaffAdminDeps, actor: StaffActor, id: string, meta: Meta) {
  const row = await manageable(deps, actor, id);
  const updated = await deps.db.transaction(async (tx) => {
    await accountsRepo.clearLoginFailures(tx, row.id);
    const u = await repo.updateStaffById(tx, row.id, { failedLogins: 0, lockedUntil: null });
    await writeAudit(tx, {
      actor,
      action: 'unlock',
      entity: 'staff',
      entityId: row.id,
      regionCode: u.regionCode,
      ...meta,
    });
    return u;
  });
  return present(deps, updated);
}

/** Remove a lost authenticator (with step-up); the person binds a new one at the next login. */
export async function resetStaffTotp(deps: StaffAdminDeps, actor: StaffActor, id: string, meta: Meta) {
  const row = await manageable(deps, actor, id);
  requireStepUp(actor, deps.now());
  const now = deps.now();
  const updated = await deps.db.transaction(async (tx) => {
    await accountsRepo.updateStaffTotp(tx, row.id, {
      totpSecretEnc: null,
      totpEnabledAt: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
    });
    await revokeSubjectSessions(tx, 'staff', row.id, now);
    await writeAudit(tx, {
      actor,
      action: 'reset_totp',
      entity: 'staff',
      entityId: row.id,
      regionCode: row.regionCode,
      ...meta,
    });
    return row;
  });
  return present(deps, updated);
}
