import { z } from 'zod';
import { Page, PageSize, RegionCode } from './common.js';
import { LedgerDate } from './services.js';

// The KPI dashboard (合同考核指标): target, actual, percentage and monthly trend per indicator,
// for a period and a region; every figure drills down to the rows behind it.

/** Contract indicators; codes match the settings parameter `kpiTargets`. */
export const KPI_INDICATORS = [
  'worker_registrations',
  'matchmakings',
  'guidance_sessions',
  'contract_job_posts',
  'contract_job_openings',
  'flexible_job_posts',
  'flexible_job_openings',
  'employer_registrations',
  'provincial_job_records',
  'training_sessions',
  'training_coverage',
  'recruitment_events',
  'station_events',
  'publicity_articles',
  'publicity_campaigns',
  'publicity_posts',
  'publicity_slogans',
  'info_collection_villages',
] as const;
export const KpiIndicatorKey = z.enum(KPI_INDICATORS, { error: '指标代码不正确' });
export type KpiIndicatorKey = z.infer<typeof KpiIndicatorKey>;

const Year = z.coerce
  .number({ error: '年份应为数字' })
  .int({ error: '年份应为整数' })
  .min(2020, { error: '年份不早于2020' })
  .max(2100, { error: '年份不晚于2100' });

const KpiPeriodFields = z.object({
  year: Year.optional(),
  half: z.coerce
    .number({ error: '半年应为1或2' })
    .int({ error: '半年应为1或2' })
    .min(1, { error: '半年应为1或2' })
    .max(2, { error: '半年应为1或2' })
    .optional(),
  month: z.coerce
    .number({ error: '月份应为数字' })
    .int({ error: '月份应为整数' })
    .min(1, { error: '月份应为1-12' })
    .max(12, { error: '月份应为1-12' })
    .optional(),
  from: LedgerDate.optional(),
  to: LedgerDate.optional(),
  town: RegionCode.optional(),
});
type PeriodInput = z.infer<typeof KpiPeriodFields>;

function checkPeriod(q: PeriodInput, ctx: z.core.$RefinementCtx<PeriodInput>): void {
  if (q.half !== undefined && q.month !== undefined)
    ctx.addIssue({ code: 'custom', message: '半年与月份只能选一个', path: ['month'] });
  if ((q.from === undefined) !== (q.to === undefined))
    ctx.addIssue({
      code: 'custom',
      message: '自定义期间须同时填写开始和结束日期',
      path: [q.from === undefined ? 'from' : 'to'],
    });
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', message: '结束日期不能早于开始日期', path: ['to'] });
  if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > 731 * 86_400_000)
    ctx.addIssue({ code: 'custom', message: '自定义期间最长两年', path: ['to'] });
}

/** A period: a year, a half (year + half), a month (year + month) or a custom range (from + to). */
export const KpiQuery = KpiPeriodFields.superRefine(checkPeriod);
export type KpiQuery = z.infer<typeof KpiQuery>;
export const KpiRowsQuery = KpiPeriodFields.extend({ page: Page, pageSize: PageSize }).superRefine(checkPeriod);
export type KpiRowsQuery = z.infer<typeof KpiRowsQuery>;
export const KpiIndicatorParam = z.object({ indicator: KpiIndicatorKey });

export const KpiPeriod = z.object({
  kind: z.enum(['year', 'half', 'month', 'range']),
  /** '2025', '2025-H2', '2025-11', or '2025-03-01~2025-05-31'. */
  key: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
});
export type KpiPeriod = z.infer<typeof KpiPeriod>;

export const KpiIndicator = z.object({
  key: KpiIndicatorKey,
  label: z.string(),
  unit: z.string(),
  /** Null when the contract sets no figure for this indicator. */
  target: z.number().int().nullable(),
  actual: z.number(),
  /** actual / target x 100, one decimal; null without a target. */
  percentage: z.number().nullable(),
  /** False while the records behind the indicator are not kept yet (actual shows 0). */
  available: z.boolean(),
  note: z.string(),
  trend: z.array(z.object({ month: z.string(), value: z.number() })),
});
export type KpiIndicator = z.infer<typeof KpiIndicator>;

export const KpiDashboard = z.object({
  period: KpiPeriod,
  regionCode: z.string(),
  regionName: z.string(),
  indicators: z.array(KpiIndicator),
});
export type KpiDashboard = z.infer<typeof KpiDashboard>;

export const KpiColumn = z.object({ key: z.string(), label: z.string() });
export type KpiColumn = z.infer<typeof KpiColumn>;
export const KpiRow = z.object({
  id: z.string(),
  value: z.number(),
  cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type KpiRow = z.infer<typeof KpiRow>;

/** The rows behind one figure: the sum of `value` over every row equals the indicator's actual. */
export const KpiRowsPage = z.object({
  indicator: KpiIndicatorKey,
  label: z.string(),
  actual: z.number(),
  columns: z.array(KpiColumn),
  items: z.array(KpiRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KpiRowsPage = z.infer<typeof KpiRowsPage>;

/** The acceptance pack (验收材料包): every ledger plus a KPI summary, for one period. */
export const AcceptancePackQuery = KpiPeriodFields.extend({
  pii: z.enum(['masked', 'full'], { error: '导出方式应为 masked 或 full' }).default('masked'),
}).superRefine(checkPeriod);
export type AcceptancePackQuery = z.infer<typeof AcceptancePackQuery>;
