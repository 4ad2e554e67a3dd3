import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { StaffRole } from './rbac.js';

const Username = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { error: '用户名为3-32位字母、数字、下划线、点或横线，以字母开头' });
const StaffName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(2, { error: '姓名至少2个字' })
  .max(30, { error: '姓名最多30个字' });
/** At least 8 characters with letters and digits. */
export const StaffPassword = z
  .string({ error: '请填写密码' })
  .min(8, { error: '密码至少8位' })
  .max(128, { error: '密码最多128位' })
  .refine((p) => /[a-zA-Z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' });
const Roles = z
  .array(StaffRole, { error: '请选择角色' })
  .min(1, { error: '至少选择一个角色' })
  .max(5, { error: '角色最多5个' });

export const StaffListQuery = PageQuery.extend({
  q: z.string().trim().max(50, { error: '搜索词最多50个字' }).optional(),
  role: StaffRole.optional(),
  status: z.enum(['active', 'disabled'], { error: '状态应为 active 或 disabled' }).optional(),
  region: RegionCode.optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;
export const StaffAccountPage = pageOf(StaffAccount);

export const CreateStaffBody = z.object({
  username: Username,
  name: StaffName,
  roles: Roles,
  regionCode: RegionCode,
  password: StaffPassword,
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z
  .object({ name: StaffName.optional(), roles: Roles.optional(), regionCode: RegionCode.optional() })
  .refine((b) => b.name !== undefined || b.roles !== undefined || b.regionCode !== undefined, {
    error: '没有要修改的内容',
  });
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const ResetStaffPasswordBody = z.object({ password: StaffPassword });
export type ResetStaffPasswordBody = z.infer<typeof ResetStaffPasswordBody>;

/** Optional reason for disabling or enabling; the body may be omitted. */
export const StaffReasonBody = z
  .object({ reason: z.string().trim().max(200, { error: '原因最多200个字' }).default('') })
  .nullish();
export type StaffReasonBody = z.input<typeof StaffReasonBody>;
