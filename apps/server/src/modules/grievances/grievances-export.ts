import type { AdminGrievance, AdminGrievanceExportQuery } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import {
  collectPages,
  listWorkbook,
  shanghaiMinute,
  type ExportColumn,
  type ExportFile,
} from '../../platform/reporting/list-export.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { listGrievances } from './grievances-admin.service.js';
import type { GrievancesDeps, Meta } from './grievances.service.js';

const COLUMNS: ExportColumn<AdminGrievance>[] = [
  { header: '提交时间', width: 18, value: (r) => shanghaiMinute(r.createdAt) },
  { header: '投诉方', width: 10, value: (r) => r.filerSideLabel },
  { header: '类型', width: 14, value: (r) => r.kindLabel },
  { header: '岗位', width: 24, value: (r) => r.jobTitle },
  { header: '用工主体', width: 26, value: (r) => r.employerName },
  { header: '零工', width: 10, value: (r) => r.workerName },
  { header: '投诉内容', width: 40, value: (r) => r.content },
  { header: '状态', width: 16, value: (r) => r.statusLabel },
  { header: '经办人', width: 10, value: (r) => r.handlerName ?? '' },
  {
    header: '当前时限',
    width: 18,
    value: (r) => (r.sla.dueAt ? `${r.sla.stageLabel ?? ''} ${shanghaiMinute(r.sla.dueAt)}` : ''),
  },
  { header: '是否超时', width: 10, value: (r) => (r.sla.overdue ? '超时' : '') },
  { header: '欠薪结案结果', width: 16, value: (r) => r.wageOutcomeLabel ?? '' },
  { header: '处理结果/移交原因', width: 40, value: (r) => r.resolution ?? r.escalationReason ?? '' },
  { header: '区域代码', width: 14, value: (r) => r.regionCode },
];

/** 投诉处理 export: the list with the same filters and region scope (names masked), audited. */
export async function exportGrievances(
  deps: GrievancesDeps,
  actor: StaffActor,
  q: AdminGrievanceExportQuery,
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'grievances.read');
  const rows = await collectPages((page, pageSize) => listGrievances(deps, actor, { ...q, page, pageSize }));
  const buffer = await listWorkbook('投诉处理台账', COLUMNS, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'grievance_list',
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: '投诉处理台账', buffer };
}
