import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate, ServiceInstant } from './services.js';

// Training recommendation (培训推介): providers, courses, training needs, recommendation pushes,
// enrolments, class sessions (课时) with attendance. Writes need services.write.

const Name = (label: string, max = 60) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, { error: `${label}至少2个字` })
    .max(max, { error: `${label}最多${max}个字` });
const Uuid = (label: string) => z.uuid({ error: `${label}格式不正确` });

export const CreateProviderBody = z.object({
  name: Name('培训机构名称'),
  contact: z.string({ error: '联系方式应为文字' }).trim().max(60, { error: '联系方式最多60个字' }).default(''),
  regionCode: RegionCode,
});
export type CreateProviderBody = z.infer<typeof CreateProviderBody>;
export const TrainingProvider = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  regionCode: z.string(),
  createdAt: z.string(),
});
export type TrainingProvider = z.infer<typeof TrainingProvider>;

export const COURSE_FUNDINGS = ['subsidised', 'self_paid'] as const;
export const CourseFunding = z.enum(COURSE_FUNDINGS, { error: '培训类型应为 补贴培训/自主培训' });
export type CourseFunding = z.infer<typeof CourseFunding>;

/** A course: 工种, hours, number of sessions, dates, place, capacity, funding and its eligibility rule (as data). */
export const CreateCourseBody = z
  .object({
    providerId: Uuid('培训机构ID'),
    trade: Name('培训工种', 30),
    title: Name('课程名称'),
    hours: z
      .number({ error: '总学时应为数字' })
      .int({ error: '总学时应为整数' })
      .min(1, { error: '总学时至少1' })
      .max(2000, { error: '总学时最多2000' }),
    sessionCount: z
      .number({ error: '课次应为数字' })
      .int({ error: '课次应为整数' })
      .min(1, { error: '课次至少1' })
      .max(500, { error: '课次最多500' }),
    startDate: LedgerDate,
    endDate: LedgerDate,
    place: Name('培训地点', 100),
    capacity: z
      .number({ error: '名额应为数字' })
      .int({ error: '名额应为整数' })
      .min(1, { error: '名额至少1' })
      .max(1000, { error: '名额最多1000' }),
    funding: CourseFunding,
    /** Subsidised courses: priority groups that qualify (empty = every registered worker). */
    eligibleGroups: z
      .array(z.string().trim().min(1, { error: '重点群体不能为空' }).max(40, { error: '重点群体最多40个字' }))
      .max(20, { error: '重点群体最多20项' })
      .default([]),
    regionCode: RegionCode,
  })
  .refine((b) => b.endDate >= b.startDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;

export const TrainingCourse = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string().nullable(),
  trade: z.string(),
  title: z.string(),
  hours: z.number(),
  sessionCount: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  capacity: z.number(),
  funding: CourseFunding,
  eligibleGroups: z.array(z.string()),
  regionCode: z.string(),
  enrolled: z.number(),
  sessionsHeld: z.number(),
  recommended: z.number(),
  createdAt: z.string(),
});
export type TrainingCourse = z.infer<typeof TrainingCourse>;
export const TrainingCoursePage = pageOf(TrainingCourse);
export const TrainingListQuery = PageQuery.extend({
  trade: z.string().trim().max(30, { error: '工种最多30个字' }).optional(),
});
export type TrainingListQuery = z.infer<typeof TrainingListQuery>;
export const TrainingProviderPage = pageOf(TrainingProvider);

export const TrainingIdParam = z.object({ id: Uuid('ID') });

/** A staff-recorded training need (培训需求登记). */
export const CreateNeedBody = z.object({
  workerId: z.uuid({ error: '请选择求职者' }),
  trade: Name('培训工种', 30),
  note: z.string({ error: '备注应为文字' }).trim().max(500, { error: '备注最多500个字' }).default(''),
});
export type CreateNeedBody = z.infer<typeof CreateNeedBody>;

export const TRAINING_NEED_SOURCES = ['profile', 'staff'] as const;
/** One training need: from the worker's profile (培训意愿) or recorded by staff. */
export const TrainingNeed = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  trade: z.string(),
  source: z.enum(TRAINING_NEED_SOURCES),
  regionCode: z.string(),
  note: z.string(),
  recommended: z.boolean(),
  createdAt: z.string(),
});
export type TrainingNeed = z.infer<typeof TrainingNeed>;
export const TrainingNeedPage = pageOf(TrainingNeed);

