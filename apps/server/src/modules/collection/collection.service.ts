import {
  WORKING_STATUSES,
  parseIdNumber,
  type CreateCollectionFollowupBody,
  type CreateHouseholdBody,
  type HouseholdDetail,
  type HouseholdQuery,
  type MemberBody,
  type UpdateHouseholdBody,
  type UpdateMemberBody,
} from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { householdFetcher } from './collection.ledger.js';
import { ageOn, collectionRevealer, presentFollowup, presentHousehold, presentMember } from './collection.presenter.js';
import * as repo from './collection.repository.js';
import { findRegionLabels } from '../reference/index.js';
import { shanghaiDay, windowOf, windowPage } from '../../platform/reporting/index.js';

export type CollectionDeps = { db: DbOrTx; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };

/** Working age for the 零就业家庭 rule: 16 to 59 years. */
export const WORKING_AGE = { min: 16, maxExclusive: 60 } as const;

/**
 * 零就业家庭 (derived): at least one working-age member is unemployed and no working-age member
 * works (locally, as a migrant or flexibly). The collector may override it either way.
 */
export function derivedZeroEmployment(members: Pick<repo.MemberRow, 'status' | 'birthDate'>[], today: string): boolean {
  const working = members.filter((m) => {
    const age = ageOn(m.birthDate, today);
    return age >= WORKING_AGE.min && age < WORKING_AGE.maxExclusive;
  });
  return working.some((m) => m.status === 'unemployed') && !working.some((m) => WORKING_STATUSES.includes(m.status));
}

async function recompute(
  tx: DbOrTx,
  household: repo.HouseholdRow,
  override: boolean | null,
  today: string,
  now: Date,
): Promise<void> {
  const derived = derivedZeroEmployment(await repo.findMembersOf(tx, household.id), today);
  await repo.updateHousehold(tx, household.id, {
    zeroEmploymentDerived: derived,
    zeroEmploymentOverride: override,
    zeroEmployment: override ?? derived,
    updatedAt: now,
  });
}

/** Encrypted member columns, or a field error on the member's path. */
function memberValues(deps: CollectionDeps, m: MemberBody, path: string) {
  const id = parseIdNumber(m.idNumber, { now: deps.now() });
  if (!id.ok) throw AppError.field(`${path}idNumber`, id.reason);
  return {
    nameEnc: deps.pii.encrypt(m.name),
    idNumberEnc: deps.pii.encrypt(id.value.normalized),
    idNumberIndex: deps.pii.index('id_number', id.value.normalized),
    phoneEnc: m.phone ? deps.pii.encrypt(m.phone) : null,
    gender: id.value.gender,
    birthDate: id.value.birthDate,
    relation: m.relation,
    status: m.status,
    migrantDestination: m.status === 'migrant' ? m.migrantDestination : '',
    migrantTrade: m.status === 'migrant' ? m.migrantTrade : '',
    migrantContactEnc: m.status === 'migrant' && m.migrantContact ? deps.pii.encrypt(m.migrantContact) : null,
    needs: [...new Set(m.needs)],
    needNote: m.needNote,
  };
}

async function assertVillage(db: DbOrTx, actor: StaffActor, code: string): Promise<void> {
  const region = await repo.findRegion(db, code);
  if (!region || region.level !== 'village')
    throw AppError.field('villageCode', '请选择行政村（须为区划中的村级代码）');
  assertWritableRegion(actor, code);
}

async function visibleHousehold(deps: CollectionDeps, actor: StaffActor, id: string): Promise<repo.HouseholdRow> {
  const h = await repo.findHousehold(deps.db, id);
  if (!h) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, h.villageCode);
  return h;
}

async function assertIdsFree(
  db: DbOrTx,
  values: { idNumberIndex: string }[],
  paths: string[],
  exceptMemberId?: string,
): Promise<void> {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    if (seen.has(v.idNumberIndex)) throw AppError.field(`${paths[i]}idNumber`, '同一户中身份证号码重复');
    seen.set(v.idNumberIndex, i);
  });
  const taken = await repo.findTakenIdIndexes(
    db,
    values.map((v) => v.idNumberIndex),
    exceptMemberId,
  );
  const i = values.findIndex((v) => taken.has(v.idNumberIndex));
  if (i >= 0) throw AppError.field(`${paths[i]}idNumber`, '该身份证号码已在其他户登记');
}

