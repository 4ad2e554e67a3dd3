import { z } from 'zod';
import { PARTY_SIDES, PageQuery, RegionCode, pageOf } from './common.js';
import { RATING_TAGS } from './credit-labels.js';

export * from './credit-labels.js';

// Ratings (评价) after completion and credit (诚信): history for its owner, 诚信管理 in the console
// (rules, ledger, manual adjustment, blacklist, appeals) and the flagged-ratings review queue.

const Uuid = (label: string) => z.uuid({ error: `${label}格式不正确` });
const Reason = (label: string, min = 2, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: `${label}至少${min}个字` })
    .max(max, { error: `${label}最多${max}个字` });

export const CREDIT_EVENT_KIND_VALUES = [
  'completed',
  'no_show',
  'late_cancel',
  'rating_5',
  'rating_4',
  'rating_3',
  'rating_2',
  'rating_1',
  'manual_adjust',
  'appeal_upheld',
  'wage_paid_on_time',
  'wage_overdue',
] as const;
export const CreditEventKindEnum = z.enum(CREDIT_EVENT_KIND_VALUES, { error: '信用事件类型不正确' });
export const CREDIT_SUBJECTS = PARTY_SIDES;
export const BLACKLIST_SCOPES = ['posting', 'applying', 'all'] as const;
export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export const APPEAL_TARGETS = ['event', 'blacklist'] as const;
export const RATING_REVIEW_STATUSES = ['clean', 'flagged', 'approved', 'hidden'] as const;
export const CreditSubjectEnum = z.enum(CREDIT_SUBJECTS, { error: '对象类型应为 零工/用工主体' });
export const CreditLevelEnum = z.enum(['excellent', 'good', 'fair', 'poor'], { error: '信用等级不正确' });
export const BlacklistScopeEnum = z.enum(BLACKLIST_SCOPES, {
  error: '限制范围应为 禁止发布/禁止报名/全部禁止',
});
export const AppealStatusEnum = z.enum(APPEAL_STATUSES, { error: '申诉状态不正确' });

// ---------- ratings ----------

const ALL_TAGS: readonly string[] = [...RATING_TAGS.employer, ...RATING_TAGS.worker];
export const SubmitRatingBody = z.object({
  stars: z
    .number({ error: '请选择星级' })
    .int({ error: '星级应为1-5的整数' })
    .min(1, { error: '星级至少1星' })
    .max(5, { error: '星级最多5星' }),
  tags: z
    .array(
      z.string({ error: '标签应为文字' }).refine((t) => ALL_TAGS.includes(t), { error: '标签不在可选范围内' }),
      { error: '标签应为列表' },
    )
    .max(8, { error: '标签最多8个' })
    .default([]),
  comment: z.string({ error: '评语应为文字' }).trim().max(200, { error: '评语最多200个字' }).default(''),
});
export type SubmitRatingBody = z.infer<typeof SubmitRatingBody>;

export const RatingView = z.object({
  id: z.string(),
  raterSide: z.enum(['worker', 'employer']),
  stars: z.number().int(),
  tags: z.array(z.string()),
  /** Empty when staff hid it or it waits for review. */
  comment: z.string(),
  createdAt: z.string(),
});
export type RatingView = z.infer<typeof RatingView>;

/** The rating page of one completed application, for the caller's side. */
export const RatingState = z.object({
  applicationId: z.string(),
  jobTitle: z.string(),
  side: z.enum(['worker', 'employer']),
  /** Who is rated: the employer's name, or the worker's masked name. */
  rateeName: z.string(),
  canRate: z.boolean(),
  /** Why the caller cannot rate (已评价 / 评价期限已过 / 尚未完工). */
  blockedReason: z.string().nullable(),
  windowEndsAt: z.string().nullable(),
  tagOptions: z.array(z.string()),
  mine: RatingView.nullable(),
  /** The other side's rating, once both have rated or the window passed. */
  theirs: RatingView.nullable(),
  revealed: z.boolean(),
});
export type RatingState = z.infer<typeof RatingState>;

// ---------- credit for its owner ----------

export const CreditEventView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  points: z.number().int(),
  reason: z.string().nullable(),
  at: z.string(),
  /** An appeal of this event, if any (待处理 / 申诉成立 / 已驳回). */
  appealStatus: AppealStatusEnum.nullable(),
  appealable: z.boolean(),
});
export type CreditEventView = z.infer<typeof CreditEventView>;

export const BlacklistView = z.object({
  id: z.string(),
  subjectType: CreditSubjectEnum,
  subjectId: z.string(),
  subjectName: z.string(),
  scope: BlacklistScopeEnum,
  scopeLabel: z.string(),
  reason: z.string(),
  expiresAt: z.string().nullable(),
  regionCode: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  appealStatus: AppealStatusEnum.nullable(),
});
export type BlacklistView = z.infer<typeof BlacklistView>;

