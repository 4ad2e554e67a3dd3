import {
  SYSTEM_TAGS,
  type AddTagBody,
  type PriorityReviewBody,
  type ProfileDetail,
  type ProfileQuery,
  type SegmentBody,
  type SegmentFilter,
} from '@lingong/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import { findStaffNames } from '../accounts/index.js';
import { findOccupationNames, findRegionLabels, isWithinRegion, regionPrefix } from '../reference/index.js';
import { findCertificates, findWorkerById, reviewPriorityGroups, type WorkerRow } from '../workers/index.js';
import { completenessOfRow, presentProfileRow, presentSegment } from './profiles.presenter.js';
import * as repo from './profiles.repository.js';

export type ProfilesDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };
/** Upper bound of the members a segment resolves to (one push). */
export const SEGMENT_MAX_MEMBERS = 50_000;

const patternOf = (regionCode: string) => `${regionPrefix(regionCode)}%`;

async function presentRows(deps: ProfilesDeps, rows: WorkerRow[]) {
  const ids = rows.map((r) => r.id);
  const now = deps.now();
  const [regions, trades, holders, tags, certs] = await Promise.all([
    findRegionLabels(
      deps.db,
      rows.map((r) => r.homeRegionCode),
    ),
    findOccupationNames(
      deps.db,
      rows.flatMap((r) => r.occupationIds),
    ),
    repo.findSystemTagHolders(deps.db, ids, SYSTEM_TAGS, now),
    repo.findTagsByWorkers(deps.db, ids),
    repo.countCertificatesByWorker(deps.db, ids),
  ]);
  return rows.map((r) =>
    presentProfileRow(
      r,
      {
        regionName: regions.get(r.homeRegionCode) ?? r.homeRegionCode,
        occupationNames: r.occupationIds.map((id) => trades.get(id) ?? '').filter((n) => n !== ''),
        systemTags: SYSTEM_TAGS.filter((t) => holders.get(t)?.has(r.id)),
        staffTags: tags.get(r.id) ?? [],
        certificateCount: certs.get(r.id) ?? 0,
      },
      deps.pii,
      now,
    ),
  );
}

async function pageOf(deps: ProfilesDeps, filter: SegmentFilter, regionPattern: string, q: PageQuery) {
  const where = repo.segmentWhere(filter, regionPattern, deps.now());
  return paged(q, async (slice) => {
    const { items, total } = await repo.findProfilesPage(deps.db, where, slice);
    return { items: await presentRows(deps, items), total };
  });
}

/** The 画像 list in the actor's region, filtered live like a segment. */
export async function listProfiles(deps: ProfilesDeps, actor: StaffActor, q: z.output<typeof ProfileQuery>) {
  requirePermission(actor, 'workers.read');
  const { page, pageSize, ...filter } = q;
  return pageOf(deps, filter, scopeLikePattern(actor), { page, pageSize });
}

async function loadInScope(deps: ProfilesDeps, actor: StaffActor, id: string): Promise<WorkerRow> {
  const row = await findWorkerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.homeRegionCode);
  return row;
}

/** One profile: the row plus completeness hints and certificates with their review state. */
export async function getProfile(deps: ProfilesDeps, actor: StaffActor, id: string): Promise<ProfileDetail> {
  requirePermission(actor, 'workers.read');
  const row = await loadInScope(deps, actor, id);
  const [[present], certs] = await Promise.all([presentRows(deps, [row]), findCertificates(deps.db, id)]);
  if (!present) throw new AppError('NOT_FOUND');
  return {
    ...present,
    completenessHints: completenessOfRow(row, certs.length).hints,
    certificates: certs.map((c) => ({
      id: c.id,
      name: c.name,
      level: c.level,
      number: c.number,
      reviewStatus: c.reviewStatus,
      reviewReason: c.reviewReason,
    })),
  };
}

/** Tag names for pickers: system tags and staff tags used in the region. */
export async function listTagNames(deps: ProfilesDeps, actor: StaffActor) {
  requirePermission(actor, 'workers.read');
  return { system: [...SYSTEM_TAGS], staff: await repo.findTagNames(deps.db, scopeLikePattern(actor)) };
}

/** Staff assign a tag to a worker of their region (system tag names are reserved); audited. */
export async function addTag(
  deps: ProfilesDeps,
  actor: StaffActor,
  id: string,
  body: z.output<typeof AddTagBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.write');
  const row = await loadInScope(deps, actor, id);
  assertWritableRegion(actor, row.homeRegionCode);
  if ((SYSTEM_TAGS as readonly string[]).includes(body.name))
    throw AppError.field('name', '这是系统自动计算的标签，不能手工添加');
  await deps.db.transaction(async (tx) => {
    const tag = await repo.insertTag(tx, {
      workerId: id,
      name: body.name,
      regionCode: row.homeRegionCode,
      createdByStaffId: actor.id,
      createdAt: deps.now(),
    });
    if (!tag) throw AppError.field('name', '该求职者已有这个标签');
    await writeAudit(tx, {
      actor,
      action: 'add_tag',
      entity: 'worker',
      entityId: id,
      regionCode: row.homeRegionCode,
      details: { tag: body.name, tagId: tag.id },
      ...meta,
    });
  });
  return getProfile(deps, actor, id);
}