/** The push preview / result: how many workers receive the recommendation. */
export const PushResult = z.object({
  courseId: z.string(),
  matched: z.number().int(),
  created: z.number().int(),
  alreadyRecommended: z.number().int(),
});
export type PushResult = z.infer<typeof PushResult>;

export const EnrolBody = z.object({ workerId: z.uuid({ error: '请选择求职者' }) });
export type EnrolBody = z.infer<typeof EnrolBody>;
export const Enrolment = z.object({
  id: z.string(),
  courseId: z.string(),
  workerId: z.string(),
  enrolledAt: z.string(),
  subsidised: z.boolean(),
});
export type Enrolment = z.infer<typeof Enrolment>;

/** A class session (课时) with attendance: the enrolled workers present. */
export const CreateSessionBody = z.object({
  heldAt: ServiceInstant,
  topic: Name('课时内容', 100),
  teacher: z.string({ error: '授课老师应为文字' }).trim().max(30, { error: '授课老师最多30个字' }).default(''),
  presentWorkerIds: z
    .array(z.uuid({ error: '出勤人员ID格式不正确' }))
    .max(1000, { error: '出勤人员最多1000人' })
    .default([]),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;
export const ClassSession = z.object({
  id: z.string(),
  courseId: z.string(),
  seq: z.number(),
  heldAt: z.string(),
  topic: z.string(),
  teacher: z.string(),
  present: z.number(),
  enrolled: z.number(),
  regionCode: z.string(),
});
export type ClassSession = z.infer<typeof ClassSession>;
export const ClassSessionList = z.object({ items: z.array(ClassSession) });
export type ClassSessionList = z.infer<typeof ClassSessionList>;

/** Class-session ledger (培训课时台账) and recommendation ledger (培训推荐台账) rows. */
export const ClassSessionLedgerRow = z.object({
  id: z.string(),
  courseTitle: z.string(),
  trade: z.string(),
  providerName: z.string(),
  funding: CourseFunding,
  seq: z.number(),
  heldAt: z.string(),
  topic: z.string(),
  teacher: z.string(),
  present: z.number(),
  regionName: z.string(),
  recorderName: z.string().nullable(),
});
export type ClassSessionLedgerRow = z.infer<typeof ClassSessionLedgerRow>;
export const RecommendationLedgerRow = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  regionName: z.string(),
  courseTitle: z.string(),
  trade: z.string(),
  funding: CourseFunding,
  sentAt: z.string(),
  recorderName: z.string().nullable(),
});
export type RecommendationLedgerRow = z.infer<typeof RecommendationLedgerRow>;
export const ClassSessionLedgerPage = pageOf(ClassSessionLedgerRow);
export const RecommendationLedgerPage = pageOf(RecommendationLedgerRow);

export const COURSE_FUNDING_LABELS: Record<CourseFunding, string> = { subsidised: '补贴培训', self_paid: '自主培训' };

/** Filters of the training and events ledgers: period (Shanghai days) and town; exports add `pii`. */
const TrainingLedgerFilters = z.object({
  from: LedgerDate.optional(),
  to: LedgerDate.optional(),
  town: RegionCode.optional(),
});
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
export const ActivityLedgerQuery = TrainingLedgerFilters.extend(PageQuery.shape).refine(ordered, {
  error: '结束日期不能早于开始日期',
  path: ['to'],
});
export type ActivityLedgerQuery = z.infer<typeof ActivityLedgerQuery>;
export const ActivityExportQuery = TrainingLedgerFilters.extend({
  pii: z.enum(['masked', 'full'], { error: '导出方式应为 masked 或 full' }).default('masked'),
}).refine(ordered, { error: '结束日期不能早于开始日期', path: ['to'] });
export type ActivityExportQuery = z.infer<typeof ActivityExportQuery>;
export const EnrolmentList = z.object({
  items: z.array(
    z.object({ workerId: z.string(), workerNameMasked: z.string(), subsidised: z.boolean(), enrolledAt: z.string() }),
  ),
});
export type EnrolmentList = z.infer<typeof EnrolmentList>;