/** Collect a household and its members in one transaction; audited (no personal data in the log). */
export async function createHousehold(
  deps: CollectionDeps,
  actor: StaffActor,
  body: CreateHouseholdBody,
  meta: Meta,
): Promise<HouseholdDetail> {
  requirePermission(actor, 'services.write');
  await assertVillage(deps.db, actor, body.villageCode);
  const today = shanghaiDay(deps.now());
  if (body.collectedOn > today) throw AppError.field('collectedOn', '采集日期不能晚于今天');
  if (body.members.length > body.memberCount) throw AppError.field('members', '采集的成员数不能超过家庭人口数');
  const paths = body.members.map((_m, i) => `members.${i}.`);
  const members = body.members.map((m, i) => memberValues(deps, m, paths[i] ?? ''));
  await assertIdsFree(deps.db, members, paths);
  const now = deps.now();
  const id = await deps.db.transaction(async (tx) => {
    const h = await repo.insertHousehold(tx, {
      villageCode: body.villageCode,
      headNameEnc: deps.pii.encrypt(body.headName),
      addressEnc: deps.pii.encrypt(body.address),
      memberCount: body.memberCount,
      collectedOn: body.collectedOn,
      note: body.note,
      recorderStaffId: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    // Members keep the order they were entered in (createdAt one millisecond apart).
    await repo.insertMembers(
      tx,
      members.map((m, i) => ({
        ...m,
        householdId: h.id,
        villageCode: h.villageCode,
        createdAt: new Date(now.getTime() + i),
        updatedAt: now,
      })),
    );
    await recompute(tx, h, body.zeroEmploymentOverride, today, now);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'collection_household',
      entityId: h.id,
      regionCode: h.villageCode,
      details: { members: members.length, memberCount: body.memberCount },
      ...meta,
    });
    return h.id;
  });
  return getHousehold(deps, actor, id);
}

/** Change a household's head, address, size, date, note or the 零就业 override; audited. */
export async function updateHousehold(
  deps: CollectionDeps,
  actor: StaffActor,
  id: string,
  body: UpdateHouseholdBody,
  meta: Meta,
): Promise<HouseholdDetail> {
  requirePermission(actor, 'services.write');
  const h = await visibleHousehold(deps, actor, id);
  assertWritableRegion(actor, h.villageCode);
  const today = shanghaiDay(deps.now());
  if (body.collectedOn && body.collectedOn > today) throw AppError.field('collectedOn', '采集日期不能晚于今天');
  const collected = (await repo.findMembersOf(deps.db, id)).length;
  if (body.memberCount !== undefined && body.memberCount < collected)
    throw AppError.field('memberCount', `家庭人口不能少于已采集的${collected}名成员`);
  await deps.db.transaction(async (tx) => {
    await repo.updateHousehold(tx, id, {
      headNameEnc: body.headName ? deps.pii.encrypt(body.headName) : undefined,
      addressEnc: body.address ? deps.pii.encrypt(body.address) : undefined,
      memberCount: body.memberCount,
      collectedOn: body.collectedOn,
      note: body.note,
    });
    await recompute(
      tx,
      h,
      body.zeroEmploymentOverride === undefined ? h.zeroEmploymentOverride : body.zeroEmploymentOverride,
      today,
      deps.now(),
    );
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'collection_household',
      entityId: id,
      regionCode: h.villageCode,
      details: { changed: Object.keys(body) },
      ...meta,
    });
  });
  return getHousehold(deps, actor, id);
}

/** Add a member to a household (within its declared size); audited. */
export async function addMember(
  deps: CollectionDeps,
  actor: StaffActor,
  householdId: string,
  body: MemberBody,
  meta: Meta,
): Promise<HouseholdDetail> {
  requirePermission(actor, 'services.write');
  const h = await visibleHousehold(deps, actor, householdId);
  assertWritableRegion(actor, h.villageCode);
  if ((await repo.findMembersOf(deps.db, h.id)).length >= h.memberCount)
    throw AppError.field('memberCount', '已采集成员数已达家庭人口数，请先修改家庭人口');
  const values = memberValues(deps, body, '');
  await assertIdsFree(deps.db, [values], ['']);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [m] = await repo.insertMembers(tx, [
      { ...values, householdId: h.id, villageCode: h.villageCode, createdAt: now, updatedAt: now },
    ]);
    await recompute(tx, h, h.zeroEmploymentOverride, shanghaiDay(now), now);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'collection_member',
      entityId: m?.id ?? null,
      regionCode: h.villageCode,
      details: { householdId: h.id, status: values.status },
      ...meta,
    });
  });
  return getHousehold(deps, actor, h.id);
}

