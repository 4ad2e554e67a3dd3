import type {
  AdminEmployerDetail,
  AdminEmployerSearchQuery,
  CounterEmployerBody,
  EmployerStatusReasonBody,
} from '@lingong/contracts';
import type { z } from 'zod';
import { findAuditForEntity, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { findStaffNames, findUserById, findUserByPhoneHash } from '../accounts/index.js';
import { findRegionName, findRegionNames } from '../reference/index.js';
import { identityOf, columnsOf, requireTown, type EmployersDeps } from './employer-registration.service.js';
import { employerJobReads } from './jobs-source.js';
import { presentEmployerForStaff } from './employers.presenter.js';
import * as repo from './employers.repository.js';
import { creditScoresOf } from '../credit/index.js';

type Meta = { ip?: string; requestId?: string };
const HISTORY_ACTIONS = ['create', 'counter_register', 'update', 'verify', 'reject', 'suspend', 'restore'] as const;

/** Employers in the staff member's region: name contains, town, kind, status. */
export async function searchEmployersForStaff(
  deps: EmployersDeps,
  actor: StaffActor,
  q: z.output<typeof AdminEmployerSearchQuery>,
) {
  requirePermission(actor, 'employers.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (regionPattern === null) return emptyPage<StaffEmployerItem>(q);
  const filter = {
    regionPattern,
    status: q.status,
    kind: q.kind,
    nameContains: q.q || undefined,
    creditLevel: q.creditLevel,
  };
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findEmployersPage(deps.db, filter, slice);
    return { items: await presentStaffEmployers(deps, rows), total };
  });
}

/** List rows for staff: the employer (masked), its town name and credit level. */
async function presentStaffEmployers(deps: EmployersDeps, rows: repo.EmployerRow[]) {
  const towns = await findRegionNames(
    deps.db,
    rows.map((r) => r.townCode),
  );
  const credit = await creditScoresOf(
    deps.db,
    'employer',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...presentEmployerForStaff(r, deps.pii, towns.get(r.townCode) ?? ''),
    creditLevel: credit.get(r.id)?.level ?? null,
  }));
}
type StaffEmployerItem = Awaited<ReturnType<typeof presentStaffEmployers>>[number];

async function loadInScope(deps: EmployersDeps, actor: StaffActor, id: string) {
  const row = await repo.findEmployerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.townCode);
  return row;
}

/** The detail drawer: members and pending invitations masked, job counts, verification history. */
export async function getEmployerDetailForStaff(
  deps: EmployersDeps,
  actor: StaffActor,
  id: string,
): Promise<AdminEmployerDetail> {
  requirePermission(actor, 'employers.read');
  const row = await loadInScope(deps, actor, id);
  const { countJobsByStatusForEmployer, findJobsPageByEmployer } = employerJobReads();
  const [members, invitations, counts, jobs, audit] = await Promise.all([
    repo.findMembersOfEmployer(deps.db, id),
    repo.findInvitationsByEmployer(deps.db, id),
    countJobsByStatusForEmployer(deps.db, id),
    findJobsPageByEmployer(deps.db, { employerId: id }, { limit: 10, offset: 0 }),
    findAuditForEntity(deps.db, 'employer', id, HISTORY_ACTIONS),
  ]);
  const users = await Promise.all(members.map((m) => findUserById(deps.db, m.userId)));
  const staffNames = await findStaffNames(
    deps.db,
    audit.filter((a) => a.actorKind === 'staff' && a.actorId).map((a) => a.actorId ?? ''),
  );
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    employer: presentEmployerForStaff(row, deps.pii, (await findRegionName(deps.db, row.townCode)) ?? ''),
    members: members.map((m, i) => {
      const u = users[i];
      return {
        userId: m.userId,
        role: m.role,
        phoneMasked: u ? maskPhone(deps.pii.decrypt(u.phoneEnc)) : null,
        joinedAt: m.createdAt.toISOString(),
      };
    }),
    pendingInvitations: invitations
      .filter((v) => v.status === 'pending')
      .map((v) => ({
        id: v.id,
        phoneMasked: maskPhone(deps.pii.decrypt(v.phoneEnc)) ?? '',
        role: v.role,
        createdAt: v.createdAt.toISOString(),
      })),
    jobCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    recentJobs: jobs.items.map((j) => ({
      id: j.id,
      title: j.title,
      status: j.status,
      updatedAt: j.updatedAt.toISOString(),
    })),
    history: audit.map((a) => ({
      action: a.action,
      actorKind: a.actorKind,
      actorName: a.actorKind === 'staff' && a.actorId ? (staffNames.get(a.actorId) ?? null) : null,
      reason: str(a.details?.reason),
      from: str(a.details?.from),
      at: a.createdAt.toISOString(),
    })),
  };
}

