import type { PublicationBodyParsed, PublicationListQuery, PublicChannel } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { emptyPage, paged, type PageQuery } from '../../platform/reporting/index.js';
import { findStaffNames } from '../accounts/index.js';
import { findJobsByIds } from '../jobs/index.js';
import { levelOfCode, regionPrefix } from '../reference/index.js';
import * as repo from './publications.repository.js';
import { presentLog, presentPublic, presentPublication } from './publications.presenter.js';

export type PublicationsDeps = { db: Db; now: () => Date };
type Meta = { ip?: string; requestId?: string };
type Row = repo.PublicationRow;

const EDITABLE: readonly Row['status'][] = ['draft', 'rejected'];

/** The division codes above a region (province, city, county, town): their items show there too. */
export function ancestorsOf(regionCode: string): string[] {
  const prefix = regionPrefix(regionCode);
  return [2, 4, 6, 9].filter((n) => n < prefix.length).map((n) => prefix.slice(0, n).padEnd(12, '0'));
}

async function audit(
  tx: DbOrTx,
  actor: StaffActor,
  action: string,
  row: Row,
  meta: Meta,
  details?: Record<string, unknown>,
) {
  await writeAudit(tx, {
    actor,
    action,
    entity: 'publication',
    entityId: row.id,
    regionCode: row.regionCode,
    details: { title: row.title, status: row.status, ...details },
    ...meta,
  });
}

/** An item in the actor's region (read), otherwise NOT_FOUND. */
async function visible(deps: PublicationsDeps, actor: StaffActor, id: string): Promise<Row> {
  const row = await repo.findPublication(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  return row;
}

/** Lock the item, check region and state; the message says why the state is wrong. */
async function lockIn(
  tx: DbOrTx,
  actor: StaffActor,
  id: string,
  from: readonly Row['status'][],
  message: string,
): Promise<Row> {
  const row = await repo.lockPublication(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  assertWritableRegion(actor, row.regionCode);
  if (!from.includes(row.status)) throw new AppError('INVALID_STATE', { message });
  return row;
}

async function checkJobs(db: DbOrTx, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const found = new Set((await findJobsByIds(db, jobIds)).map((j) => j.id));
  const missing = jobIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw AppError.field('jobIds', `岗位不存在：${missing.length}个`);
}

function fieldsOf(body: PublicationBodyParsed) {
  return {
    kind: body.kind,
    title: body.title,
    summary: body.summary,
    body: body.body,
    jobIds: body.kind === 'job_bulletin' ? [...new Set(body.jobIds)] : [],
    channels: body.channels,
    regionCode: body.regionCode,
    publishAt: body.publishAt ? new Date(body.publishAt) : null,
    unpublishAt: body.unpublishAt ? new Date(body.unpublishAt) : null,
  };
}

export async function list(deps: PublicationsDeps, actor: StaffActor, q: PublicationListQuery) {
  requirePermission(actor, 'dashboard.read');
  const pattern = scopedRegionPattern(actor, q.regionCode);
  if (!pattern) return emptyPage<ReturnType<typeof presentPublication>>(q);
  return paged(q, async (slice) => {
    const { items, total } = await repo.findPage(
      deps.db,
      { pattern, status: q.status, kind: q.kind, channel: q.channel, q: q.q },
      slice,
    );
    return { items: items.map(presentPublication), total };
  });
}

export async function get(deps: PublicationsDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'dashboard.read');
  return presentPublication(await visible(deps, actor, id));
}

/** Write a draft in the actor's region; audited. */
export async function create(deps: PublicationsDeps, actor: StaffActor, body: PublicationBodyParsed, meta: Meta) {
  requirePermission(actor, 'publications.write');
  assertWritableRegion(actor, body.regionCode);
  await checkJobs(deps.db, body.jobIds);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertPublication(tx, {
      ...fieldsOf(body),
      status: 'draft',
      authorStaffId: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, 'create', row, meta);
    return presentPublication(row);
  });
}

