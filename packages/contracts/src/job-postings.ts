import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { JobKind, PublicJobSummary, Settlement, WageUnit } from './jobs.js';
import { MobilePhone } from './validators/mobile.js';

export const JOB_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'filled',
  'closed',
  'expired',
  'rejected',
] as const;
export const JobStatus = z.enum(JOB_STATUSES, { error: '岗位状态不正确' });
export type JobStatus = z.infer<typeof JobStatus>;

const IsoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD` });
const Fen = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}应为整数（分）` })
    .min(1, { error: `${label}应大于0` })
    .max(10_000_000, { error: `${label}过高` });

/** Create or edit a job posting (岗位). Money in fen; dates in Asia/Shanghai. */
export const JobPostingBody = z
  .object({
    occupationId: z.uuid({ error: '请选择工种' }),
    title: z
      .string({ error: '请填写岗位名称' })
      .trim()
      .min(4, { error: '岗位名称至少4个字' })
      .max(40, { error: '岗位名称最多40个字' }),
    kind: JobKind,
    headcount: z
      .number({ error: '招聘人数应为数字' })
      .int({ error: '招聘人数应为整数' })
      .min(1, { error: '招聘人数至少1人' })
      .max(999, { error: '招聘人数最多999人' }),
    wageMinFen: Fen('最低工资'),
    wageMaxFen: Fen('最高工资'),
    wageUnit: WageUnit,
    settlement: Settlement,
    townCode: RegionCode,
    address: z
      .string({ error: '请填写工作地址' })
      .trim()
      .min(2, { error: '工作地址至少2个字' })
      .max(200, { error: '工作地址最多200个字' }),
    lng: z
      .number({ error: '经度应为数字' })
      .min(73, { error: '经度超出中国范围' })
      .max(136, { error: '经度超出中国范围' })
      .nullable()
      .default(null),
    lat: z
      .number({ error: '纬度应为数字' })
      .min(3, { error: '纬度超出中国范围' })
      .max(54, { error: '纬度超出中国范围' })
      .nullable()
      .default(null),
    startDate: IsoDate('开工日期'),
    endDate: IsoDate('结束日期').nullable().default(null),
    workHours: z.string().trim().max(60, { error: '工作时间最多60个字' }).default(''),
    requirements: z.string().trim().max(500, { error: '岗位要求最多500个字' }).default(''),
    description: z.string().trim().max(1000, { error: '工作内容最多1000个字' }).default(''),
    /** Why an age limit is needed (e.g. 高空作业安全要求); without it an age limit is refused. */
    ageReason: z.string().trim().max(100, { error: '年龄要求理由最多100个字' }).default(''),
    contactName: z
      .string({ error: '请填写联系人' })
      .trim()
      .min(1, { error: '请填写联系人' })
      .max(30, { error: '联系人最多30个字' }),
    contactPhone: MobilePhone,
    /** Submit for publishing at once (otherwise the posting stays a draft). */
    submit: z.boolean({ error: '提交标记应为是/否' }).default(false),
  })
  .superRefine((b, ctx) => {
    if (b.wageMaxFen < b.wageMinFen)
      ctx.addIssue({ code: 'custom', path: ['wageMaxFen'], message: '最高工资不能低于最低工资' });
    if (b.endDate && b.endDate < b.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开工日期' });
    if ((b.lng === null) !== (b.lat === null))
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '经纬度应同时填写' });
  });
export type JobPostingBody = z.input<typeof JobPostingBody>;

/** A stretch of one field's original text (UTF-16 offsets, end exclusive), to highlight. */
export const ModerationSpan = z.object({
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
});
export type ModerationSpan = z.infer<typeof ModerationSpan>;

/**
 * One automatic-check finding on one field: a sensitive word or a phrase rule. Every finding of
 * every field is listed (not only the first). `start`/`end` locate `excerpt` in the field's
 * original text (absent on postings checked before spans were recorded).
 */
export const ModerationFinding = z.object({
  field: z.string(),
  kind: z.enum(['word', 'rule']),
  /** The word (kind word) or the rule: gender/ethnicity/region/marital/health/disability/age/contact. */
  code: z.string(),
  excerpt: z.string(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  action: z.enum(['block', 'review', 'mask']),
  message: z.string(),
  /** The legal basis in Chinese (rules only). */
  basis: z.string().optional(),
  /** An age limit's reason, found in the text or the 年龄理由 field, highlighted for the reviewer. */
  reason: ModerationSpan.optional(),
});
export type ModerationFinding = z.infer<typeof ModerationFinding>;
export const ModerationSummary = z.object({
  verdict: z.enum(['pass', 'review', 'block']),
  findings: z.array(ModerationFinding),
});

/** The employer's own view of a posting (contact in full). */
export const EmployerJob = PublicJobSummary.omit({ distanceKm: true }).extend({
  employerId: z.string(),
  status: JobStatus,
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  workHours: z.string(),
  requirements: z.string(),
  description: z.string(),
  ageReason: z.string(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  reviewReason: z.string().nullable(),
  moderation: ModerationSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type EmployerJob = z.infer<typeof EmployerJob>;
export const EmployerJobQuery = PageQuery.extend({ status: JobStatus.optional() });
export const EmployerJobPage = pageOf(EmployerJob);

/** Console review queue. */
export const ReviewJobQuery = PageQuery.extend({
  town: RegionCode.optional(),
  status: JobStatus.default('pending_review'),
});
export const ReviewJob = EmployerJob.omit({ contactPhone: true }).extend({
  contactPhoneMasked: z.string().nullable(),
  employerVerificationStatus: z.string(),
});
export type ReviewJob = z.infer<typeof ReviewJob>;
export const ReviewJobPage = pageOf(ReviewJob);

export const ReviewDecisionBody = z
  .object({
    ids: z
      .array(z.uuid({ error: 'ID格式不正确' }), { error: '请选择岗位' })
      .min(1, { error: '请至少选择一个岗位' })
      .max(100, { error: '一次最多审核100个岗位' })
      .refine((ids) => new Set(ids).size === ids.length, { error: '岗位不能重复' }),
    decision: z.enum(['approve', 'reject'], { error: '审核结果应为 通过 或 驳回' }),
    reason: z.string().trim().max(200, { error: '理由最多200个字' }).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && b.reason.length < 2)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回时请填写理由（至少2个字）' });
  });
export type ReviewDecisionBody = z.input<typeof ReviewDecisionBody>;
export const ReviewDecisionResult = z.object({
  updated: z.number().int(),
  items: z.array(z.object({ id: z.string(), status: JobStatus })),
});
export type ReviewDecisionResult = z.infer<typeof ReviewDecisionResult>;

export { JOB_STATUS_LABELS, MODERATION_RULE_LABELS } from './labels.js';