/** The status an employer had when it was last suspended (from the audit log). */
async function statusBeforeSuspension(deps: EmployersDeps, row: repo.EmployerRow): Promise<repo.EmployerStatus> {
  const entries = await findAuditForEntity(deps.db, 'employer', row.id, ['suspend']);
  const from = entries.at(-1)?.details?.from;
  const known = ['unverified', 'pending', 'verified', 'rejected'] as const;
  const hit = known.find((k) => k === from);
  return hit ?? (row.verifiedAt ? 'verified' : 'pending');
}

/**
 * Suspend (暂停) or restore (恢复) an employer, with a reason. A suspended employer cannot submit
 * or publish postings; restoring returns it to the status it had before the suspension.
 */
export async function changeEmployerStatus(
  deps: EmployersDeps,
  actor: StaffActor,
  id: string,
  to: 'suspend' | 'restore',
  body: z.output<typeof EmployerStatusReasonBody>,
  meta: Meta,
) {
  requirePermission(actor, 'employers.write');
  const old = await loadInScope(deps, actor, id);
  if (to === 'suspend' && old.verificationStatus === 'suspended')
    throw new AppError('INVALID_STATE', { message: '该用工主体已处于暂停状态' });
  if (to === 'restore' && old.verificationStatus !== 'suspended')
    throw new AppError('INVALID_STATE', { message: '只有已暂停的用工主体可以恢复' });
  const status = to === 'suspend' ? ('suspended' as const) : await statusBeforeSuspension(deps, old);
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateEmployer(tx, id, {
      verificationStatus: status,
      verificationReason: body.reason,
      updatedAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: to,
      entity: 'employer',
      entityId: id,
      regionCode: old.townCode,
      details: { from: old.verificationStatus, to: status, reason: body.reason },
      ...meta,
    });
    return row;
  });
  return presentEmployerForStaff(row, deps.pii, (await findRegionName(deps.db, row.townCode)) ?? '');
}

/**
 * Counter registration (代为登记): staff register an employer for its owner. The owner's phone
 * becomes the owner at its next login (an owner invitation), or at once when it already has an
 * account. The employer waits for verification like any other.
 */
export async function registerEmployerAtCounter(
  deps: EmployersDeps,
  actor: StaffActor,
  body: z.output<typeof CounterEmployerBody>,
  meta: Meta,
) {
  requirePermission(actor, 'employers.write');
  assertWritableRegion(actor, body.townCode);
  const townName = await requireTown(deps.db, body.townCode);
  const identity = await identityOf(deps, body);
  const phoneHash = deps.pii.index('phone', body.ownerPhone);
  const user = await findUserByPhoneHash(deps.db, phoneHash);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.insertEmployer(tx, {
      ...columnsOf(deps, body),
      ...identity,
      verificationStatus: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    if (user) await repo.insertMember(tx, { employerId: row.id, userId: user.id, role: 'owner' });
    const invitation = await repo.insertInvitation(tx, {
      employerId: row.id,
      phoneEnc: deps.pii.encrypt(body.ownerPhone),
      phoneHash,
      role: 'owner',
      invitedByStaffId: actor.id,
      createdAt: now,
      ...(user ? { status: 'accepted' as const, acceptedByUserId: user.id, acceptedAt: now } : {}),
    });
    await writeAudit(tx, {
      actor,
      action: 'counter_register',
      entity: 'employer',
      entityId: row.id,
      regionCode: row.townCode,
      details: { name: row.name, kind: row.kind, invitationId: invitation.id, ownerHasAccount: Boolean(user) },
      ...meta,
    });
    return row;
  });
  return presentEmployerForStaff(row, deps.pii, townName);
}
