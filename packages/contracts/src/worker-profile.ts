import { z } from 'zod';
import { GENDERS } from './enums.js';
import { RegionCode } from './common.js';
import { PRIORITY_GROUP_LIST } from './labels.js';
import { JobKind, WageUnit } from './jobs.js';
import { IdNumber } from './validators/id-number.js';
import { MobilePhone } from './validators/mobile.js';

/** The privacy policy version a worker must have accepted before saving a profile. */
export const PRIVACY_POLICY_VERSION = '2025.1';

/** 重点群体 (self-declared; staff verify later). */
export const PRIORITY_GROUPS = PRIORITY_GROUP_LIST;
export const PriorityGroup = z.enum(PRIORITY_GROUPS, { error: '重点群体类别不正确' });

export const EDUCATION_LEVELS = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master'] as const;
export const EducationLevel = z.enum(EDUCATION_LEVELS, { error: '文化程度不正确' });

/** Parts of the day a worker can work. */
export const DAY_PARTS = ['morning', 'afternoon', 'evening', 'night'] as const;
export const DayPart = z.enum(DAY_PARTS, { error: '可工作时段应为 上午/下午/晚上/夜班' });

export const ConsentKind = z.enum(['privacy_policy', 'id_data'], { error: '授权类型不正确' });
export type ConsentKind = z.infer<typeof ConsentKind>;

const IsoDate = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const uniq = <T>(xs: T[]) => new Set(xs).size === xs.length;

export const WorkerSkillInput = z.object({
  occupationId: z.uuid({ error: '工种不正确' }),
  years: z
    .number({ error: '从业年限应为数字' })
    .int({ error: '从业年限应为整数' })
    .min(0, { error: '从业年限不能为负数' })
    .max(60, { error: '从业年限最多60年' }),
});
export const WorkerCertificateInput = z.object({
  name: z
    .string({ error: '请填写证书名称' })
    .trim()
    .min(2, { error: '证书名称至少2个字' })
    .max(40, { error: '证书名称最多40个字' }),
  level: z.string().trim().max(20, { error: '证书等级最多20个字' }).default(''),
  number: z.string().trim().max(40, { error: '证书编号最多40个字符' }).default(''),
  /** From POST /api/v1/app/worker/certificate-photos. */
  photoFileId: z.uuid({ error: '照片不正确，请重新上传' }).nullable().default(null),
});

/** PUT /api/v1/app/worker/profile: the whole editable profile. */
export const WorkerProfileBody = z.object({
  name: z
    .string({ error: '请填写姓名' })
    .trim()
    .min(2, { error: '姓名至少2个字' })
    .max(30, { error: '姓名最多30个字' }),
  /** Omitted: keep the stored one; null: remove it; a value: set it (needs the ID-data consent). */
  idNumber: IdNumber.nullable().optional(),
  phone: MobilePhone.optional(),
  ethnicity: z.string().trim().max(10, { error: '民族最多10个字' }).default(''),
  education: EducationLevel.nullable().default(null),
  homeRegionCode: RegionCode,
  skills: z
    .array(WorkerSkillInput, { error: '技能应为列表' })
    .max(10, { error: '技能最多10项' })
    .refine((s) => uniq(s.map((x) => x.occupationId)), { error: '工种不能重复' })
    .default([]),
  certificates: z
    .array(WorkerCertificateInput, { error: '证书应为列表' })
    .max(10, { error: '证书最多10项' })
    .default([]),
  availability: z
    .object({
      weekdays: z
        .array(z.number().int().min(1, { error: '星期应为1-7' }).max(7, { error: '星期应为1-7' }))
        .max(7)
        .refine(uniq, { error: '星期不能重复' })
        .default([]),
      dayParts: z.array(DayPart).max(4).refine(uniq, { error: '时段不能重复' }).default([]),
      earliestStart: IsoDate.nullable().default(null),
    })
    .default({ weekdays: [], dayParts: [], earliestStart: null }),
  expectedPay: z
    .object({
      minFen: z
        .number({ error: '期望薪资应为数字' })
        .int({ error: '期望薪资应以分为单位的整数' })
        .min(100, { error: '期望薪资至少1元' })
        .max(10_000_000, { error: '期望薪资过高' }),
      unit: WageUnit,
    })
    .nullable()
    .default(null),
  maxDistanceKm: z
    .number({ error: '最远距离应为数字' })
    .int({ error: '最远距离应为整数公里' })
    .min(1, { error: '最远距离至少1公里' })
    .max(300, { error: '最远距离最多300公里' })
    .nullable()
    .default(null),
  jobKinds: z.array(JobKind).max(2).refine(uniq, { error: '用工类型不能重复' }).default([]),
  priorityGroups: z.array(PriorityGroup).max(10).refine(uniq, { error: '重点群体不能重复' }).default([]),
  trainingIntentions: z
    .array(z.string().trim().min(1, { error: '培训意向不能为空' }).max(30, { error: '培训意向每项最多30个字' }))
    .max(5, { error: '培训意向最多5项' })
    .default([]),
  bio: z.string().trim().max(200, { error: '自我介绍最多200个字' }).default(''),
});
export type WorkerProfileBody = z.input<typeof WorkerProfileBody>;

