import { isDeepStrictEqual } from 'node:util';
import type {
  AdminOccupation,
  CreateOccupationBody,
  MoveOccupationBody,
  UpdateOccupationBody,
} from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { staffNames } from '../../platform/directory/staff-names.js';
import * as repo from './occupations-admin.repository.js';
import type { OccupationRow } from './reference.repository.js';

export type OccupationsDeps = { db: Db; now: () => Date };
type Meta = { ip?: string; requestId?: string };
type Change = 'create' | 'update' | 'move' | 'disable' | 'enable';

export function presentAdminOccupation(o: OccupationRow): AdminOccupation {
  return {
    id: o.id,
    key: o.key,
    name: o.name,
    parentId: o.parentId,
    nationalCode: o.nationalCode,
    skillTags: o.skillTags,
    category: o.isCategory,
    sort: o.sort,
    disabled: o.disabledAt !== null,
    disabledAt: o.disabledAt?.toISOString() ?? null,
  };
}

/** The fields the history keeps. */
export function snapshot(
  o: Pick<OccupationRow, 'name' | 'parentId' | 'nationalCode' | 'skillTags' | 'isCategory' | 'sort' | 'disabledAt'>,
): Record<string, unknown> {
  return {
    name: o.name,
    parentId: o.parentId,
    nationalCode: o.nationalCode,
    skillTags: o.skillTags,
    category: o.isCategory,
    sort: o.sort,
    disabled: o.disabledAt !== null,
  };
}

/** Only the keys whose value changed, as `{ old, new }`. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>) {
  const oldValue: Record<string, unknown> = {};
  const newValue: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (!isDeepStrictEqual(before[key], after[key])) {
      oldValue[key] = before[key];
      newValue[key] = after[key];
    }
  }
  return { oldValue, newValue, changed: Object.keys(newValue).length > 0 };
}

async function record(
  tx: DbOrTx,
  actor: StaffActor,
  row: OccupationRow,
  action: Change,
  oldValue: Record<string, unknown> | null,
  newValue: Record<string, unknown>,
  meta: Meta,
  now: Date,
) {
  await repo.insertOccupationChanges(tx, [
    { occupationId: row.id, action, oldValue, newValue, changedBy: actor.id, changedAt: now },
  ]);
  await writeAudit(tx, {
    actor,
    action: `occupation_${action}`,
    entity: 'occupation',
    entityId: row.id,
    regionCode: actor.regionCode,
    details: { name: row.name, old: oldValue, new: newValue },
    ...meta,
  });
}

async function mustFind(db: DbOrTx, id: string): Promise<OccupationRow> {
  const row = await repo.findOccupationById(db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '工种不存在' });
  return row;
}

async function assertNameFree(db: DbOrTx, name: string, selfId?: string): Promise<void> {
  const other = await repo.findOccupationByName(db, name);
  if (other && other.id !== selfId)
    throw new AppError('CONFLICT', {
      message: '工种名称已存在',
      details: [
        { field: 'name', message: other.disabledAt ? '工种名称已存在（已停用，可重新启用）' : '工种名称已存在' },
      ],
    });
}

/** A parent must exist and be active. */
async function assertUsableParent(db: DbOrTx, parentId: string): Promise<OccupationRow> {
  const parent = await repo.findOccupationById(db, parentId);
  if (!parent) throw AppError.field('parentId', '上级工种不存在');
  if (parent.disabledAt) throw AppError.field('parentId', '上级工种已停用');
  return parent;
}

/** Every occupation, disabled ones included (any console user). */
export async function listAllOccupations(db: DbOrTx) {
  return (await repo.findAllOccupations(db)).map(presentAdminOccupation);
}

/** Add an occupation under an active parent (or as a top-level category); names are unique across the tree. */
export async function createOccupation(
  deps: OccupationsDeps,
  actor: StaffActor,
  body: CreateOccupationBody,
  meta: Meta,
) {
  requirePermission(actor, 'reference.write');
  if (body.parentId) await assertUsableParent(deps.db, body.parentId);
  await assertNameFree(deps.db, body.name);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertOccupation(tx, {
      name: body.name,
      parentId: body.parentId,
      nationalCode: body.nationalCode,
      skillTags: body.skillTags,
      isCategory: body.category,
      sort: body.sort,
    });
    await record(tx, actor, row, 'create', null, snapshot(row), meta, now);
    return presentAdminOccupation(row);
  });
}

