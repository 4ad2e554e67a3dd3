import { z } from 'zod';
import type { ParseResult } from './result.js';

/** Unified social credit code (统一社会信用代码), GB 32100-2015. */

export interface UsccInfo {
  /** 18 chars, upper case. */
  normalized: string;
  /** 6-digit admin region of the registering authority. */
  regionCode: string;
}

/** The 31 code chars (no I O Z S V); a char's value is its index. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31, i = 0..16. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
/** GB 11714 organisation code weights for its 8 body chars. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Registration authorities: 1-9 (编制, 外交, 司法, 文化, 民政, 旅游, 宗教, 工会, 市场监管), A (军队), N (农业), Y (其他). */
const AUTHORITY = /^[1-9ANY]$/;

/** Check char of a 17-char body: 31 - (Σ value·3^i mod 31), 31 maps to 0. */
export function usccCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('USCC body must be 17 chars');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(body17.charAt(i));
    if (v < 0) throw new RangeError(`invalid USCC char: ${body17.charAt(i)}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 check char of an 8-char organisation code body: 11 - (Σ mod 11); 10 is X, 11 is 0. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('organisation code body must be 8 chars 0-9 A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8.charAt(i), 36) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : String(c % 11);
}

/**
 * Validates a USCC: charset, registration authority, organisation type, region, the embedded
 * organisation code's GB 11714 check char and the final check char. Lower case is accepted.
 */
export function parseUscc(input: string): ParseResult<UsccInfo> {
  const s = input.trim().toUpperCase();
  if (s === '') return { ok: false, reason: '请填写统一社会信用代码' };
  if (s.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  if (![...s].every((c) => CHARSET.includes(c))) {
    return { ok: false, reason: '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）' };
  }
  if (!AUTHORITY.test(s.charAt(0)) || !/^[1-9]$/.test(s.charAt(1))) {
    return { ok: false, reason: '统一社会信用代码登记管理部门或机构类别不正确' };
  }
  const regionCode = s.slice(2, 8);
  if (!/^[1-8]\d{5}$/.test(regionCode)) return { ok: false, reason: '统一社会信用代码行政区划码不正确' };
  if (orgCodeCheckChar(s.slice(8, 16)) !== s.charAt(16)) {
    return { ok: false, reason: '统一社会信用代码中的组织机构代码不正确' };
  }
  if (usccCheckChar(s.slice(0, 17)) !== s.charAt(17)) return { ok: false, reason: '统一社会信用代码校验位不正确' };
  return { ok: true, value: { normalized: s, regionCode } };
}

/** Unified social credit code: trimmed, validated, normalised to upper case. */
export const Uscc = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .superRefine((s, ctx) => {
    const r = parseUscc(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .overwrite((s) => s.toUpperCase());
export type Uscc = z.infer<typeof Uscc>;

/** Appends the check char to a 17-char body. */
export function makeUscc(body17: string): string {
  return body17 + usccCheckChar(body17);
}

export interface MakeUsccBodyOptions {
  /** 6-digit county code, or a 12-digit region code whose first 6 digits are used. */
  regionCode: string;
  /** 0-99999999; becomes the 8-digit organisation code body. */
  seed: number;
  /** Authority + organisation type, default '91' (工商 · 企业). */
  typeCode?: string;
}

/** Builds a 17-char body whose organisation code carries a valid GB 11714 check char. */
export function makeUsccBody({ regionCode, seed, typeCode = '91' }: MakeUsccBodyOptions): string {
  const region = regionCode.length === 12 ? regionCode.slice(0, 6) : regionCode;
  if (!/^[1-8]\d{5}$/.test(region)) throw new RangeError(`invalid region code: ${regionCode}`);
  if (!/^[1-9ANY][1-9]$/.test(typeCode)) throw new RangeError(`invalid type code: ${typeCode}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 99_999_999)
    throw new RangeError('seed must be an integer 0-99999999');
  const org = String(seed).padStart(8, '0');
  return `${typeCode}${region}${org}${orgCodeCheckChar(org)}`;
}
