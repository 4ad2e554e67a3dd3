import { EMPLOYER_KIND_LABELS, VERIFICATION_STATUS_LABELS, type EmployerExportQuery } from '@lingong/contracts';
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
import { searchEmployersForStaff } from './employer-admin.service.js';
import type { EmployersDeps } from './employer-registration.service.js';

type Meta = { ip?: string; requestId?: string };
type Row = Awaited<ReturnType<typeof searchEmployersForStaff>>['items'][number];
const creditLabel = (level: string | null | undefined) =>
  level && level in CREDIT_LEVEL_LABELS ? CREDIT_LEVEL_LABELS[level as keyof typeof CREDIT_LEVEL_LABELS] : '';

const COLUMNS: ExportColumn<Row>[] = [
  { header: '单位名称', width: 30, value: (r) => r.name },
  { header: '单位类型', width: 12, value: (r) => EMPLOYER_KIND_LABELS[r.kind] },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc ?? '' },
  { header: '身份证号（个人雇主）', width: 22, value: (r) => r.idNumberMasked ?? '' },
  { header: '所属乡镇', width: 12, value: (r) => r.townName },
  { header: '地址', width: 28, value: (r) => r.address },
  { header: '所属行业', width: 14, value: (r) => r.industry },
  { header: '规模', width: 10, value: (r) => r.size ?? '' },
  { header: '联系人', width: 10, value: (r) => r.contactName },
  { header: '联系电话', width: 15, value: (r) => r.contactPhone ?? '' },
  { header: '认证状态', width: 10, value: (r) => VERIFICATION_STATUS_LABELS[r.verificationStatus] },
  { header: '信用等级', width: 10, value: (r) => creditLabel(r.creditLevel) },
  { header: '登记时间', width: 18, value: (r) => shanghaiMinute(r.createdAt) },
];

/** 雇主管理 export: the list with the same filters and region scope, phones masked, audited. */
export async function exportEmployers(
  deps: EmployersDeps,
  actor: StaffActor,
  q: z.output<typeof EmployerExportQuery>,
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'employers.read');
  const rows = await collectPages((page, pageSize) => searchEmployersForStaff(deps, actor, { ...q, page, pageSize }));
  const buffer = await listWorkbook('用工主体名单', COLUMNS, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'employer_list',
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: '用工主体名单', buffer };
}