/** Edit name, national code, skill tags, category flag or sort; postings keep pointing at the same row. */
export async function updateOccupationDetails(
  deps: OccupationsDeps,
  actor: StaffActor,
  id: string,
  body: UpdateOccupationBody,
  meta: Meta,
) {
  requirePermission(actor, 'reference.write');
  const row = await mustFind(deps.db, id);
  if (body.name !== undefined) await assertNameFree(deps.db, body.name, id);
  const next = {
    name: body.name ?? row.name,
    nationalCode: body.nationalCode === undefined ? row.nationalCode : body.nationalCode,
    skillTags: body.skillTags ?? row.skillTags,
    isCategory: body.category ?? row.isCategory,
    sort: body.sort ?? row.sort,
  };
  const { oldValue, newValue, changed } = diffSnapshots(snapshot(row), snapshot({ ...row, ...next }));
  if (!changed) return presentAdminOccupation(row);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const updated = await repo.updateOccupation(tx, id, next);
    await record(tx, actor, updated, 'update', oldValue, newValue, meta, now);
    return presentAdminOccupation(updated);
  });
}

/** Ids of the node and everything below it. */
function subtreeIds(all: OccupationRow[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of all) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop() ?? '') ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/** Move under another active parent (or to the top); moving under itself or its own descendant is refused. */
export async function moveOccupation(
  deps: OccupationsDeps,
  actor: StaffActor,
  id: string,
  body: MoveOccupationBody,
  meta: Meta,
) {
  requirePermission(actor, 'reference.write');
  const row = await mustFind(deps.db, id);
  if (body.parentId) {
    await assertUsableParent(deps.db, body.parentId);
    if (subtreeIds(await repo.findAllOccupations(deps.db), id).has(body.parentId)) {
      throw new AppError('INVALID_STATE', {
        message: '不能移动到自身或其下级工种之下',
        details: [{ field: 'parentId', message: '不能移动到自身或其下级工种之下' }],
      });
    }
  }
  const next = { parentId: body.parentId, sort: body.sort ?? row.sort };
  const { oldValue, newValue, changed } = diffSnapshots(snapshot(row), snapshot({ ...row, ...next }));
  if (!changed) return presentAdminOccupation(row);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const updated = await repo.updateOccupation(tx, id, next);
    await record(tx, actor, updated, 'move', oldValue, newValue, meta, now);
    return presentAdminOccupation(updated);
  });
}

/**
 * Disable: the occupation leaves pickers and the public tree, but stays for history (postings and
 * profiles keep their 工种). A category with active children must have them disabled or moved first.
 */
export async function disableOccupation(deps: OccupationsDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'reference.write');
  const row = await mustFind(deps.db, id);
  if (row.disabledAt) return presentAdminOccupation(row);
  const active = (await repo.findChildOccupations(deps.db, id)).filter((c) => !c.disabledAt);
  if (active.length > 0) throw new AppError('INVALID_STATE', { message: `请先停用或移走其下 ${active.length} 个工种` });
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const updated = await repo.updateOccupation(tx, id, { disabledAt: now });
    await record(tx, actor, updated, 'disable', { disabled: false }, { disabled: true }, meta, now);
    return presentAdminOccupation(updated);
  });
}

/** Enable again; its parent must be active. */
export async function enableOccupation(deps: OccupationsDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'reference.write');
  const row = await mustFind(deps.db, id);
  if (!row.disabledAt) return presentAdminOccupation(row);
  if (row.parentId) {
    const parent = await repo.findOccupationById(deps.db, row.parentId);
    if (parent?.disabledAt) throw new AppError('INVALID_STATE', { message: '上级工种已停用，请先启用上级工种' });
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const updated = await repo.updateOccupation(tx, id, { disabledAt: null });
    await record(tx, actor, updated, 'enable', { disabled: true }, { disabled: false }, meta, now);
    return presentAdminOccupation(updated);
  });
}

/** The change history of one occupation, newest first. */
export async function occupationHistory(db: DbOrTx, id: string) {
  await mustFind(db, id);
  const rows = await repo.findOccupationChanges(db, id);
  const names = await staffNames(
    db,
    rows.flatMap((r) => (r.changedBy ? [r.changedBy] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    oldValue: r.oldValue,
    newValue: r.newValue,
    changedByName: r.changedBy ? (names.get(r.changedBy) ?? null) : null,
    changedAt: r.changedAt.toISOString(),
  }));
}
