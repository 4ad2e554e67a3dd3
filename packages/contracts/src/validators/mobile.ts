import { z } from 'zod';

/** Mainland mobile number: 11 digits starting 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;

/** The 11-digit number after stripping spaces, dashes and a leading +86 / 86; null if not a mobile number. */
export function normalizeMobile(input: string): string | null {
  let s = input.replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('86') && s.length === 13) s = s.slice(2);
  return MOBILE.test(s) ? s : null;
}

/** Mainland mobile number, normalised to 11 digits. */
export const MobilePhone = z
  .string({ error: '请填写手机号码' })
  .trim()
  .superRefine((s, ctx) => {
    if (s === '') ctx.addIssue({ code: 'custom', message: '请填写手机号码' });
    else if (normalizeMobile(s) === null) ctx.addIssue({ code: 'custom', message: '手机号码格式不正确' });
  })
  .overwrite((s) => normalizeMobile(s) ?? s);
export type MobilePhone = z.infer<typeof MobilePhone>;
