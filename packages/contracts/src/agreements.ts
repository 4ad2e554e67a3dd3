import { z } from 'zod';

/** 工作协议 states (DOMAIN.md): draft -> signed_by_one -> signed -> (terminated | fulfilled). */
export const AGREEMENT_STATUSES = ['draft', 'signed_by_one', 'signed', 'terminated', 'fulfilled'] as const;
export const AgreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof AgreementStatus>;
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: '待签署',
  signed_by_one: '一方已签',
  signed: '已签署',
  terminated: '已终止',
  fulfilled: '已履行',
};

const Sm3Hex = z
  .string({ error: '请提供协议摘要' })
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, { error: '协议摘要应为64位十六进制' });
const Consent = z.literal(true, { error: '请先阅读协议并勾选同意' });

/** The agreement of an application, as one of its two parties sees it. */
export const Agreement = z.object({
  id: z.string(),
  number: z.string(),
  applicationId: z.string(),
  status: AgreementStatus,
  statusLabel: z.string(),
  templateVersion: z.number().int(),
  title: z.string(),
  text: z.string(),
  textHash: z.string(),
  workerSignedAt: z.string().nullable(),
  employerSignedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The caller's side, and whether that side may sign now. */
  mySide: z.enum(['worker', 'employer']),
  canSign: z.boolean(),
  verifyUrl: z.string(),
});
export type Agreement = z.infer<typeof Agreement>;

/** Ask for a signing code: the signer has read the text and ticks consent. */
export const SignCodeBody = z.object({ consent: Consent });
export const SignCodeResult = z.object({
  cooldownSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
  phoneMasked: z.string(),
});
/** Sign: the SMS code plus the hash of the text the signer saw. */
export const SignBody = z.object({
  consent: Consent,
  code: z
    .string({ error: '请输入验证码' })
    .trim()
    .regex(/^\d{6}$/, { error: '验证码应为6位数字' }),
  textHash: Sm3Hex,
});
export type SignBody = z.infer<typeof SignBody>;

/** Public verification by number and hash (no login). */
export const VerifyAgreementQuery = z.object({
  number: z
    .string({ error: '请填写协议编号' })
    .trim()
    .toUpperCase()
    .regex(/^LZXY-\d{4}-\d{6}$/, { error: '协议编号格式应为 LZXY-2026-000123' }),
  hash: Sm3Hex,
});
export const AgreementVerification = z.object({
  valid: z.boolean(),
  message: z.string(),
  number: z.string(),
  status: AgreementStatus.nullable(),
  statusLabel: z.string().nullable(),
  jobTitle: z.string().nullable(),
  employerName: z.string().nullable(),
  workerName: z.string().nullable(),
  workerSignedAt: z.string().nullable(),
  employerSignedAt: z.string().nullable(),
});
export type AgreementVerification = z.infer<typeof AgreementVerification>;
