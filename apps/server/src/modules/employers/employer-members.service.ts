import { AppError } from '../../platform/errors/app-error.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../db/client.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { requireRole, type EmployersDeps } from './employer-registration.service.js';
import { presentInvitation } from './employers.presenter.js';
import * as repo from './employers.repository.js';

type Meta = { ip?: string; requestId?: string };

/**
 * The owner invites a phone to act for the employer. The invitation becomes a membership when
 * that phone logs in, or when its user accepts it in the app. Inviting a phone twice while the
 * first invitation is pending is refused.
 */
export async function inviteMember(
  deps: EmployersDeps,
  actor: UserActor,
  employerId: string,
  phone: string,
  meta: Meta,
) {
  await requireRole(deps.db, actor, employerId, 'owner');
  const employer = await repo.findEmployerById(deps.db, employerId);
  if (!employer) throw new AppError('NOT_FOUND');
  const phoneHash = deps.pii.index('phone', phone);
  const pending = await repo.findPendingInvitationsByPhone(deps.db, phoneHash);
  if (pending.some((i) => i.employerId === employerId)) throw AppError.field('phone', '已邀请过该手机号，等待对方接受');
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.insertInvitation(tx, {
      employerId,
      phoneEnc: deps.pii.encrypt(phone),
      phoneHash,
      invitedByUserId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'invite',
      entity: 'employer',
      entityId: employerId,
      regionCode: employer.townCode,
      details: { invitationId: row.id },
      ...meta,
    });
    return row;
  });
  return presentInvitation(row, deps.pii, employer.name);
}

/** The employer's invitations (owner only). */
export async function listEmployerInvitations(deps: EmployersDeps, actor: UserActor, employerId: string) {
  await requireRole(deps.db, actor, employerId, 'owner');
  const employer = await repo.findEmployerById(deps.db, employerId);
  const rows = await repo.findInvitationsByEmployer(deps.db, employerId);
  return { items: rows.map((r) => presentInvitation(r, deps.pii, employer?.name ?? '')) };
}

/** The owner withdraws a pending invitation; it can no longer be accepted. */
export async function revokeInvitation(
  deps: EmployersDeps,
  actor: UserActor,
  employerId: string,
  invitationId: string,
  meta: Meta,
) {
  await requireRole(deps.db, actor, employerId, 'owner');
  const inv = await repo.findInvitationById(deps.db, invitationId);
  if (!inv || inv.employerId !== employerId) throw new AppError('NOT_FOUND');
  if (inv.status !== 'pending') throw new AppError('INVALID_STATE', { message: '该邀请已处理' });
  await deps.db.transaction(async (tx) => {
    await repo.markInvitation(tx, inv.id, { status: 'revoked' });
    await writeAudit(tx, {
      actor,
      action: 'revoke_invitation',
      entity: 'employer',
      entityId: employerId,
      details: { invitationId },
      ...meta,
    });
  });
  const names = await repo.findEmployerNames(deps.db, [employerId]);
  return presentInvitation({ ...inv, status: 'revoked' }, deps.pii, names.get(employerId) ?? '');
}

/** Pending invitations addressed to the caller's phone. */
export async function listMyInvitations(
  deps: EmployersDeps & { phoneHashOf: (userId: string) => Promise<string | null> },
  actor: UserActor,
) {
  const phoneHash = await deps.phoneHashOf(actor.id);
  if (!phoneHash) return { items: [] };
  const rows = await repo.findPendingInvitationsByPhone(deps.db, phoneHash);
  const names = await repo.findEmployerNames(
    deps.db,
    rows.map((r) => r.employerId),
  );
  return { items: rows.map((r) => presentInvitation(r, deps.pii, names.get(r.employerId) ?? '')) };
}

/** Accept one invitation addressed to the caller's phone: the caller becomes a member. */
export async function acceptInvitation(
  deps: EmployersDeps & { phoneHashOf: (userId: string) => Promise<string | null> },
  actor: UserActor,
  invitationId: string,
  meta: Meta,
) {
  const inv = await repo.findInvitationById(deps.db, invitationId);
  const phoneHash = await deps.phoneHashOf(actor.id);
  if (!inv || inv.phoneHash !== phoneHash) throw new AppError('NOT_FOUND');
  if (inv.status !== 'pending') throw new AppError('INVALID_STATE', { message: '该邀请已处理' });
  await deps.db.transaction(async (tx) => {
    await acceptInvitationRows(tx, [inv], actor.id, deps.now());
    await writeAudit(tx, {
      actor,
      action: 'accept_invitation',
      entity: 'employer',
      entityId: inv.employerId,
      details: { invitationId },
      ...meta,
    });
  });
  const names = await repo.findEmployerNames(deps.db, [inv.employerId]);
  const row = await repo.findInvitationById(deps.db, invitationId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentInvitation(row, deps.pii, names.get(inv.employerId) ?? '');
}

async function acceptInvitationRows(tx: DbOrTx, rows: repo.InvitationRow[], userId: string, now: Date) {
  for (const inv of rows) {
    await repo.insertMember(tx, { employerId: inv.employerId, userId, role: inv.role });
    await repo.markInvitation(tx, inv.id, { status: 'accepted', acceptedByUserId: userId, acceptedAt: now });
  }
}

/** At login: every pending invitation of the phone becomes a membership (in the login transaction). */
export async function acceptInvitationsOnLogin(
  tx: DbOrTx,
  input: { userId: string; phoneHash: string; now: Date },
): Promise<number> {
  const rows = await repo.findPendingInvitationsByPhone(tx, input.phoneHash);
  await acceptInvitationRows(tx, rows, input.userId, input.now);
  return rows.length;
}