export const ConsentBody = z.object({
  kind: ConsentKind,
  version: z
    .string({ error: '请填写版本' })
    .trim()
    .min(1, { error: '请填写版本' })
    .max(20, { error: '版本最多20个字符' }),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const Consent = z.object({ kind: ConsentKind, version: z.string(), grantedAt: z.string() });

export const WorkerProfile = z.object({
  /** False until the first save; the other fields then hold defaults. */
  exists: z.boolean(),
  id: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  phone: z.string().nullable(),
  ethnicity: z.string(),
  education: EducationLevel.nullable(),
  homeRegionCode: z.string().nullable(),
  homeRegionName: z.string().nullable(),
  skills: z.array(z.object({ occupationId: z.string(), occupationName: z.string(), years: z.number().int() })),
  certificates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      number: z.string(),
      photoFileId: z.string().nullable(),
      /** Staff review (证书审核), and the reason of a rejection. */
      reviewStatus: z.enum(['pending', 'verified', 'rejected']),
      reviewReason: z.string().nullable(),
    }),
  ),
  availability: z.object({
    weekdays: z.array(z.number().int()),
    dayParts: z.array(DayPart),
    earliestStart: z.string().nullable(),
  }),
  expectedPay: z.object({ minFen: z.number().int(), unit: WageUnit }).nullable(),
  maxDistanceKm: z.number().int().nullable(),
  jobKinds: z.array(JobKind),
  priorityGroups: z.array(z.string()),
  priorityGroupsVerified: z.boolean(),
  /** Staff verification of the declared groups (画像管理): state, groups verified, reason of a rejection. */
  priorityReview: z.object({
    status: z.enum(['none', 'pending', 'verified', 'rejected']),
    verifiedGroups: z.array(z.string()),
    reason: z.string().nullable(),
  }),
  trainingIntentions: z.array(z.string()),
  bio: z.string(),
  completeness: z.object({ score: z.number().int(), hints: z.array(z.string()) }),
  consents: z.array(Consent),
  privacyPolicyVersion: z.string(),
  updatedAt: z.string().nullable(),
});
export type WorkerProfile = z.infer<typeof WorkerProfile>;

/** A certificate photo as base64 (JPG/PNG/WebP; the app shrinks it first). */
export const CertificatePhotoBody = z.object({
  image: z
    .string({ error: '请选择图片' })
    .min(1, { error: '请选择图片' })
    .max(1_000_000, { error: '图片太大，请换一张' })
    .regex(/^[A-Za-z0-9+/=\s]+$/, { error: '图片格式不正确' }),
});
export const UploadedFile = z.object({ fileId: z.string(), mime: z.string(), sizeBytes: z.number().int() });
export const FileIdParam = z.object({ fileId: z.uuid({ error: 'ID格式不正确' }) });
