import { z } from 'zod';
import { GENDERS } from './enums.js';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { PriorityGroup } from './worker-profile.js';

// 画像管理: tags (system-derived and staff-assigned), priority-group verification, completeness,
// saved segments; and the certificates review queue (证书审核).

/** Tags the system derives from a profile (not stored). 工种 names are shown as tags too. */
export const SYSTEM_TAGS = ['4050人员', '持证', '活跃', '有培训意愿'] as const;
export const SystemTag = z.enum(SYSTEM_TAGS);

/** A comma-separated or repeated query parameter as a list. */
const list = <T extends z.ZodType>(item: T, max: number, tooMany: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max, { error: tooMany }).default([]),
  );

const TagName = z
  .string({ error: '请填写标签' })
  .trim()
  .min(1, { error: '请填写标签' })
  .max(20, { error: '标签最多20个字' });
const Age = z.coerce
  .number({ error: '年龄应为数字' })
  .int({ error: '年龄应为整数' })
  .min(16, { error: '年龄不能小于16' })
  .max(100, { error: '年龄不能大于100' });

const filterShape = {
  towns: list(RegionCode, 20, '乡镇最多选20个'),
  occupationIds: list(z.uuid({ error: '工种不正确' }), 20, '工种最多选20个'),
  priorityGroups: list(PriorityGroup, 10, '重点群体最多选10个'),
  priorityGroupMode: z.enum(['declared', 'verified'], { error: '重点群体口径应为 自报 或 已核验' }).default('declared'),
  tags: list(TagName, 10, '标签最多选10个'),
  ageMin: Age.nullable().default(null),
  ageMax: Age.nullable().default(null),
};
const ageOrder = (f: { ageMin: number | null; ageMax: number | null }, ctx: z.RefinementCtx, prefix: string[] = []) => {
  if (f.ageMin !== null && f.ageMax !== null && f.ageMin > f.ageMax)
    ctx.addIssue({ code: 'custom', path: [...prefix, 'ageMax'], message: '最大年龄不能小于最小年龄' });
};

/** A segment filter: towns, 工种, priority groups (declared or verified), tags and an age range. */
export const SegmentFilter = z.object(filterShape).superRefine((f, ctx) => ageOrder(f, ctx));
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** The 画像 list: a segment filter applied live, paged. */
export const ProfileQuery = PageQuery.extend(filterShape).superRefine((f, ctx) => ageOrder(f, ctx));
export type ProfileQuery = z.input<typeof ProfileQuery>;

export const PriorityStatus = z.enum(['none', 'pending', 'verified', 'rejected']);
export type PriorityStatus = z.infer<typeof PriorityStatus>;

export const ProfileRow = z.object({
  id: z.string(),
  nameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  age: z.number().int().nullable(),
  homeRegionCode: z.string(),
  homeRegionName: z.string(),
  occupationNames: z.array(z.string()),
  priorityGroups: z.array(z.string()),
  priorityGroupsVerified: z.array(z.string()),
  priorityStatus: PriorityStatus,
  priorityReviewReason: z.string().nullable(),
  systemTags: z.array(z.string()),
  staffTags: z.array(z.object({ id: z.string(), name: z.string() })),
  completeness: z.number().int(),
});
export type ProfileRow = z.infer<typeof ProfileRow>;
export const ProfilePage = pageOf(ProfileRow);

export const CertificateReviewStatus = z.enum(['pending', 'verified', 'rejected'], { error: '证书审核状态不正确' });
export const ProfileDetail = ProfileRow.extend({
  completenessHints: z.array(z.string()),
  certificates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.string(),
      number: z.string(),
      reviewStatus: CertificateReviewStatus,
      reviewReason: z.string().nullable(),
    }),
  ),
});
export type ProfileDetail = z.infer<typeof ProfileDetail>;