/** Staff remove a staff-assigned tag; audited. */
export async function removeTag(deps: ProfilesDeps, actor: StaffActor, id: string, tagId: string, meta: Meta) {
  requirePermission(actor, 'workers.write');
  const row = await loadInScope(deps, actor, id);
  const tag = await repo.findTag(deps.db, tagId);
  if (!tag || tag.workerId !== id) throw new AppError('NOT_FOUND');
  assertWritableRegion(actor, row.homeRegionCode);
  await deps.db.transaction(async (tx) => {
    await repo.deleteTag(tx, tagId);
    await writeAudit(tx, {
      actor,
      action: 'remove_tag',
      entity: 'worker',
      entityId: id,
      regionCode: row.homeRegionCode,
      details: { tag: tag.name, tagId },
      ...meta,
    });
  });
  return getProfile(deps, actor, id);
}

/** Verify or reject a worker's declared priority groups (see workers' reviewPriorityGroups). */
export async function reviewPriority(
  deps: ProfilesDeps,
  actor: StaffActor,
  id: string,
  body: z.output<typeof PriorityReviewBody>,
  meta: Meta,
) {
  await reviewPriorityGroups(deps, actor, id, body, meta);
  return getProfile(deps, actor, id);
}

function assertFilterInScope(actor: StaffActor, filter: SegmentFilter, field: string) {
  const outside = filter.towns.filter(
    (t) => !isWithinRegion(actor.regionCode, t) && !isWithinRegion(t, actor.regionCode),
  );
  if (outside.length > 0) throw AppError.field(`${field}.towns`, '不能选择管辖区域以外的乡镇');
}

/** How many workers of the actor's region a filter selects (the live count while editing). */
export async function countFilter(deps: ProfilesDeps, actor: StaffActor, filter: SegmentFilter) {
  requirePermission(actor, 'workers.read');
  assertFilterInScope(actor, filter, 'filter');
  return { count: await repo.countProfiles(deps.db, repo.segmentWhere(filter, scopeLikePattern(actor), deps.now())) };
}

/** Saved segments of the actor's region, each with its live member count. */
export async function listSegments(deps: ProfilesDeps, actor: StaffActor) {
  requirePermission(actor, 'workers.read');
  const rows = await repo.findSegments(deps.db, scopeLikePattern(actor));
  const names = await findStaffNames(
    deps.db,
    rows.map((r) => r.createdByStaffId),
  );
  const now = deps.now();
  const items = [];
  for (const r of rows)
    items.push(
      presentSegment(
        r,
        await repo.countProfiles(deps.db, repo.segmentWhere(r.filter, patternOf(r.regionCode), now)),
        names.get(r.createdByStaffId) ?? null,
      ),
    );
  return { items };
}

/** Save a segment in the actor's scope; its members are always limited to that scope. Audited. */
export async function createSegment(
  deps: ProfilesDeps,
  actor: StaffActor,
  body: z.output<typeof SegmentBody>,
  meta: Meta,
) {
  requirePermission(actor, 'workers.write');
  assertFilterInScope(actor, body.filter, 'filter');
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const row = await repo.insertSegment(tx, {
      name: body.name,
      filter: body.filter,
      regionCode: actor.regionCode,
      createdByStaffId: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'worker_segment',
      entityId: row.id,
      regionCode: actor.regionCode,
      details: { name: body.name, filter: body.filter },
      ...meta,
    });
    return row;
  });
  const names = await findStaffNames(deps.db, [actor.id]);
  return presentSegment(
    row,
    await repo.countProfiles(deps.db, repo.segmentWhere(row.filter, patternOf(row.regionCode), now)),
    names.get(actor.id) ?? null,
  );
}

async function segmentInScope(deps: ProfilesDeps, actor: StaffActor, id: string) {
  const row = await repo.findSegment(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  return row;
}

export async function deleteSegment(deps: ProfilesDeps, actor: StaffActor, id: string, meta: Meta): Promise<void> {
  requirePermission(actor, 'workers.write');
  const row = await segmentInScope(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    await repo.deleteSegment(tx, id);
    await writeAudit(tx, {
      actor,
      action: 'delete',
      entity: 'worker_segment',
      entityId: id,
      regionCode: row.regionCode,
      details: { name: row.name },
      ...meta,
    });
  });
}

/** The members of a saved segment, paged (masked rows). */
export async function segmentMembers(deps: ProfilesDeps, actor: StaffActor, id: string, q: PageQuery) {
  requirePermission(actor, 'workers.read');
  const row = await segmentInScope(deps, actor, id);
  return pageOf(deps, row.filter, patternOf(row.regionCode), q);
}

/**
 * The worker ids a saved segment selects now (inside the segment's region), for pushes. Returns
 * undefined when there is no such segment. Capped at SEGMENT_MAX_MEMBERS.
 */
export async function resolveSegment(db: Db, segmentId: string, now: Date = new Date()): Promise<string[] | undefined> {
  const row = await repo.findSegment(db, segmentId);
  if (!row) return undefined;
  return repo.findProfileIds(db, repo.segmentWhere(row.filter, patternOf(row.regionCode), now), SEGMENT_MAX_MEMBERS);
}

/** The region a segment was saved in (callers check the actor's scope against it). */
export async function segmentRegion(db: Db, segmentId: string): Promise<string | undefined> {
  return (await repo.findSegment(db, segmentId))?.regionCode;
}