/** Update a member's status, migrant details, needs or identity; audited. */
export async function updateMember(
  deps: CollectionDeps,
  actor: StaffActor,
  memberId: string,
  body: UpdateMemberBody,
  meta: Meta,
): Promise<HouseholdDetail> {
  requirePermission(actor, 'services.write');
  const m = await repo.findMember(deps.db, memberId);
  if (!m) throw new AppError('NOT_FOUND');
  const h = await visibleHousehold(deps, actor, m.householdId);
  assertWritableRegion(actor, h.villageCode);
  const current: MemberBody = {
    name: deps.pii.decrypt(m.nameEnc),
    idNumber: deps.pii.decrypt(m.idNumberEnc),
    phone: m.phoneEnc ? deps.pii.decrypt(m.phoneEnc) : null,
    relation: m.relation,
    status: m.status,
    migrantDestination: m.migrantDestination,
    migrantTrade: m.migrantTrade,
    migrantContact: m.migrantContactEnc ? deps.pii.decrypt(m.migrantContactEnc) : '',
    needs: m.needs as MemberBody['needs'],
    needNote: m.needNote,
  };
  const merged = { ...current, ...body };
  if (merged.status === 'migrant' && merged.migrantDestination === '')
    throw AppError.field('migrantDestination', '外出务工人员须填写务工地点');
  const values = memberValues(deps, merged, '');
  if (values.idNumberIndex !== m.idNumberIndex) await assertIdsFree(deps.db, [values], [''], m.id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateMember(tx, m.id, { ...values, updatedAt: now });
    await recompute(tx, h, h.zeroEmploymentOverride, shanghaiDay(now), now);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'collection_member',
      entityId: m.id,
      regionCode: h.villageCode,
      details: { householdId: h.id, changed: Object.keys(body) },
      ...meta,
    });
  });
  return getHousehold(deps, actor, h.id);
}

/** Record a follow-up visit of a household; audited. */
export async function addFollowup(
  deps: CollectionDeps,
  actor: StaffActor,
  householdId: string,
  body: CreateCollectionFollowupBody,
  meta: Meta,
): Promise<HouseholdDetail> {
  requirePermission(actor, 'services.write');
  const h = await visibleHousehold(deps, actor, householdId);
  assertWritableRegion(actor, h.villageCode);
  if (body.followedOn > shanghaiDay(deps.now())) throw AppError.field('followedOn', '回访日期不能晚于今天');
  if (body.followedOn < h.collectedOn) throw AppError.field('followedOn', '回访日期不能早于采集日期');
  await deps.db.transaction(async (tx) => {
    const f = await repo.insertFollowup(tx, {
      householdId: h.id,
      villageCode: h.villageCode,
      followedOn: body.followedOn,
      content: body.content,
      nextDate: body.nextDate,
      recorderStaffId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'collection_followup',
      entityId: f.id,
      regionCode: h.villageCode,
      details: { householdId: h.id },
      ...meta,
    });
  });
  return getHousehold(deps, actor, h.id);
}

/** One household with its members and follow-ups, masked. */
export async function getHousehold(deps: CollectionDeps, actor: StaffActor, id: string): Promise<HouseholdDetail> {
  requirePermission(actor, 'dashboard.read');
  await visibleHousehold(deps, actor, id);
  const row = await repo.findHouseholdRow(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const reveal = collectionRevealer(deps.pii, false);
  const today = shanghaiDay(deps.now());
  const [names, members, followups] = [
    await findRegionLabels(deps.db, [row.h.villageCode]),
    await repo.findMembersOf(deps.db, id),
    await repo.findFollowupsOf(deps.db, id),
  ];
  return {
    ...presentHousehold(row, reveal, names),
    members: members.map((m) => presentMember(m, reveal, today)),
    followups: followups.map((f) => presentFollowup(f.f, f.recorderName)),
  };
}

/** The household ledger in the actor's region (filter by town or village), masked. */
export async function listHouseholds(deps: CollectionDeps, actor: StaffActor, q: HouseholdQuery) {
  const w = windowOf(actor, { from: q.from, to: q.to, town: q.village ?? q.town });
  return windowPage(
    q,
    w,
    householdFetcher(deps, collectionRevealer(deps.pii, false), {
      zeroEmployment: q.zeroEmployment === undefined ? undefined : q.zeroEmployment === 'true',
    }),
  );
}
