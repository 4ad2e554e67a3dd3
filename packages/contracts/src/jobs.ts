import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';

export const JobKind = z.enum(['contract', 'flexible'], { error: '用工类型应为 合同用工 或 灵活用工' });
export const WageUnit = z.enum(['hour', 'day', 'piece', 'month'], { error: '计薪单位应为 时/日/件/月' });
export const Settlement = z.enum(['daily', 'weekly', 'monthly', 'on_completion'], { error: '结算周期应为 日结/周结/月结/完工结' });
export const JOB_KIND_LABELS = { contract: '合同用工', flexible: '灵活用工' } as const;
export const WAGE_UNIT_LABELS = { hour: '时', day: '天', piece: '件', month: '月' } as const;
export const SETTLEMENT_LABELS = { daily: '日结', weekly: '周结', monthly: '月结', on_completion: '完工结' } as const;

export const PublicJobQuery = PageQuery.extend({ town: RegionCode.optional(), kind: JobKind.optional() });
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
});
export type PublicJobSummary = z.infer<typeof PublicJobSummary>;
export const PublicJobPage = pageOf(PublicJobSummary);
