import { z } from 'zod';
import { GENDERS } from './enums.js';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { LedgerDate } from './services.js';
import { IdNumber } from './validators/id-number.js';
import { MobilePhone } from './validators/mobile.js';

// 就业信息采集: village-level household collection (户, 家庭成员, 外出务工, 零就业家庭, 需求, 回访).
// Village codes come from the division tree; personal data is encrypted at rest and masked out.

export const MEMBER_STATUSES = ['employed_local', 'migrant', 'flexible', 'unemployed', 'not_in_labour_force'] as const;
export const MemberStatus = z.enum(MEMBER_STATUSES, { error: '就业状态应为 本地就业/外出务工/灵活就业/失业/非劳动力' });
export type MemberStatus = z.infer<typeof MemberStatus>;
export const MEMBER_NEEDS = ['job', 'training', 'other'] as const;
export const MemberNeed = z.enum(MEMBER_NEEDS, { error: '需求应为 就业岗位/技能培训/其他' });
/** Statuses that count as working (a household with a working-age member in one is not 零就业). */
export const WORKING_STATUSES: readonly MemberStatus[] = ['employed_local', 'migrant', 'flexible'];

const Text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}最多${max}个字` })
    .default('');
const PersonName = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, { error: `${label}至少2个字` })
    .max(30, { error: `${label}最多30个字` });

const MemberFields = z.object({
  name: PersonName('姓名'),
  idNumber: IdNumber,
  phone: MobilePhone.nullable().default(null),
  relation: Text('与户主关系', 10),
  status: MemberStatus,
  migrantDestination: Text('务工地点', 60),
  migrantTrade: Text('务工工种', 30),
  migrantContact: Text('务工联系方式', 30),
  needs: z.array(MemberNeed).max(3, { error: '需求最多3项' }).default([]),
  needNote: Text('需求说明', 200),
});
const migrantComplete = (m: { status?: MemberStatus; migrantDestination?: string }) =>
  m.status !== 'migrant' || (m.migrantDestination ?? '') !== '';
const MIGRANT_ERROR = { error: '外出务工人员须填写务工地点', path: ['migrantDestination'] };
export const MemberBody = MemberFields.refine(migrantComplete, MIGRANT_ERROR);
export type MemberBody = z.infer<typeof MemberBody>;
export const UpdateMemberBody = MemberFields.partial();
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

const HouseholdFields = z.object({
  villageCode: RegionCode,
  headName: PersonName('户主姓名'),
  address: z
    .string({ error: '请填写住址' })
    .trim()
    .min(2, { error: '住址至少2个字' })
    .max(100, { error: '住址最多100个字' }),
  memberCount: z
    .number({ error: '家庭人口应为数字' })
    .int({ error: '家庭人口应为整数' })
    .min(1, { error: '家庭人口至少1人' })
    .max(30, { error: '家庭人口最多30人' }),
  collectedOn: LedgerDate,
  /** null: derived from the members; true/false: set by the collector. */
  zeroEmploymentOverride: z.boolean({ error: '零就业家庭标记应为是/否' }).nullable().default(null),
  note: Text('备注', 500),
});
export const CreateHouseholdBody = HouseholdFields.extend({
  members: z.array(MemberBody).max(30, { error: '成员最多30人' }).default([]),
});
export type CreateHouseholdBody = z.infer<typeof CreateHouseholdBody>;
export const UpdateHouseholdBody = HouseholdFields.omit({ villageCode: true }).partial();
export type UpdateHouseholdBody = z.infer<typeof UpdateHouseholdBody>;

export const CollectionMember = z.object({
  id: z.string(),
  householdId: z.string(),
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  gender: z.enum(GENDERS),
  age: z.number(),
  relation: z.string(),
  status: MemberStatus,
  migrantDestination: z.string(),
  migrantTrade: z.string(),
  migrantContactMasked: z.string(),
  needs: z.array(MemberNeed),
  needNote: z.string(),
});
export type CollectionMember = z.infer<typeof CollectionMember>;

export const CollectionFollowup = z.object({
  id: z.string(),
  householdId: z.string(),
  followedOn: z.string(),
  content: z.string(),
  nextDate: z.string().nullable(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
});
export type CollectionFollowup = z.infer<typeof CollectionFollowup>;

export const Household = z.object({
  id: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  headNameMasked: z.string(),
  addressMasked: z.string(),
  memberCount: z.number(),
  collectedMembers: z.number(),
  zeroEmployment: z.boolean(),
  zeroEmploymentDerived: z.boolean(),
  zeroEmploymentOverride: z.boolean().nullable(),
  collectedOn: z.string(),
  note: z.string(),
  recorderName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;
export const HouseholdDetail = Household.extend({
  members: z.array(CollectionMember),
  followups: z.array(CollectionFollowup),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;
export const HouseholdPage = pageOf(Household);

const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const PERIOD_ERROR = { error: '结束日期不能早于开始日期', path: ['to'] };
const Filters = z.object({
  town: RegionCode.optional(),
  village: RegionCode.optional(),
  zeroEmployment: z.enum(['true', 'false'], { error: '零就业家庭筛选应为 true 或 false' }).optional(),
  from: LedgerDate.optional(),
  to: LedgerDate.optional(),
});
export const HouseholdQuery = Filters.extend(PageQuery.shape).refine(ordered, PERIOD_ERROR);
export type HouseholdQuery = z.infer<typeof HouseholdQuery>;
export const CollectionExportQuery = Filters.extend({
  pii: z.enum(['masked', 'full'], { error: '导出方式应为 masked 或 full' }).default('masked'),
}).refine(ordered, PERIOD_ERROR);
export type CollectionExportQuery = z.infer<typeof CollectionExportQuery>;
export const CollectionIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });

export const CreateCollectionFollowupBody = z
  .object({
    followedOn: LedgerDate,
    content: z
      .string({ error: '请填写回访内容' })
      .trim()
      .min(2, { error: '回访内容至少2个字' })
      .max(500, { error: '回访内容最多500个字' }),
    nextDate: LedgerDate.nullable().default(null),
  })
  .refine((b) => !b.nextDate || b.nextDate >= b.followedOn, {
    error: '下次回访日期不能早于本次回访日期',
    path: ['nextDate'],
  });
export type CreateCollectionFollowupBody = z.infer<typeof CreateCollectionFollowupBody>;

/** Coverage of one town or village: collected households and members, 零就业家庭, villages covered. */
export const CoverageRow = z.object({
  code: z.string(),
  name: z.string(),
  placeholder: z.boolean(),
  villagesTotal: z.number(),
  villagesCovered: z.number(),
  households: z.number(),
  members: z.number(),
  zeroEmploymentFamilies: z.number(),
  migrants: z.number(),
  unemployed: z.number(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;
export const CoverageQuery = z.object({ town: RegionCode.optional() });
export const Coverage = z.object({
  level: z.enum(['town', 'village']),
  total: CoverageRow,
  items: z.array(CoverageRow),
});
export type Coverage = z.infer<typeof Coverage>;
