import { z } from 'zod';

const FULL_WIDTH = /[\uff10-\uff19\uff0d\u2010-\u2015\u2212]/g;

/** Normalise a national code as typed: full-width digits and dashes, spaces. */
export function normaliseNationalCode(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => (c >= '\uff10' && c <= '\uff19' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : '-'))
    .replace(/\s+/g, '');
}

/**
 * 国家职业分类大典 code, checked loosely: a full occupation code 'd-dd-dd-dd' ('6-29-01-01'), or
 * the code of a major, middle or minor group ('6', '6-29', '6-29-01') for categories.
 */
export const NATIONAL_CODE_PATTERN = /^\d(-\d{2}){0,3}$/;

export const NationalCode = z
  .string({ error: '国家职业分类代码应为文字' })
  .transform(normaliseNationalCode)
  .refine((v) => v === '' || NATIONAL_CODE_PATTERN.test(v), { error: '国家职业分类代码格式应为 6-29-01-01' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

const OccupationName = z
  .string({ error: '请填写工种名称' })
  .trim()
  .min(1, { error: '请填写工种名称' })
  .max(30, { error: '工种名称最多30个字' });
const SkillTags = z
  .array(z.string().trim().min(1, { error: '技能标签不能为空' }).max(20, { error: '每个技能标签最多20个字' }), {
    error: '技能标签应为列表',
  })
  .max(30, { error: '技能标签最多30个' })
  .transform((tags) => [...new Set(tags)]);
const Sort = z
  .number({ error: '排序应为数字' })
  .int({ error: '排序应为整数' })
  .min(0, { error: '排序不能为负数' })
  .max(100000, { error: '排序最大100000' });
const ParentId = z.uuid({ error: '上级工种ID格式不正确' }).nullable();

export const AdminOccupation = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  parentId: z.string().nullable(),
  nationalCode: z.string().nullable(),
  skillTags: z.array(z.string()),
  category: z.boolean(),
  sort: z.number().int(),
  disabled: z.boolean(),
  disabledAt: z.string().nullable(),
});
export type AdminOccupation = z.infer<typeof AdminOccupation>;
export const AdminOccupationList = z.object({ items: z.array(AdminOccupation) });

export const CreateOccupationBody = z.object({
  name: OccupationName,
  parentId: ParentId.default(null),
  nationalCode: NationalCode.default(null),
  skillTags: SkillTags.default([]),
  category: z.boolean({ error: '是否类别应为是/否' }).default(false),
  sort: Sort.default(0),
});
export type CreateOccupationBody = z.infer<typeof CreateOccupationBody>;

export const UpdateOccupationBody = z
  .object({
    name: OccupationName.optional(),
    nationalCode: NationalCode.optional(),
    skillTags: SkillTags.optional(),
    category: z.boolean({ error: '是否类别应为是/否' }).optional(),
    sort: Sort.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: '没有要修改的内容' });
export type UpdateOccupationBody = z.infer<typeof UpdateOccupationBody>;

export const MoveOccupationBody = z.object({ parentId: ParentId, sort: Sort.optional() });
export type MoveOccupationBody = z.infer<typeof MoveOccupationBody>;

export const OccupationChange = z.object({
  id: z.number().int(),
  action: z.string(),
  oldValue: z.record(z.string(), z.unknown()).nullable(),
  newValue: z.record(z.string(), z.unknown()).nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export const OccupationHistory = z.object({ items: z.array(OccupationChange) });
export type OccupationChange = z.infer<typeof OccupationChange>;

/** An .xlsx file, base64-encoded (JSON keeps the console's one API client). */
export const OccupationImportBody = z.object({
  file: z.base64({ error: '请上传 Excel 文件（.xlsx）' }).max(1_000_000, { error: '文件过大（最多约700KB）' }),
});
export type OccupationImportBody = z.infer<typeof OccupationImportBody>;
export const OccupationImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type OccupationImportResult = z.infer<typeof OccupationImportResult>;
