import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';

export const JobKind = z.enum(['contract', 'flexible'], { error: '用工类型应为 合同用工 或 灵活用工' });
export const WageUnit = z.enum(['hour', 'day', 'piece', 'month'], { error: '计薪单位应为 时/日/件/月' });
export const Settlement = z.enum(['daily', 'weekly', 'monthly', 'on_completion'], { error: '结算周期应为 日结/周结/月结/完工结' });
export { JOB_KIND_LABELS, WAGE_UNIT_LABELS, SETTLEMENT_LABELS } from './labels.js';

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
