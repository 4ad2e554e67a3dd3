import type { SettingKey } from '@lingong/contracts';

/** How a parameter is edited in the console. */
export type EditorKind = 'switch' | 'number' | 'hours' | 'rows';
/** A column of a rows editor; `type` picks the cell widget. */
export type RowColumn = { key: string; label: string; type: 'text' | 'number' | 'bool'; width?: number };
type Row = Record<string, string | number | boolean>;

export type SettingDef = {
  key: SettingKey;
  label: string;
  help: string;
  group: '参数' | '字典';
  kind: EditorKind;
  unit?: string;
  min?: number;
  max?: number;
  columns?: RowColumn[];
  toRows?: (value: unknown) => Row[];
  fromRows?: (rows: Row[]) => unknown;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : String(v ?? ''));

const mapRows =
  (valueKey: string) =>
  (value: unknown): Row[] =>
    isRecord(value)
      ? Object.entries(value).map(([k, v]) => ({
          key: k,
          [valueKey]: typeof v === 'boolean' || typeof v === 'number' ? v : str(v),
        }))
      : [];
const rowsMap = (valueKey: string) => (rows: Row[]) =>
  Object.fromEntries(rows.map((r) => [str(r.key).trim(), r[valueKey]]));

const dict: Pick<SettingDef, 'kind' | 'columns' | 'toRows' | 'fromRows'> = {
  kind: 'rows',
  columns: [
    { key: 'code', label: '代码', type: 'text', width: 180 },
    { key: 'label', label: '名称', type: 'text' },
    { key: 'disabled', label: '停用', type: 'bool', width: 80 },
  ],
  toRows: (v) =>
    Array.isArray(v)
      ? v.filter(isRecord).map((e) => ({ code: str(e.code), label: str(e.label), disabled: e.disabled === true }))
      : [],
  fromRows: (rows) =>
    rows.map((r) => ({ code: str(r.code).trim(), label: str(r.label).trim(), disabled: r.disabled === true })),
};

