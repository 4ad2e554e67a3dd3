import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';

export const JOB_KINDS = ['contract', 'flexible'] as const;
export const WAGE_UNITS = ['hour', 'day', 'piece', 'month'] as const;
export const SETTLEMENT_CYCLES = ['daily', 'weekly', 'monthly', 'on_completion'] as const;
/** Where a posting was entered (stored on the posting; not a request field). */
export const JOB_SOURCES = ['online', 'counter', 'station', 'event', 'import'] as const;
export const JobKind = z.enum(JOB_KINDS, { error: '用工类型应为 合同用工 或 灵活用工' });
export const WageUnit = z.enum(WAGE_UNITS, { error: '计薪单位应为 时/日/件/月' });
export const Settlement = z.enum(SETTLEMENT_CYCLES, {
  error: '结算周期应为 日结/周结/月结/完工结',
});
export { JOB_KIND_LABELS, WAGE_UNIT_LABELS, SETTLEMENT_LABELS } from './labels.js';

export const JobSort = z.enum(['newest', 'nearest', 'best_pay'], { error: '排序应为 最新/最近/工资高' });
const IsoDate = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

/**
 * Discovery filters. `q` is matched through jieba tokens; `occupationId` may be a category (its
 * trades match); `minPayFen` compares with the top of the pay range in `payUnit`; `date` keeps
 * jobs running on that day; `lng`/`lat` give distances, `radiusKm` limits them.
 */
export const PublicJobQuery = PageQuery.extend({
  town: RegionCode.optional(),
  kind: JobKind.optional(),
  q: z.string().trim().max(30, { error: '搜索词最多30个字' }).optional(),
  occupationId: z.uuid({ error: '工种不正确' }).optional(),
  minPayFen: z.coerce
    .number({ error: '最低工资应为数字' })
    .int({ error: '最低工资应为整数（分）' })
    .min(0, { error: '最低工资不能为负数' })
    .max(10_000_000, { error: '最低工资过高' })
    .optional(),
  payUnit: WageUnit.optional(),
  date: IsoDate.optional(),
  lng: z.coerce
    .number({ error: '经度应为数字' })
    .min(73, { error: '经度超出中国范围' })
    .max(136, { error: '经度超出中国范围' })
    .optional(),
  lat: z.coerce
    .number({ error: '纬度应为数字' })
    .min(3, { error: '纬度超出中国范围' })
    .max(54, { error: '纬度超出中国范围' })
    .optional(),
  radiusKm: z.coerce
    .number({ error: '距离应为数字' })
    .gt(0, { error: '距离应大于0' })
    .max(300, { error: '距离最多300公里' })
    .optional(),
  sort: JobSort.default('newest'),
  /** The previous page's `nextCursor`: continue after it (keyset; `page` is then only echoed). */
  cursor: z.string().max(300, { error: '分页游标无效，请从第一页重新加载' }).optional(),
}).superRefine((q, ctx) => {
  if ((q.lng === undefined) !== (q.lat === undefined))
    ctx.addIssue({ code: 'custom', path: ['lat'], message: '经纬度应同时提供' });
  if ((q.sort === 'nearest' || q.radiusKm !== undefined) && q.lng === undefined)
    ctx.addIssue({ code: 'custom', path: ['lng'], message: '按距离筛选或排序需要提供位置' });
  if (q.minPayFen !== undefined && !q.payUnit)
    ctx.addIssue({ code: 'custom', path: ['payUnit'], message: '按工资筛选请选择计薪单位' });
});
export type PublicJobQuery = z.infer<typeof PublicJobQuery>;
export const PublicJobSummary = z.object({
  id: z.string(),
  title: z.string(),
  occupationName: z.string(),
  kind: JobKind,
  headcount: z.number().int(),
  wageMinFen: z.number().int(),
  wageMaxFen: z.number().int(),
  wageUnit: WageUnit,
  settlement: Settlement,
  townCode: z.string(),
  townName: z.string(),
  address: z.string(),
  startDate: z.string(),
  employerName: z.string(),
  publishedAt: z.string().nullable(),
  occupationId: z.string(),
  endDate: z.string().nullable(),
  /** Kilometres from the point in the query; null without one or when the job has no point. */
  distanceKm: z.number().nullable(),
  /** The employer's credit level (excellent / good / fair / poor; labels in CREDIT_LEVEL_NAMES), on lists. */
  employerCreditLevel: z.string().nullable().optional(),
});
export type PublicJobSummary = z.infer<typeof PublicJobSummary>;
export const PublicJobPage = pageOf(PublicJobSummary).extend({
  /** Pass as `cursor` for the next page (same filters and sort); null on the last page. */
  nextCursor: z.string().nullable().optional(),
});

export const JobIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
export const PublicJobDetailQuery = z.object({
  lng: z.coerce
    .number({ error: '经度应为数字' })
    .min(73, { error: '经度超出中国范围' })
    .max(136, { error: '经度超出中国范围' })
    .optional(),
  lat: z.coerce
    .number({ error: '纬度应为数字' })
    .min(3, { error: '纬度超出中国范围' })
    .max(54, { error: '纬度超出中国范围' })
    .optional(),
});
export const PublicJobDetail = PublicJobSummary.extend({
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  workHours: z.string(),
  requirements: z.string(),
  description: z.string(),
  contactName: z.string(),
  /** Hidden (null) until the worker has applied. */
  contactPhone: z.string().nullable(),
  contactPhoneHidden: z.boolean(),
  status: z.string(),
  employer: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    verificationStatus: z.string(),
    /** Credit level (诚信等级): excellent / good / fair / poor (labels in CREDIT_LEVEL_NAMES). */
    creditLevel: z.string().nullable(),
    /** 按时发薪: wage statements paid by the pay day, and those that went overdue (from its credit ledger). */
    wagesPaidOnTime: z.number(),
    wagesOverdue: z.number(),
    /** Whole percent of on time among both; null before any. */
    onTimePayRate: z.number().nullable(),
  }),
});
export type PublicJobDetail = z.infer<typeof PublicJobDetail>;
