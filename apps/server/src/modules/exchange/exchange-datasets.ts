/**
 * The data sets sent to the provincial system (数智人社) and the field mapping of each to the
 * codes of the national HR & social security data indicator system (人社信息系统数据指标体系).
 * No public interface specification of 数智人社 exists, so every code here is either
 * `common` (the code as used across 金保工程 / provincial HR systems for that meaning) or
 * `unknown` (a placeholder `lg_*` code of ours). Both are configurable per installation
 * (EXCHANGE_FIELD_MAP), so the real template is configuration, not code. docs/exchange.md
 * lists the same table for the operator.
 */

import { EXCHANGE_DATASETS, type ExchangeDataset } from '@lingong/contracts';

export const DATASETS = EXCHANGE_DATASETS;
export type Dataset = ExchangeDataset;

export const DATASET_LABELS: Record<Dataset, string> = {
  job_postings: '岗位信息',
  employer_registrations: '用工主体登记',
  worker_registrations: '求职登记',
  matchmakings: '招聘求职对接',
};

export type FieldDef = {
  /** Our name for the value (stable; the key of EXCHANGE_FIELD_MAP overrides). */
  name: string;
  /** The indicator code sent to the province. */
  code: string;
  label: string;
  confidence: 'common' | 'unknown';
  required: boolean;
};

const f = (name: string, code: string, label: string, confidence: FieldDef['confidence'], required = false) => ({
  name,
  code,
  label,
  confidence,
  required,
});

export const FIELD_DEFS: Record<Dataset, FieldDef[]> = {
  job_postings: [
    f('jobId', 'lg_job_id', '岗位编号（本系统）', 'unknown', true),
    f('employerId', 'aab001', '单位编号', 'common', true),
    f('employerName', 'aab004', '单位名称', 'common', true),
    f('uscc', 'aab998', '统一社会信用代码', 'common'),
    f('occupationCode', 'aca111', '职业（工种）代码', 'common'),
    f('occupationName', 'aca112', '职业（工种）名称', 'common', true),
    f('title', 'lg_job_title', '岗位名称', 'unknown', true),
    f('kind', 'lg_job_kind', '用工形式（1合同用工 2灵活用工）', 'unknown', true),
    f('headcount', 'lg_headcount', '招聘人数', 'unknown', true),
    f('wageMin', 'lg_wage_min', '薪酬下限（元）', 'unknown', true),
    f('wageMax', 'lg_wage_max', '薪酬上限（元）', 'unknown', true),
    f('wageUnit', 'lg_wage_unit', '计薪单位（时/日/件/月）', 'unknown', true),
    f('regionCode', 'aab301', '工作地行政区划代码', 'common', true),
    f('address', 'aae006', '工作地址', 'common'),
    f('contactName', 'aae004', '联系人', 'common'),
    f('contactPhone', 'aae005', '联系电话', 'common'),
    f('startDate', 'lg_start_date', '用工开始日期', 'unknown', true),
    f('endDate', 'lg_end_date', '用工结束日期', 'unknown'),
    f('publishedAt', 'aae036', '经办（发布）时间', 'common', true),
  ],
  employer_registrations: [
    f('employerId', 'aab001', '单位编号', 'common', true),
    f('name', 'aab004', '单位名称', 'common', true),
    f('uscc', 'aab998', '统一社会信用代码', 'common'),
    f('kind', 'aab019', '单位类型', 'common', true),
    f('industry', 'aab022', '行业', 'common'),
    f('regionCode', 'aab301', '所在地行政区划代码', 'common', true),
    f('address', 'aae006', '地址', 'common'),
    f('contactName', 'aae004', '联系人', 'common'),
    f('contactPhone', 'aae005', '联系电话', 'common'),
    f('registeredAt', 'aae036', '经办（登记）时间', 'common', true),
  ],
  worker_registrations: [
    f('workerId', 'aac001', '个人编号（本系统）', 'common', true),
    f('idNumber', 'aac002', '公民身份号码', 'common', true),
    f('name', 'aac003', '姓名', 'common', true),
    f('gender', 'aac004', '性别（GB/T 2261.1：1男 2女）', 'common'),
    f('ethnicity', 'aac005', '民族', 'common'),
    f('birthDate', 'aac006', '出生日期', 'common'),
    f('education', 'aac011', '文化程度', 'common'),
    f('phone', 'aae005', '联系电话', 'common'),
    f('regionCode', 'aab301', '现居住地行政区划代码', 'common', true),
    f('priorityGroups', 'lg_priority_groups', '重点群体类别', 'unknown'),
    f('channel', 'lg_channel', '登记渠道', 'unknown'),
    f('registeredAt', 'aae036', '经办（登记）时间', 'common', true),
  ],
  matchmakings: [
    f('matchmakingId', 'lg_matchmaking_id', '对接记录编号（本系统）', 'unknown', true),
    f('idNumber', 'aac002', '公民身份号码', 'common', true),
    f('name', 'aac003', '姓名', 'common', true),
    f('employerId', 'aab001', '单位编号', 'common'),
    f('employerName', 'aab004', '单位名称', 'common'),
    f('jobId', 'lg_job_id', '岗位编号（本系统）', 'unknown'),
    f('kind', 'lg_match_kind', '对接方式', 'unknown', true),
    f('channel', 'lg_channel', '对接渠道（线上/线下）', 'unknown', true),
    f('regionCode', 'aab301', '服务地行政区划代码', 'common', true),
    f('occurredAt', 'aae036', '经办（对接）时间', 'common', true),
  ],
};

export type FieldMapOverrides = Partial<Record<Dataset, Record<string, string>>>;

/** Parse EXCHANGE_FIELD_MAP: JSON `{ "job_postings": { "title": "acb217" } }`; unknown names are errors. */
export function parseFieldMap(json: string | undefined): FieldMapOverrides {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('EXCHANGE_FIELD_MAP must be a JSON object');
  const out: FieldMapOverrides = {};
  for (const [dataset, map] of Object.entries(parsed)) {
    const ds = DATASETS.find((d) => d === dataset);
    if (!ds) throw new Error(`EXCHANGE_FIELD_MAP: unknown data set ${dataset}`);
    if (typeof map !== 'object' || map === null) throw new Error(`EXCHANGE_FIELD_MAP.${dataset} must be an object`);
    const names = new Set(FIELD_DEFS[ds].map((d) => d.name));
    const entries = Object.entries(map).map(([name, code]) => {
      if (!names.has(name) || typeof code !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{1,31}$/.test(code))
        throw new Error(`EXCHANGE_FIELD_MAP.${dataset}.${name}: unknown field or bad code`);
      return [name, code] as const;
    });
    out[ds] = Object.fromEntries(entries);
  }
  return out;
}

/** The field definitions of a data set with the installation's code overrides applied. */
export function fieldsOf(dataset: Dataset, overrides: FieldMapOverrides = {}): FieldDef[] {
  const own = overrides[dataset] ?? {};
  return FIELD_DEFS[dataset].map((d) => ({ ...d, code: own[d.name] ?? d.code }));
}

export type SourceValues = Record<string, string | number | null>;

/** Our named values → `{ code: value }` as sent; names without a definition are dropped. */
export function toIndicatorFields(
  dataset: Dataset,
  values: SourceValues,
  overrides: FieldMapOverrides = {},
): Record<string, string | number | null> {
  return Object.fromEntries(fieldsOf(dataset, overrides).map((d) => [d.code, values[d.name] ?? null]));
}