export const SETTING_DEFS: SettingDef[] = [
  {
    key: 'autoPublishVerifiedEmployers',
    label: '已核验雇主岗位自动发布',
    help: '开启后，已核验用工主体发布且通过自动检查的岗位直接上线，否则进入审核队列。',
    group: '参数',
    kind: 'switch',
  },
  {
    key: 'checkInRadiusMetres',
    label: '签到半径',
    help: '零工到岗签到时与岗位地点的最大距离。',
    group: '参数',
    kind: 'number',
    unit: '米',
    min: 50,
    max: 5000,
  },
  {
    key: 'noShowGraceMinutes',
    label: '未到岗宽限',
    help: '开工时间过后多少分钟，雇主才能把未签到的零工标记为未到岗。',
    group: '参数',
    kind: 'number',
    unit: '分钟',
    min: 0,
    max: 720,
  },
  {
    key: 'ratingWindowDays',
    label: '评价期限',
    help: '完工后双方可互评的天数；双方都评价或期满后公开。',
    group: '参数',
    kind: 'number',
    unit: '天',
    min: 1,
    max: 60,
  },
  {
    key: 'lateCancelHours',
    label: '临时取消时限',
    help: '录用后在开工前多少小时内取消，记为临时取消并扣信用分（双方均适用）。',
    group: '参数',
    kind: 'number',
    unit: '小时',
    min: 1,
    max: 168,
  },
  {
    key: 'grievanceSlaHours',
    label: '投诉处理时限',
    help: '投诉提交后多少小时内应受理、受理后多少小时内应办结或移交；超时的投诉在投诉处理页标红。',
    group: '参数',
    kind: 'rows',
    columns: [
      { key: 'stage', label: '环节', type: 'text', width: 200 },
      { key: 'hours', label: '时限（小时）', type: 'number', width: 160 },
    ],
    toRows: (v) =>
      isRecord(v)
        ? [
            { stage: '受理（自提交起）', hours: Number(v.accept) },
            { stage: '办结（自受理起）', hours: Number(v.resolve) },
          ]
        : [],
    fromRows: (rows) => ({ accept: Number(rows[0]?.hours ?? 0), resolve: Number(rows[1]?.hours ?? 0) }),
  },
  {
    key: 'supplyAlertThreshold',
    label: '供需缺口预警阈值',
    help: '某工种在某乡镇本周缺口（空缺岗位数减可用求职人数）达到此人数时，向该乡镇驿站发出预警。',
    group: '参数',
    kind: 'number',
    unit: '人',
    min: 1,
    max: 100000,
  },
  { key: 'serviceHours', label: '服务大厅开放时间', help: '窗口服务时间（北京时间）。', group: '参数', kind: 'hours' },
  {
    key: 'smsTemplates',
    label: '短信模板',
    help: '模板代码 → 短信内容，${code} 等占位符发送时替换。',
    group: '参数',
    kind: 'rows',
    columns: [
      { key: 'key', label: '模板代码', type: 'text', width: 160 },
      { key: 'text', label: '短信内容', type: 'text' },
    ],
    toRows: mapRows('text'),
    fromRows: rowsMap('text'),
  },
  {
    key: 'kpiTargets',
    label: '考核指标目标',
    help: '每项指标按考核期（2025、2025-H2、2025-Q3、2025-11）设定目标值。',
    group: '参数',
    kind: 'rows',
    columns: [
      { key: 'indicator', label: '指标代码', type: 'text', width: 220 },
      { key: 'period', label: '考核期', type: 'text', width: 120 },
      { key: 'target', label: '目标值', type: 'number', width: 140 },
    ],
    toRows: (v) =>
      isRecord(v)
        ? Object.entries(v).flatMap(([indicator, periods]) =>
            isRecord(periods)
              ? Object.entries(periods).map(([period, target]) => ({ indicator, period, target: Number(target) }))
              : [],
          )
        : [],
    fromRows: (rows) => {
      const out: Record<string, Record<string, unknown>> = {};
      for (const r of rows) (out[str(r.indicator).trim()] ??= {})[str(r.period).trim()] = r.target;
      return out;
    },
  },
  {
    key: 'featureSwitches',
    label: '功能开关',
    help: '按功能名称开启或关闭（如 provincialSync 省级对接、elderMode 长辈模式）。',
    group: '参数',
    kind: 'rows',
    columns: [
      { key: 'key', label: '功能名称', type: 'text' },
      { key: 'on', label: '开启', type: 'bool', width: 100 },
    ],
    toRows: mapRows('on'),
    fromRows: rowsMap('on'),
  },
  {
    key: 'priorityGroups',
    label: '重点群体',
    help: '求职登记中的重点群体类别。停用的条目不再供选择，历史登记保留。',
    group: '字典',
    ...dict,
  },
  { key: 'educationLevels', label: '文化程度', help: '求职登记中的文化程度选项。', group: '字典', ...dict },
];

export const SETTING_LABELS = new Map(SETTING_DEFS.map((d) => [d.key as string, d.label]));

/** One line summarising a value for the list and the history. */
export function summarise(key: string, value: unknown): string {
  const def = SETTING_DEFS.find((d) => d.key === key);
  if (value === null || value === undefined) return '（默认值）';
  if (typeof value === 'boolean') return value ? '开启' : '关闭';
  if (typeof value === 'number') return `${value}${def?.unit ?? ''}`;
  if (key === 'serviceHours' && isRecord(value)) return `${str(value.open)} - ${str(value.close)}`;
  if (def?.toRows) {
    const rows = def.toRows(value);
    if (def.group === '字典') return rows.map((r) => `${str(r.label)}${r.disabled ? '(停用)' : ''}`).join('、');
    if (key === 'grievanceSlaHours') return rows.map((r) => `${str(r.stage)} ${str(r.hours)}小时`).join('；');
    if (key === 'kpiTargets')
      return rows.map((r) => `${str(r.indicator)}@${str(r.period)}=${str(r.target)}`).join('；');
    if (key === 'featureSwitches') return rows.map((r) => `${str(r.key)}:${r.on ? '开' : '关'}`).join('，');
    return `${rows.length} 项`;
  }
  return JSON.stringify(value);
}
