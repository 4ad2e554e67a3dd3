import { z } from 'zod';

// Public employment services (公共就业服务): follow-ups of registrations, matchmakings (招聘求职对接)
// and one-to-one career guidance (职业指导). Lists and exports of these records are in ledgers.ts.

export const FOLLOWUP_STATUSES = ['employed', 'seeking', 'in_training', 'other'] as const;
export const FollowupStatus = z.enum(FOLLOWUP_STATUSES, { error: '跟踪状态应为 已就业/求职中/培训中/其他' });
export type FollowupStatus = z.infer<typeof FollowupStatus>;

export const MATCHMAKING_KINDS = ['apply', 'invite', 'referral', 'hire'] as const;
export const MatchmakingKind = z.enum(MATCHMAKING_KINDS, { error: '对接方式应为 报名/邀请/推荐/录用' });
export type MatchmakingKind = z.infer<typeof MatchmakingKind>;
export const MATCHMAKING_CHANNELS = ['online', 'offline'] as const;
export const MatchmakingChannel = z.enum(MATCHMAKING_CHANNELS, { error: '对接渠道应为 线上/线下' });
export type MatchmakingChannel = z.infer<typeof MatchmakingChannel>;
export const MATCHMAKING_SOURCES = ['auto', 'manual'] as const;
export const MatchmakingSource = z.enum(MATCHMAKING_SOURCES, { error: '记录来源应为 自动/手工' });
export type MatchmakingSource = z.infer<typeof MatchmakingSource>;

export {
  FOLLOWUP_STATUS_LABELS,
  MATCHMAKING_KIND_LABELS,
  MATCHMAKING_CHANNEL_LABELS,
  MATCHMAKING_SOURCE_LABELS,
} from './labels.js';

/** 'YYYY-MM-DD' (a calendar day in Asia/Shanghai). */
export const LedgerDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
/** An ISO 8601 instant with offset ('2025-07-01T09:30:00+08:00'). */
export const ServiceInstant = z.iso.datetime({ offset: true, error: '时间格式不正确，应为 ISO 8601（含时区）' });
const WorkerRef = z.uuid({ error: '请选择求职者' });
const Note = z.string({ error: '备注应为文字' }).trim().max(500, { error: '备注最多500个字' }).default('');

/** Record a follow-up of a registered job seeker (跟踪服务). */
export const CreateFollowupBody = z
  .object({
    workerId: WorkerRef,
    contactedAt: ServiceInstant.optional(),
    status: FollowupStatus,
    note: Note,
    nextDate: LedgerDate.nullable().default(null),
  })
  .refine((b) => !b.nextDate || !b.contactedAt || b.nextDate >= b.contactedAt.slice(0, 10), {
    error: '下次跟踪日期不能早于本次联系日期',
    path: ['nextDate'],
  });
export type CreateFollowupBody = z.infer<typeof CreateFollowupBody>;

export const Followup = z.object({
  id: z.string(),
  workerId: z.string(),
  status: FollowupStatus,
  contactedAt: z.string(),
  note: z.string(),
  nextDate: z.string().nullable(),
  regionCode: z.string(),
  recorderStaffId: z.string(),
  createdAt: z.string(),
});
export type Followup = z.infer<typeof Followup>;

/** Record an offline referral (线下职业介绍) by hand: one worker to one job or employer. */
export const CreateReferralBody = z
  .object({
    workerId: WorkerRef,
    jobId: z.uuid({ error: '岗位ID格式不正确' }).nullable().default(null),
    employerId: z.uuid({ error: '用工主体ID格式不正确' }).nullable().default(null),
    kind: MatchmakingKind.default('referral'),
    occurredAt: ServiceInstant.optional(),
    note: Note,
  })
  .refine((b) => b.jobId !== null || b.employerId !== null, { error: '请选择推荐的岗位或用工主体', path: ['jobId'] });
export type CreateReferralBody = z.infer<typeof CreateReferralBody>;

export const Matchmaking = z.object({
  id: z.string(),
  workerId: z.string(),
  jobId: z.string().nullable(),
  employerId: z.string().nullable(),
  channel: MatchmakingChannel,
  kind: MatchmakingKind,
  source: MatchmakingSource,
  occurredAt: z.string(),
  regionCode: z.string(),
  recorderStaffId: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export type Matchmaking = z.infer<typeof Matchmaking>;

/** Record a one-to-one career-guidance session (一对一职业指导). */
export const CreateGuidanceBody = z
  .object({
    workerId: WorkerRef,
    sessionAt: ServiceInstant.optional(),
    topic: z
      .string({ error: '请填写指导主题' })
      .trim()
      .min(2, { error: '指导主题至少2个字' })
      .max(60, { error: '指导主题最多60个字' }),
    advice: z
      .string({ error: '请填写择业建议' })
      .trim()
      .min(2, { error: '择业建议至少2个字' })
      .max(2000, { error: '择业建议最多2000个字' }),
    nextStep: z.string({ error: '下一步应为文字' }).trim().max(500, { error: '下一步安排最多500个字' }).default(''),
    followupDate: LedgerDate.nullable().default(null),
  })
  .refine((b) => !b.followupDate || !b.sessionAt || b.followupDate >= b.sessionAt.slice(0, 10), {
    error: '回访日期不能早于指导日期',
    path: ['followupDate'],
  });
export type CreateGuidanceBody = z.infer<typeof CreateGuidanceBody>;

export const GuidanceSession = z.object({
  id: z.string(),
  workerId: z.string(),
  sessionAt: z.string(),
  topic: z.string(),
  advice: z.string(),
  nextStep: z.string(),
  followupDate: z.string().nullable(),
  regionCode: z.string(),
  recorderStaffId: z.string(),
  createdAt: z.string(),
});
export type GuidanceSession = z.infer<typeof GuidanceSession>;
