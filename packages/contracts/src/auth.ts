import { z } from 'zod';
import { MobilePhone } from './validators/mobile.js';
import { Permission, Role, StaffRole } from './rbac.js';

export const SmsPurpose = z.enum(['login', 'sign'], { error: '短信用途不正确' });

export const SendSmsCodeBody = z.object({ phone: MobilePhone, purpose: SmsPurpose.default('login') });
export type SendSmsCodeBody = z.infer<typeof SendSmsCodeBody>;
export const SendSmsCodeResult = z.object({
  sent: z.literal(true),
  cooldownSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});

export const SmsCode = z.string({ error: '请填写验证码' }).regex(/^\d{6}$/, { error: '验证码应为6位数字' });
export const PhoneLoginBody = z.object({ phone: MobilePhone, code: SmsCode });
export type PhoneLoginBody = z.infer<typeof PhoneLoginBody>;

export const StaffLoginBody = z.object({
  username: z
    .string({ error: '请填写用户名' })
    .trim()
    .min(1, { error: '请填写用户名' })
    .max(64, { error: '用户名最多64个字符' }),
  password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(128, { error: '密码最多128个字符' }),
  /** Authenticator code (6 digits) or a recovery code, when the account has a second factor. */
  totp: z.string().trim().max(20).optional(),
});
export type StaffLoginBody = z.infer<typeof StaffLoginBody>;

export const EmployerMembership = z.object({
  employerId: z.string(),
  employerName: z.string(),
  role: z.enum(['owner', 'member']),
});

export const AppUser = z.object({
  id: z.string(),
  phoneMasked: z.string(),
  displayName: z.string().nullable(),
  roles: z.array(Role),
  employers: z.array(EmployerMembership),
});
export type AppUser = z.infer<typeof AppUser>;

export const StaffUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  permissions: z.array(Permission),
  regionCode: z.string(),
  regionName: z.string(),
  /** An authenticator (TOTP) is bound to the account. */
  totpEnabled: z.boolean(),
  /** The account's roles require a second factor (enrol before anything else when not yet bound). */
  totpRequired: z.boolean(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const AppLoginResult = z.object({ user: AppUser, token: z.string(), expiresAt: z.string() });
export type AppLoginResult = z.infer<typeof AppLoginResult>;
export const StaffLoginResult = z.object({ staff: StaffUser, token: z.string(), expiresAt: z.string() });
export type StaffLoginResult = z.infer<typeof StaffLoginResult>;

export const DevLatestSmsQuery = z.object({ phone: MobilePhone });
export const DevLatestSms = z.object({ phone: z.string(), code: z.string(), purpose: z.string(), sentAt: z.string() });

/** Start binding an authenticator: the secret (base32) and the otpauth:// URI for the QR code. */
export const TotpSetupResult = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The URI as a QR code (PNG data URL) to scan with the authenticator app. */
  qrDataUrl: z.string(),
});
export type TotpSetupResult = z.infer<typeof TotpSetupResult>;
export const TotpCodeBody = z.object({ code: z.string().trim().min(6).max(20) });
export type TotpCodeBody = z.infer<typeof TotpCodeBody>;
/** Binding confirmed: one-time recovery codes, shown once. */
export const TotpConfirmResult = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpConfirmResult = z.infer<typeof TotpConfirmResult>;
export const StepUpResult = z.object({ stepUpUntil: z.string() });
export type StepUpResult = z.infer<typeof StepUpResult>;
