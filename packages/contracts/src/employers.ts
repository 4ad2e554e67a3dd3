import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { EMPLOYER_SIZE_LIST } from './labels.js';
import { IdNumber } from './validators/id-number.js';
import { MobilePhone } from './validators/mobile.js';
import { Uscc } from './validators/uscc.js';

export const EMPLOYER_KINDS = ['enterprise', 'individual_business', 'private_person', 'public_institution'] as const;
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected', 'suspended'] as const;
export const EmployerKind = z.enum(EMPLOYER_KINDS, {
  error: '单位类型应为 企业/个体工商户/个人雇主/事业单位',
});
export type EmployerKind = z.infer<typeof EmployerKind>;
export const VerificationStatus = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof VerificationStatus>;
/** Sizes as stored (the same words the ledger shows). */
export const EMPLOYER_SIZES = EMPLOYER_SIZE_LIST;
export const EmployerSize = z.enum(EMPLOYER_SIZES, { error: '规模应为 10人以下/10-49人/50-299人/300人以上' });

const Lng = z
  .number({ error: '经度应为数字' })
  .min(73, { error: '经度超出中国范围' })
  .max(136, { error: '经度超出中国范围' });
const Lat = z
  .number({ error: '纬度应为数字' })
  .min(3, { error: '纬度超出中国范围' })
  .max(54, { error: '纬度超出中国范围' });

/**
 * Register (POST) or edit (PUT) an employer. A private person is identified by an ID number;
 * every other kind by a unified social credit code.
 */
export const EmployerBody = z
  .object({
    kind: EmployerKind,
    name: z
      .string({ error: '请填写单位名称' })
      .trim()
      .min(2, { error: '单位名称至少2个字' })
      .max(60, { error: '单位名称最多60个字' }),
    uscc: Uscc.nullable().default(null),
    idNumber: IdNumber.nullable().default(null),
    townCode: RegionCode,
    address: z
      .string({ error: '请填写地址' })
      .trim()
      .min(2, { error: '地址至少2个字' })
      .max(200, { error: '地址最多200个字' }),
    lng: Lng.nullable().default(null),
    lat: Lat.nullable().default(null),
    industry: z.string().trim().max(30, { error: '所属行业最多30个字' }).default(''),
    size: EmployerSize.nullable().default(null),
    contactName: z
      .string({ error: '请填写联系人' })
      .trim()
      .min(1, { error: '请填写联系人' })
      .max(30, { error: '联系人最多30个字' }),
    contactPhone: MobilePhone,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'private_person') {
      if (!b.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '个人雇主请填写身份证号码' });
    } else if (!b.uscc) ctx.addIssue({ code: 'custom', path: ['uscc'], message: '请填写统一社会信用代码' });
    if ((b.lng === null) !== (b.lat === null))
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '经纬度应同时填写' });
  });
export type EmployerBody = z.input<typeof EmployerBody>;

export const Employer = z.object({
  id: z.string(),
  name: z.string(),
  kind: EmployerKind,
  uscc: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  townCode: z.string(),
  townName: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  industry: z.string(),
  size: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  verificationStatus: VerificationStatus,
  verificationReason: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** The caller's role (app views) or null (staff views). */
  myRole: z.enum(['owner', 'member']).nullable(),
  createdAt: z.string(),
});
export type Employer = z.infer<typeof Employer>;
export const EmployerList = z.object({ items: z.array(Employer) });

export const InvitationBody = z.object({ phone: MobilePhone });
export const Invitation = z.object({
  id: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  phoneMasked: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked']),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ items: z.array(Invitation) });
export const EmployerIdParam = z.object({ employerId: z.uuid({ error: 'ID格式不正确' }) });
export const InvitationParams = z.object({
  employerId: z.uuid({ error: 'ID格式不正确' }),
  invitationId: z.uuid({ error: 'ID格式不正确' }),
});

/** Console: employers in scope, by verification status. */
export const AdminEmployerQuery = PageQuery.extend({
  town: RegionCode.optional(),
  status: VerificationStatus.optional(),
});
export const AdminEmployerSummary = Employer.omit({ myRole: true }).extend({ contactPhone: z.string().nullable() });
export const AdminEmployerPage = pageOf(AdminEmployerSummary);

export const VerifyEmployerBody = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '审核结果应为 通过 或 驳回' }),
    reason: z.string().trim().max(200, { error: '理由最多200个字' }).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && b.reason.length < 2)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回时请填写理由（至少2个字）' });
  });
export type VerifyEmployerBody = z.input<typeof VerifyEmployerBody>;

export { EMPLOYER_KIND_LABELS, VERIFICATION_STATUS_LABELS } from './labels.js';
