import type { EmployerBody } from '@lingong/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { findRegionName, findRegionNames, levelOfCode } from '../reference/index.js';
import { presentEmployer } from './employers.presenter.js';
import * as repo from './employers.repository.js';

export type EmployersDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };
type Body = z.output<typeof EmployerBody>;

/** The name of a town (乡镇) in the reference data, or undefined for anything else. */
export async function findTownName(db: DbOrTx, code: string): Promise<string | undefined> {
  return levelOfCode(code) === 'town' ? findRegionName(db, code) : undefined;
}

/** The town of an employer or job: a town (乡镇) that exists in the reference data. */
export async function requireTown(db: DbOrTx, code: string, field = 'townCode'): Promise<string> {
  const name = await findTownName(db, code);
  if (!name) throw AppError.field(field, '所属乡镇不存在');
  return name;
}

/** The caller's role in an employer; FORBIDDEN when not a member (users act only for their employers). */
export async function requireRole(
  db: DbOrTx,
  actor: UserActor,
  employerId: string,
  need: 'member' | 'owner' = 'member',
): Promise<'owner' | 'member'> {
  const role = await repo.findRole(db, employerId, actor.id);
  if (!role) throw new AppError('FORBIDDEN', { message: '您不是该用工主体的成员' });
  if (need === 'owner' && role !== 'owner') throw new AppError('FORBIDDEN', { message: '只有负责人可以进行此操作' });
  return role;
}

/** Identity columns from the body: a credit code, or an encrypted ID number for a private person. */
export async function identityOf(deps: EmployersDeps, body: Body, selfId?: string) {
  if (body.kind === 'private_person' && body.idNumber) {
    const hash = deps.pii.index('id_number', body.idNumber);
    const other = await repo.findPrivateEmployerByIdHash(deps.db, hash);
    if (other && other.id !== selfId) throw AppError.field('idNumber', '该身份证号码已登记为个人雇主');
    return { uscc: null, idNumberEnc: deps.pii.encrypt(body.idNumber), idNumberHash: hash };
  }
  const uscc = body.uscc ?? '';
  const other = await repo.findEmployerByUscc(deps.db, uscc);
  if (other && other.id !== selfId)
    throw AppError.field('uscc', '该统一社会信用代码已注册，请联系单位负责人邀请您加入');
  return { uscc, idNumberEnc: null, idNumberHash: null };
}

export function columnsOf(deps: EmployersDeps, body: Body) {
  return {
    name: body.name,
    kind: body.kind,
    townCode: body.townCode,
    address: body.address,
    lng: body.lng,
    lat: body.lat,
    industry: body.industry,
    size: body.size,
    contactName: body.contactName,
    contactPhoneEnc: deps.pii.encrypt(body.contactPhone),
    contactPhoneHash: deps.pii.index('phone', body.contactPhone),
  };
}

/**
 * Register an employer (用工登记). The caller becomes its owner; it waits for a reviewer's
 * verification (status pending).
 */
export async function registerEmployer(deps: EmployersDeps, actor: UserActor, body: Body, meta: Meta) {
  const townName = await requireTown(deps.db, body.townCode);
  const identity = await identityOf(deps, body);
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.insertEmployer(tx, {
      ...columnsOf(deps, body),
      ...identity,
      verificationStatus: 'pending',
      createdByUserId: actor.id,
    });
    await repo.insertMember(tx, { employerId: row.id, userId: actor.id, role: 'owner' });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'employer',
      entityId: row.id,
      regionCode: row.townCode,
      details: { name: row.name, kind: row.kind },
      ...meta,
    });
    return row;
  });
  return presentEmployer(row, deps.pii, townName, 'owner');
}

/**
 * Edit an employer (owner only). Changing the name, kind or identity sends it back to
 * verification; contacts, address and the rest do not.
 */
export async function updateEmployer(
  deps: EmployersDeps,
  actor: UserActor,
  employerId: string,
  body: Body,
  meta: Meta,
) {
  const role = await requireRole(deps.db, actor, employerId, 'owner');
  const old = await repo.findEmployerById(deps.db, employerId);
  if (!old) throw new AppError('NOT_FOUND');
  const townName = await requireTown(deps.db, body.townCode);
  const identity = await identityOf(deps, body, employerId);
  const oldId = old.idNumberEnc ? deps.pii.decrypt(old.idNumberEnc) : null;
  const identityChanged =
    old.name !== body.name ||
    old.kind !== body.kind ||
    old.uscc !== identity.uscc ||
    oldId !== (body.kind === 'private_person' ? body.idNumber : null);
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.updateEmployer(tx, employerId, {
      ...columnsOf(deps, body),
      ...identity,
      updatedAt: deps.now(),
      ...(identityChanged
        ? {
            verificationStatus: 'pending' as const,
            verificationReason: null,
            verifiedAt: null,
            verifiedByStaffId: null,
          }
        : {}),
    });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'employer',
      entityId: employerId,
      regionCode: row.townCode,
      details: { identityChanged },
      ...meta,
    });
    return row;
  });
  return presentEmployer(row, deps.pii, townName, role);
}

/** One employer, for its members. */
export async function getEmployerForMember(deps: EmployersDeps, actor: UserActor, employerId: string) {
  const role = await requireRole(deps.db, actor, employerId);
  const row = await repo.findEmployerById(deps.db, employerId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentEmployer(row, deps.pii, (await findRegionName(deps.db, row.townCode)) ?? '', role);
}

/** Every employer the caller acts for. */
export async function listMyEmployers(deps: EmployersDeps, actor: UserActor) {
  const memberships = await repo.findMembershipsByUser(deps.db, actor.id);
  const rows = await repo.findEmployersByIds(
    deps.db,
    memberships.map((m) => m.employerId),
  );
  const role = new Map(memberships.map((m) => [m.employerId, m.role]));
  const towns = await findRegionNames(
    deps.db,
    rows.map((r) => r.townCode),
  );
  return { items: rows.map((r) => presentEmployer(r, deps.pii, towns.get(r.townCode) ?? '', role.get(r.id) ?? null)) };
}