export const AppealView = z.object({
  id: z.string(),
  subjectType: CreditSubjectEnum,
  subjectId: z.string(),
  subjectName: z.string(),
  targetType: z.enum(APPEAL_TARGETS),
  targetId: z.string(),
  /** What is appealed, in words (e.g. 爽约（未到岗） -10分). */
  targetSummary: z.string(),
  reason: z.string(),
  status: AppealStatusEnum,
  statusLabel: z.string(),
  decisionReason: z.string().nullable(),
  regionCode: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AppealView = z.infer<typeof AppealView>;

export const MyCredit = z.object({
  subjectType: CreditSubjectEnum,
  subjectId: z.string(),
  score: z.number().int(),
  level: CreditLevelEnum,
  levelLabel: z.string(),
  events: z.array(CreditEventView),
  blacklist: z.array(BlacklistView),
  appeals: z.array(AppealView),
});
export type MyCredit = z.infer<typeof MyCredit>;

export const EmployerCreditParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
export const FileAppealBody = z.object({
  subjectType: CreditSubjectEnum,
  /** Required when appealing as an employer member. */
  employerId: Uuid('用工主体ID').optional(),
  targetType: z.enum(APPEAL_TARGETS, { error: '申诉对象应为 信用记录/黑名单' }),
  targetId: Uuid('申诉对象ID'),
  reason: Reason('申诉理由', 5, 500),
});
export type FileAppealBody = z.infer<typeof FileAppealBody>;

// ---------- console: 诚信管理 ----------

export const CreditRule = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  points: z.number().int(),
  defaultPoints: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type CreditRule = z.infer<typeof CreditRule>;
export const CreditRuleList = z.object({ items: z.array(CreditRule) });
export type CreditRuleList = z.infer<typeof CreditRuleList>;
export const CreditKindParam = z.object({ kind: CreditEventKindEnum });
export const UpdateCreditRuleBody = z.object({
  points: z
    .number({ error: '分值应为数字' })
    .int({ error: '分值应为整数' })
    .min(-50, { error: '分值不能低于-50' })
    .max(50, { error: '分值不能高于50' }),
});
export type UpdateCreditRuleBody = z.infer<typeof UpdateCreditRuleBody>;

const DateFilter = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const CreditEventQuery = PageQuery.extend({
  subjectType: CreditSubjectEnum.optional(),
  kind: CreditEventKindEnum.optional(),
  regionCode: RegionCode.optional(),
  from: DateFilter.optional(),
  to: DateFilter.optional(),
});
export type CreditEventQuery = z.infer<typeof CreditEventQuery>;
export const CreditLedgerRow = z.object({
  id: z.string(),
  subjectType: CreditSubjectEnum,
  subjectId: z.string(),
  subjectName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  points: z.number().int(),
  reason: z.string().nullable(),
  regionCode: z.string().nullable(),
  at: z.string(),
});
export type CreditLedgerRow = z.infer<typeof CreditLedgerRow>;
export const CreditLedgerPage = pageOf(CreditLedgerRow);

export const ManualAdjustBody = z.object({
  subjectType: CreditSubjectEnum,
  subjectId: Uuid('对象ID'),
  points: z
    .number({ error: '调整分值应为数字' })
    .int({ error: '调整分值应为整数' })
    .min(-50, { error: '单次调整不能低于-50分' })
    .max(50, { error: '单次调整不能高于50分' })
    .refine((n) => n !== 0, { error: '调整分值不能为0' }),
  reason: Reason('调整原因', 4),
});
export type ManualAdjustBody = z.infer<typeof ManualAdjustBody>;
export const ManualAdjustResult = z.object({ eventId: z.string(), score: z.number().int(), level: CreditLevelEnum });
export type ManualAdjustResult = z.infer<typeof ManualAdjustResult>;

export const BlacklistQuery = PageQuery.extend({
  status: z.enum(['active', 'all'], { error: '状态应为 生效中/全部' }).default('active'),
  subjectType: CreditSubjectEnum.optional(),
});
export const BlacklistPage = pageOf(BlacklistView);
export const AddBlacklistBody = z.object({
  subjectType: CreditSubjectEnum,
  subjectId: Uuid('对象ID'),
  scope: BlacklistScopeEnum,
  /** Last day the entry applies (inclusive, Asia/Shanghai); omitted = until lifted. */
  expiresOn: DateFilter.optional(),
  reason: Reason('列入原因', 4),
});
export type AddBlacklistBody = z.infer<typeof AddBlacklistBody>;
export const CreditIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
export const CreditSubjectParam = z.object({ subjectType: CreditSubjectEnum, id: z.uuid({ error: 'ID格式不正确' }) });
export const CreditReasonBody = z.object({ reason: Reason('原因', 2) });
export type CreditReasonBody = z.infer<typeof CreditReasonBody>;

export const AppealQuery = PageQuery.extend({ status: AppealStatusEnum.optional() });
export const AppealPage = pageOf(AppealView);
export const DecideAppealBody = z.object({
  decision: z.enum(['uphold', 'reject'], { error: '处理结果应为 申诉成立/驳回' }),
  reason: Reason('处理意见', 2),
});
export type DecideAppealBody = z.infer<typeof DecideAppealBody>;

// ---------- console: flagged ratings ----------

export const FlaggedRatingQuery = PageQuery.extend({
  status: z.enum(['flagged', 'approved', 'hidden'], { error: '状态不正确' }).default('flagged'),
});
export const AdminRating = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobTitle: z.string(),
  raterSide: z.enum(['worker', 'employer']),
  rateeName: z.string(),
  stars: z.number().int(),
  tags: z.array(z.string()),
  comment: z.string(),
  /** The dictionary words that sent it to review. */
  hits: z.array(z.string()),
  reviewStatus: z.enum(RATING_REVIEW_STATUSES),
  reviewReason: z.string().nullable(),
  regionCode: z.string(),
  createdAt: z.string(),
});
export type AdminRating = z.infer<typeof AdminRating>;
export const AdminRatingPage = pageOf(AdminRating);
export type AdminRatingPage = z.infer<typeof AdminRatingPage>;
export const ReviewRatingBody = z.object({
  action: z.enum(['approve', 'hide'], { error: '处理方式应为 通过/隐藏' }),
  reason: Reason('处理说明', 2),
});
export type ReviewRatingBody = z.infer<typeof ReviewRatingBody>;
