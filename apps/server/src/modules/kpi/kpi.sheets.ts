import {
  EMPLOYER_KIND_LABELS,
  JOB_KIND_LABELS,
  JOB_STATUS_LABELS,
  VERIFICATION_STATUS_LABELS,
} from '@lingong/contracts/labels';
import type { PublishedJobRow, RegisteredEmployerRow } from './kpi.repository.js';
import { maskEmployerName, shanghaiTime, type SheetSpec } from '../../platform/reporting/index.js';

// Sheets of the rows behind the job and employer figures (岗位信息发布台账, 用工主体登记台账).

export type Named<R> = R & { townName: string };

const SOURCE_LABELS: Record<string, string> = {
  online: '线上发布',
  counter: '窗口代发布',
  station: '驿站代发布',
  event: '活动现场',
  import: '批量导入',
};
export const JOB_POSTS_SHEET: SheetSpec<Named<PublishedJobRow>> = {
  name: '岗位信息发布台账',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '岗位名称', width: 26, value: (r) => r.title },
    {
      header: '用工主体',
      width: 26,
      value: (r) => (r.employerName ? maskEmployerName(r.employerName, r.employerKind) : ''),
    },
    { header: '用工形式', width: 10, value: (r) => JOB_KIND_LABELS[r.kind] },
    { header: '招聘人数', width: 10, value: (r) => r.headcount },
    { header: '工作地点', width: 14, value: (r) => r.townName },
    { header: '发布渠道', width: 12, value: (r) => SOURCE_LABELS[r.sourceChannel] ?? r.sourceChannel },
    { header: '当前状态', width: 10, value: (r) => JOB_STATUS_LABELS[r.status] },
    { header: '发布时间', width: 18, value: (r) => (r.publishedAt ? shanghaiTime(r.publishedAt.toISOString()) : '') },
  ],
};

export const EMPLOYERS_SHEET: SheetSpec<Named<RegisteredEmployerRow>> = {
  name: '用工主体登记台账',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '单位名称', width: 30, value: (r) => maskEmployerName(r.name, r.kind) },
    { header: '单位类型', width: 12, value: (r) => EMPLOYER_KIND_LABELS[r.kind] },
    { header: '统一社会信用代码', width: 22, value: (r) => r.uscc ?? '' },
    { header: '所在乡镇', width: 14, value: (r) => r.townName },
    { header: '认证状态', width: 10, value: (r) => VERIFICATION_STATUS_LABELS[r.verificationStatus] },
    { header: '登记时间', width: 18, value: (r) => shanghaiTime(r.createdAt.toISOString()) },
  ],
};