/** Edit a draft or a rejected item (it becomes a draft again). */
export async function update(
  deps: PublicationsDeps,
  actor: StaffActor,
  id: string,
  body: PublicationBodyParsed,
  meta: Meta,
) {
  requirePermission(actor, 'publications.write');
  assertWritableRegion(actor, body.regionCode);
  await checkJobs(deps.db, body.jobIds);
  return deps.db.transaction(async (tx) => {
    await lockIn(tx, actor, id, EDITABLE, '只有草稿或已驳回的内容可以修改');
    const row = await repo.updatePublication(tx, id, { ...fieldsOf(body), status: 'draft', updatedAt: deps.now() });
    await audit(tx, actor, 'update', row, meta);
    return presentPublication(row);
  });
}

/** 提交审核. */
export async function submit(deps: PublicationsDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'publications.write');
  return deps.db.transaction(async (tx) => {
    const current = await lockIn(tx, actor, id, EDITABLE, '只有草稿或已驳回的内容可以提交审核');
    if (current.unpublishAt && current.unpublishAt <= deps.now())
      throw AppError.field('unpublishAt', '下线时间已过，请修改后再提交');
    const row = await repo.updatePublication(tx, id, {
      status: 'pending_review',
      rejectReason: null,
      updatedAt: deps.now(),
    });
    await audit(tx, actor, 'submit', row, meta);
    return presentPublication(row);
  });
}

/** Publish now: status, time and one log line per channel (staffId null: the scheduler). */
async function publishNow(tx: DbOrTx, row: Row, now: Date, staffId: string | null): Promise<Row> {
  const published = await repo.updatePublication(tx, row.id, {
    status: 'published',
    publishedAt: now,
    unpublishedAt: null,
    updatedAt: now,
  });
  await repo.insertLogs(
    tx,
    row.channels.map((channel) => ({ publicationId: row.id, channel, action: 'published' as const, staffId, at: now })),
  );
  return published;
}

async function unpublishNow(tx: DbOrTx, row: Row, now: Date, staffId: string | null): Promise<Row> {
  const wasLive = row.status === 'published';
  const done = await repo.updatePublication(tx, row.id, { status: 'unpublished', unpublishedAt: now, updatedAt: now });
  if (wasLive)
    await repo.insertLogs(
      tx,
      row.channels.map((channel) => ({
        publicationId: row.id,
        channel,
        action: 'unpublished' as const,
        staffId,
        at: now,
      })),
    );
  return done;
}

/** 审核通过: published at once when its publish time has come, otherwise scheduled. */
export async function approve(deps: PublicationsDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'publications.review');
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const current = await lockIn(tx, actor, id, ['pending_review'], '只有待审核的内容可以审核');
    if (current.unpublishAt && current.unpublishAt <= now)
      throw AppError.field('unpublishAt', '下线时间已过，请驳回后修改');
    let row = await repo.updatePublication(tx, id, {
      status: 'approved',
      reviewerStaffId: actor.id,
      reviewedAt: now,
      rejectReason: null,
      updatedAt: now,
    });
    if (!row.publishAt || row.publishAt <= now) row = await publishNow(tx, row, now, actor.id);
    await audit(tx, actor, 'approve', row, meta);
    return presentPublication(row);
  });
}

/** 驳回 with a reason; the author edits and submits again. */
export async function reject(deps: PublicationsDeps, actor: StaffActor, id: string, reason: string, meta: Meta) {
  requirePermission(actor, 'publications.review');
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await lockIn(tx, actor, id, ['pending_review'], '只有待审核的内容可以驳回');
    const row = await repo.updatePublication(tx, id, {
      status: 'rejected',
      rejectReason: reason,
      reviewerStaffId: actor.id,
      reviewedAt: now,
      updatedAt: now,
    });
    await audit(tx, actor, 'reject', row, meta, { reason });
    return presentPublication(row);
  });
}

/** 下线 by hand (a published or a scheduled item). */
export async function unpublish(deps: PublicationsDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'publications.write');
  return deps.db.transaction(async (tx) => {
    const current = await lockIn(tx, actor, id, ['published', 'approved'], '只有已发布或待发布的内容可以下线');
    const row = await unpublishNow(tx, current, deps.now(), actor.id);
    await audit(tx, actor, 'unpublish', row, meta);
    return presentPublication(row);
  });
}

