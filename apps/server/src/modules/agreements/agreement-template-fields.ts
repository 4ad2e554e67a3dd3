import type { AgreementTemplateField } from '@lingong/contracts';

/** Every slot generateAgreement fills; `required` slots must appear in each new version. */
export const TEMPLATE_FIELDS: readonly AgreementTemplateField[] = [
  { key: 'number', label: '协议编号', required: true, sample: 'LZXY-2026-000123' },
  { key: 'employerName', label: '甲方（用工方）名称', required: true, sample: '鹿寨县中渡建材有限公司' },
  { key: 'workerName', label: '乙方（劳动者）姓名', required: true, sample: '覃秀英' },
  { key: 'workerIdNote', label: '乙方身份证号后四位说明', required: false, sample: '（身份证号后四位：1234）' },
  { key: 'jobTitle', label: '岗位名称', required: true, sample: '建材搬运工' },
  { key: 'occupation', label: '工种及用工类型', required: false, sample: '装卸搬运工，灵活用工' },
  { key: 'description', label: '工作内容', required: false, sample: '搬运水泥、砖块等建材' },
  { key: 'requirements', label: '岗位要求', required: false, sample: '身体健康，能吃苦耐劳' },
  { key: 'startDate', label: '开始日期', required: true, sample: '2026-12-01' },
  { key: 'endDate', label: '结束日期', required: false, sample: '2026-12-05' },
  { key: 'workHours', label: '每日工作时间', required: false, sample: '08:00-17:00' },
  { key: 'town', label: '工作地点所在乡镇', required: false, sample: '中渡镇' },
  { key: 'address', label: '工作地址', required: false, sample: '新街18号' },
  { key: 'wage', label: '报酬标准', required: true, sample: '150-200元/天' },
  { key: 'settlement', label: '结算方式', required: true, sample: '日结' },
  { key: 'generatedDate', label: '生成日期', required: false, sample: '2026-11-27' },
];

export const SAMPLE_VALUES: Record<string, string> = Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f.key, f.sample]));

/**
 * Problems of a template body, in Chinese, empty when it is usable: unknown or malformed slots,
 * `${x}` written instead of `{{x}}`, and required slots that are missing.
 */
export function templateBodyProblems(body: string): string[] {
  const known = new Map(TEMPLATE_FIELDS.map((f) => [f.key, f]));
  const problems: string[] = [];
  const dollar = [...body.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[0]);
  if (dollar.length > 0) problems.push(`占位符应写成 {{字段}} 的形式，不能用 ${[...new Set(dollar)].join('、')}`);
  const unknown = new Set<string>();
  const used = new Set<string>();
  for (const m of body.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const key = (m[1] ?? '').trim();
    if (known.has(key) && m[1] === key) used.add(key);
    else unknown.add(m[0]);
  }
  if (unknown.size > 0) problems.push(`未知的占位符：${[...unknown].join('、')}（可用字段见右侧列表）`);
  const stray = body.replace(/\{\{[^{}]*\}\}/g, '');
  if (stray.includes('{{') || stray.includes('}}')) problems.push('有未闭合的占位符，请检查 {{ 和 }} 是否成对');
  const missing = TEMPLATE_FIELDS.filter((f) => f.required && !used.has(f.key));
  if (missing.length > 0)
    problems.push(`缺少必填占位符：${missing.map((f) => `{{${f.key}}}（${f.label}）`).join('、')}`);
  return problems;
}
