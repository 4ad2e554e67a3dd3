import ExcelJS from 'exceljs';
import { AUDIT_EXPORT_LIMIT, type AuditExportQuery, type AuditQuery } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, scopeLikePattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionLabels, levelOfCode } from '../reference/index.js';
import * as repo from './audit-viewer.repository.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTOR_KINDS = { staff: '工作人员', user: '用户', system: '系统', anonymous: '匿名' } as const;

/** A bound as an instant: a day means its start in Asia/Shanghai ('to' days are inclusive, so the next day's start). */
function instant(value: string, end: boolean): Date {
  if (!DAY.test(value)) return new Date(value);
  const start = new Date(`${value}T00:00:00+08:00`);
  return end ? new Date(start.getTime() + 86_400_000) : start;
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

async function entries(db: Db, f: repo.AuditFilter & { page: number; pageSize: number }) {
  const { rows, total } = await repo.findAuditPage(db, f);
  const labels = await findRegionLabels(
    db,
    rows.flatMap((r) => (r.entry.regionCode ? [r.entry.regionCode] : [])),
  );
  const items = rows.map(({ entry, actorName }) => ({
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
  }));
  return { items, total };
}

/** The audit log for the actor's region subtree, filtered by actor, action, entity and time. */
export async function listAudit(deps: { db: Db }, actor: StaffActor, q: AuditQuery) {
  const { items, total } = await entries(deps.db, { ...filterFor(actor, q), page: q.page, pageSize: q.pageSize });
  return { items, total, page: q.page, pageSize: q.pageSize };
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

/**
 * The same filtered, region-scoped log as an Excel workbook (Chinese headers, newest first, at
 * most AUDIT_EXPORT_LIMIT rows). The export itself is audited.
 */
export async function exportAudit(
  deps: { db: Db },
  actor: StaffActor,
  q: AuditExportQuery,
  meta: { ip?: string; requestId?: string },
): Promise<Buffer> {
  const filter = filterFor(actor, q);
  const { items, total } = await entries(deps.db, { ...filter, page: 1, pageSize: AUDIT_EXPORT_LIMIT });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '时间', key: 'time', width: 20 },
    { header: '操作人类型', key: 'kind', width: 10 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '操作人ID', key: 'actorId', width: 38 },
    { header: '操作', key: 'action', width: 18 },
    { header: '对象类型', key: 'entity', width: 14 },
    { header: '对象ID', key: 'entityId', width: 38 },
    { header: '区域', key: 'region', width: 16 },
    { header: '区域代码', key: 'regionCode', width: 14 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '详情', key: 'details', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of items) {
    ws.addRow({
      time: shanghai.format(new Date(e.createdAt)),
      kind: ACTOR_KINDS[e.actorKind],
      actor: e.actorName ?? '',
      actorId: e.actorId ?? '',
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? '',
      region: e.regionName ?? '',
      regionCode: e.regionCode ?? '',
      ip: e.ip ?? '',
      details: e.details ? JSON.stringify(e.details) : '',
    });
  }
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'audit_log',
    regionCode: actor.regionCode,
    details: { filter: q, rows: items.length, total },
    ...meta,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