export async function logs(deps: PublicationsDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'dashboard.read');
  await visible(deps, actor, id);
  const rows = await repo.findLogs(deps.db, id);
  const names = await findStaffNames(
    deps.db,
    rows.flatMap((r) => (r.staffId ? [r.staffId] : [])),
  );
  return { items: rows.map((r) => presentLog(r, names)) };
}

/**
 * An export (poster PDF or WeChat HTML) of an approved or published item that has the channel;
 * logged per channel and audited. Returns the row for rendering.
 */
export async function recordExport(
  deps: PublicationsDeps,
  actor: StaffActor,
  id: string,
  channel: 'poster' | 'wechat',
  meta: Meta,
): Promise<Row> {
  requirePermission(actor, 'publications.write');
  const row = await visible(deps, actor, id);
  if (!row.channels.includes(channel))
    throw new AppError('INVALID_STATE', {
      message: channel === 'poster' ? '该内容未选择“海报”渠道' : '该内容未选择“公众号”渠道',
    });
  if (row.status !== 'published' && row.status !== 'approved')
    throw new AppError('INVALID_STATE', { message: '审核通过后才能导出' });
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.insertLogs(tx, [{ publicationId: row.id, channel, action: 'exported', staffId: actor.id, at: now }]);
    await audit(tx, actor, 'export', row, meta, { channel });
  });
  return row;
}

/** The open jobs of a job bulletin (closed ones drop out). */
export async function openJobsOf(db: DbOrTx, row: Row): Promise<{ id: string; title: string }[]> {
  if (row.jobIds.length === 0) return [];
  const jobs = await findJobsByIds(db, row.jobIds);
  const byId = new Map(jobs.filter((j) => j.status === 'published').map((j) => [j.id, j]));
  return row.jobIds.flatMap((id) => {
    const j = byId.get(id);
    return j ? [{ id: j.id, title: j.title }] : [];
  });
}

/** Scheduler: publish approved items whose time has come, unpublish expired ones. */
export async function runPublicationSchedule(db: Db, now: Date): Promise<{ published: number; unpublished: number }> {
  let published = 0;
  let unpublished = 0;
  for (const due of await repo.findDueToPublish(db, now)) {
    await db.transaction(async (tx) => {
      const row = await repo.lockPublication(tx, due.id);
      if (row?.status !== 'approved' || (row.publishAt && row.publishAt > now)) return;
      if (row.unpublishAt && row.unpublishAt <= now) {
        await unpublishNow(tx, row, now, null);
        return;
      }
      await publishNow(tx, row, now, null);
      published += 1;
    });
  }
  for (const due of await repo.findDueToUnpublish(db, now)) {
    await db.transaction(async (tx) => {
      const row = await repo.lockPublication(tx, due.id);
      if (row?.status !== 'published' || !row.unpublishAt || row.unpublishAt > now) return;
      await unpublishNow(tx, row, now, null);
      unpublished += 1;
    });
  }
  return { published, unpublished };
}

/** Public: published items of a channel, in a region (its own, its towns', and the levels above). */
export async function listPublic(deps: PublicationsDeps, q: PageQuery & { channel: PublicChannel; region?: string }) {
  if (q.region && levelOfCode(q.region) === null) throw AppError.field('region', '行政区划代码不正确');
  const region = q.region ? { pattern: `${regionPrefix(q.region)}%`, ancestors: ancestorsOf(q.region) } : null;
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findPublished(deps.db, q.channel, region, slice);
    const items = [];
    for (const r of rows) items.push(presentPublic(r, await openJobsOf(deps.db, r)));
    return { items, total };
  });
}

/** Public detail of a published item (anything else is NOT_FOUND). */
export async function getPublic(deps: PublicationsDeps, id: string) {
  const row = await repo.findPublication(deps.db, id);
  if (row?.status !== 'published') throw new AppError('NOT_FOUND', { message: '内容不存在或已下线' });
  return presentPublic(row, await openJobsOf(deps.db, row));
}