export const AddTagBody = z.object({ name: TagName });
export type AddTagBody = z.input<typeof AddTagBody>;
export const TagParams = z.object({
  id: z.uuid({ error: 'ID格式不正确' }),
  tagId: z.uuid({ error: '标签ID格式不正确' }),
});

const Reason = z.string().trim().max(200, { error: '理由最多200个字' }).default('');

/** Verify (all or some of) a worker's declared priority groups, or reject them with a reason. */
export const PriorityReviewBody = z
  .object({
    decision: z.enum(['verify', 'reject'], { error: '核验结果应为 核验通过 或 驳回' }),
    /** The declared groups confirmed; omitted: all declared groups. */
    groups: z.array(PriorityGroup).max(10).optional(),
    reason: Reason,
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && b.reason.length < 2)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回时请填写理由（至少2个字）' });
  });
export type PriorityReviewBody = z.input<typeof PriorityReviewBody>;

export const SegmentBody = z.object({
  name: z
    .string({ error: '请填写分组名称' })
    .trim()
    .min(2, { error: '分组名称至少2个字' })
    .max(40, { error: '分组名称最多40个字' }),
  filter: SegmentFilter,
});
export type SegmentBody = z.input<typeof SegmentBody>;
export const Segment = z.object({
  id: z.string(),
  name: z.string(),
  filter: SegmentFilter,
  regionCode: z.string(),
  count: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Segment = z.infer<typeof Segment>;
export const SegmentList = z.object({ items: z.array(Segment) });
export type SegmentList = z.infer<typeof SegmentList>;
export const SegmentCount = z.object({ count: z.number().int() });
export type SegmentCount = z.infer<typeof SegmentCount>;

export const CertificateReviewQuery = PageQuery.extend({
  town: RegionCode.optional(),
  status: CertificateReviewStatus.default('pending'),
});
export type CertificateReviewQuery = z.input<typeof CertificateReviewQuery>;
export const CertificateReviewRow = z.object({
  id: z.string(),
  workerId: z.string(),
  workerNameMasked: z.string(),
  homeRegionCode: z.string(),
  homeRegionName: z.string(),
  name: z.string(),
  level: z.string(),
  number: z.string(),
  photoFileId: z.string().nullable(),
  reviewStatus: CertificateReviewStatus,
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CertificateReviewRow = z.infer<typeof CertificateReviewRow>;
export const CertificateReviewPage = pageOf(CertificateReviewRow);
export const CertificateDecisionBody = z
  .object({
    ids: z
      .array(z.uuid({ error: 'ID格式不正确' }), { error: '请选择证书' })
      .min(1, { error: '请至少选择一个证书' })
      .max(100, { error: '一次最多审核100个证书' })
      .refine((ids) => new Set(ids).size === ids.length, { error: '证书不能重复' }),
    decision: z.enum(['approve', 'reject'], { error: '审核结果应为 通过 或 驳回' }),
    reason: Reason,
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && b.reason.length < 2)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回时请填写理由（至少2个字）' });
  });
export type CertificateDecisionBody = z.input<typeof CertificateDecisionBody>;
export const CertificateDecisionResult = z.object({ updated: z.number().int() });
export type CertificateDecisionResult = z.infer<typeof CertificateDecisionResult>;

/** Tag names for the pickers: the system tags and the staff tags in use in the caller's region. */
export const TagNames = z.object({ system: z.array(z.string()), staff: z.array(z.string()) });
export type TagNames = z.infer<typeof TagNames>;
export const SegmentMembersQuery = PageQuery;
export const SegmentCountBody = z.object({ filter: SegmentFilter });
export type SegmentCountBody = z.input<typeof SegmentCountBody>;

/** A push may target a saved segment instead of the workers with a matching training need. */
export const PushTargetQuery = z.object({ segmentId: z.uuid({ error: '人群分组ID格式不正确' }).optional() });
export type PushTargetQuery = z.input<typeof PushTargetQuery>;
