import { AUDIT_EXPORT_LIMIT, type AuditExportQuery, type AuditQuery } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, scopeLikePattern, type StaffActor } from '../../platform/rbac/actor.js';
import {
  paged,
  sheetWorkbook,
  type ExportFile,
  type Fetched,
  type SheetSpec,
  type Slice,
} from '../../platform/reporting/index.js';
import { findRegionLabels, levelOfCode } from '../reference/index.js';
import { dayEnd, dayStart } from '../../platform/reporting/index.js';
import * as repo from './audit-viewer.repository.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTOR_KINDS = { staff: '工作人员', user: '用户', system: '系统', anonymous: '匿名' } as const;

/** A bound as an instant: a day means its start in Asia/Shanghai ('to' days are inclusive, so the next day's start). */
function instant(value: string, end: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  return end ? dayEnd(value) : dayStart(value);
}

/**
 * The filter for the actor's region subtree. Entries without a region (county-wide settings,
 * failed anonymous logins) are shown only to staff whose scope is a county or wider.
 */
function filterFor(actor: StaffActor, q: AuditExportQuery): repo.AuditFilter {
  requirePermission(actor, 'audit.read');
  const from = q.from ? instant(q.from, false) : undefined;
  const to = q.to ? instant(q.to, true) : undefined;
  if (from && to && from >= to) throw AppError.field('to', '结束时间应晚于开始时间');
  const level = levelOfCode(actor.regionCode);
  const includeUnscoped = level === 'county' || level === 'city' || level === 'province';
  return { ...q, from, to, regionPattern: scopeLikePattern(actor), includeUnscoped };
}

async function entries(db: Db, f: repo.AuditFilter, slice: Slice): Promise<Fetched<AuditItem>> {
  const { rows, total } = await repo.findAuditPage(db, f, slice);
  const labels = await findRegionLabels(
    db,
    rows.flatMap((r) => (r.entry.regionCode ? [r.entry.regionCode] : [])),
  );
  return { items: rows.map((row) => presentEntry(row, labels)), total };
}

/** One log entry as the list and the export show it (actor's name, region label). */
function presentEntry({ entry, actorName }: repo.AuditRow, labels: Map<string, string>) {
  return {
    id: entry.id,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    actorName: actorName ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    regionCode: entry.regionCode,
    regionName: entry.regionCode ? (labels.get(entry.regionCode) ?? null) : null,
    details: entry.details,
    ip: entry.ip,
    requestId: entry.requestId,
    createdAt: entry.createdAt.toISOString(),
  };
}
type AuditItem = ReturnType<typeof presentEntry>;

/** The audit log for the actor's region subtree, filtered by actor, action, entity and time. */
export async function listAudit(deps: { db: Db }, actor: StaffActor, q: AuditQuery) {
  const filter = filterFor(actor, q);
  return paged(q, (slice) => entries(deps.db, filter, slice));
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 审计日志: the export's one sheet, newest first. */
const AUDIT_SHEET: SheetSpec<AuditItem> = {
  name: '审计日志',
  columns: [
    { header: '时间', width: 20, value: (e) => shanghai.format(new Date(e.createdAt)) },
    { header: '操作人类型', width: 10, value: (e) => ACTOR_KINDS[e.actorKind] },
    { header: '操作人', width: 14, value: (e) => e.actorName ?? '' },
    { header: '操作人ID', width: 38, value: (e) => e.actorId ?? '' },
    { header: '操作', width: 18, value: (e) => e.action },
    { header: '对象类型', width: 14, value: (e) => e.entity },
    { header: '对象ID', width: 38, value: (e) => e.entityId ?? '' },
    { header: '区域', width: 16, value: (e) => e.regionName ?? '' },
    { header: '区域代码', width: 14, value: (e) => e.regionCode ?? '' },
    { header: 'IP', width: 16, value: (e) => e.ip ?? '' },
    { header: '详情', width: 60, value: (e) => (e.details ? JSON.stringify(e.details) : '') },
  ],
};

/**
 * The same filtered, region-scoped log as an Excel workbook (Chinese headers, newest first, at
 * most AUDIT_EXPORT_LIMIT rows). The export itself is audited.
 */
export async function exportAudit(
  deps: { db: Db; now: () => Date },
  actor: StaffActor,
  q: AuditExportQuery,
  meta: { ip?: string; requestId?: string },
): Promise<ExportFile> {
  const filter = filterFor(actor, q);
  const { items, total } = await entries(deps.db, filter, { limit: AUDIT_EXPORT_LIMIT, offset: 0 });
  const buffer = await sheetWorkbook(AUDIT_SHEET, items, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'audit_log',
    regionCode: actor.regionCode,
    details: { filter: q, rows: items.length, total },
    ...meta,
  });
  return { name: '审计日志', buffer };
}
