import { z } from 'zod';
import { WageUnit } from './jobs.js';

export const APPLICATION_STATUSES = [
  'applied',
  'invited',
  'hired',
  'confirmed',
  'working',
  'completed',
  'declined',
  'withdrawn',
  'no_show',
  'cancelled',
] as const;
export const APPLICATION_ORIGINS = ['apply', 'invite'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  applied: '已报名',
  invited: '待接受邀请',
  hired: '已录用',
  confirmed: '已确认',
  working: '工作中',
  completed: '已完工',
  declined: '未录用',
  withdrawn: '已撤回',
  no_show: '未到岗',
  cancelled: '已取消',
};

export const ApplicationIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });

/** A reason is required when declining or cancelling (2-200 characters). */
export const ReasonBody = z.object({
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, { error: '原因至少2个字' })
    .max(200, { error: '原因最多200个字' }),
});
/** A reason is optional when withdrawing or turning down an invitation (the body may be left out). */
export const OptionalReasonBody = z
  .object({ reason: z.string().trim().max(200, { error: '原因最多200个字' }).optional() })
  .nullish();
export const InviteBody = z.object({ workerId: z.uuid({ error: '请选择要邀请的工人' }) });

export const ApplicationEvent = z.object({
  fromStatus: ApplicationStatus.nullable(),
  toStatus: ApplicationStatus,
  actorSide: z.enum(['worker', 'employer']),
  reason: z.string().nullable(),
  at: z.string(),
});

/** An application as either side sees it; the worker's name is masked for the employer. */
export const Application = z.object({
  id: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  status: ApplicationStatus,
  statusLabel: z.string(),
  origin: z.enum(APPLICATION_ORIGINS),
  endedBy: z.enum(['worker', 'employer']).nullable(),
  endReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(ApplicationEvent),
  /** The worker's credit level, on the employer's applicant list. */
  workerCreditLevel: z.string().nullable().optional(),
});
export type Application = z.infer<typeof Application>;
export const ApplicationList = z.object({ items: z.array(Application) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const RecommendationQuery = z.object({
  limit: z.coerce
    .number({ error: '数量应为数字' })
    .int({ error: '数量应为整数' })
    .min(1, { error: '数量至少为1' })
    .max(50, { error: '数量最多50' })
    .default(20),
});

export const RecommendedJob = z.object({
  jobId: z.string(),
  title: z.string(),
  employerName: z.string(),
  townName: z.string(),
  wageMinFen: z.number(),
  wageMaxFen: z.number(),
  wageUnit: WageUnit,
  distanceKm: z.number().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
  reasonText: z.string(),
  applied: z.boolean(),
});
export const RecommendedJobList = z.object({ items: z.array(RecommendedJob) });
export type RecommendedJob = z.infer<typeof RecommendedJob>;

export const RecommendedWorker = z.object({
  workerId: z.string(),
  maskedName: z.string(),
  townName: z.string(),
  distanceKm: z.number().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
  reasonText: z.string(),
  /** Status of this worker's application to the job, if any (then no invite). */
  applicationStatus: ApplicationStatus.nullable(),
  /** The worker's credit level (excellent / good / fair / poor). */
  creditLevel: z.string().nullable().optional(),
});
export const RecommendedWorkerList = z.object({ items: z.array(RecommendedWorker) });
export type RecommendedWorker = z.infer<typeof RecommendedWorker>;
