import { REGISTRATION_CHANNEL_LABELS, type WorkerExportQuery } from '@lingong/contracts';
import { GENDER_LABELS } from '@lingong/contracts/labels';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import {
  collectPages,
  listWorkbook,
  shanghaiMinute,
  type ExportColumn,
  type ExportFile,
} from '../../platform/reporting/list-export.js';
import { requirePermission, type StaffActor } from '../../platform/rbac/actor.js';
import { CREDIT_LEVEL_LABELS } from '../credit/index.js';
import { searchWorkersForStaff } from './workers-admin.service.js';
import type { WorkersDeps } from './workers.service.js';

type Meta = { ip?: string; requestId?: string };
type Row = Awaited<ReturnType<typeof searchWorkersForStaff>>['items'][number];
const creditLabel = (level: string | null | undefined) =>
  level && level in CREDIT_LEVEL_LABELS ? CREDIT_LEVEL_LABELS[level as keyof typeof CREDIT_LEVEL_LABELS] : '';

const COLUMNS: ExportColumn<Row>[] = [
  { header: '姓名', width: 12, value: (r) => r.nameMasked },
  { header: '性别', width: 6, value: (r) => (r.gender ? GENDER_LABELS[r.gender] : '') },
  { header: '年龄', width: 6, value: (r) => r.age },
  { header: '公民身份号码', width: 22, value: (r) => r.idNumberMasked ?? '' },
  { header: '联系电话', width: 15, value: (r) => r.phoneMasked ?? '' },
  { header: '现居住地', width: 24, value: (r) => r.homeRegionName },
  { header: '求职意向工种', width: 24, value: (r) => r.occupationNames.join('、') },
  { header: '重点群体类别', width: 24, value: (r) => r.priorityGroups.join('、') },
  { header: '信用等级', width: 10, value: (r) => creditLabel(r.creditLevel) },
  { header: '登记渠道', width: 12, value: (r) => REGISTRATION_CHANNEL_LABELS[r.channel] },
  { header: '登记时间', width: 18, value: (r) => shanghaiMinute(r.createdAt) },
];

/** 雇员管理 export: the list with the same filters and region scope, masked, audited. */
export async function exportWorkers(
  deps: WorkersDeps,
  actor: StaffActor,
  q: z.output<typeof WorkerExportQuery>,
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'workers.read');
  const rows = await collectPages((page, pageSize) => searchWorkersForStaff(deps, actor, { ...q, page, pageSize }));
  const buffer = await listWorkbook('求职者名单', COLUMNS, rows, deps.now());
  const { phone: _phone, ...query } = q;
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'worker_list',
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: { ...query, phone: q.phone ? '(已填写)' : undefined } },
    ...meta,
  });
  return { name: '求职者名单', buffer };
}
