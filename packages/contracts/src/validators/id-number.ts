import { z } from 'zod';
import type { ParseResult } from './result.js';

/** Chinese resident ID number (公民身份号码), GB 11643-1999. */

export type Gender = 'male' | 'female';

export interface IdNumberInfo {
  /** 18 chars, check char upper-case. */
  normalized: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  gender: Gender;
  /** 6-digit address code (县级行政区划代码). */
  regionCode: string;
}

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH = '1900-01-01';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The check char of a 17-digit body (ISO 7064 MOD 11-2). */
export function idNumberCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('ID number body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** 'YYYY-MM-DD' if the 8 digits are a real calendar date, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Today's date in Asia/Shanghai (no DST), 'YYYY-MM-DD'. */
function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Validates an ID number: length, region prefix (first digit 1-8), a real birth date between
 * 1900-01-01 and today (Asia/Shanghai), and the check char. Lower-case x is accepted.
 */
export function parseIdNumber(input: string, options: { now?: Date } = {}): ParseResult<IdNumberInfo> {
  const s = input.trim().toUpperCase();
  if (s === '') return { ok: false, reason: '请填写身份证号码' };
  if (s.length !== 18) return { ok: false, reason: '身份证号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: '身份证号码格式不正确' };
  if (!/^[1-8]/.test(s)) return { ok: false, reason: '身份证号码地区码不正确' };
  const birthDate = calendarDate(s.slice(6, 14));
  const today = shanghaiToday(options.now ?? new Date());
  if (birthDate === null || birthDate < EARLIEST_BIRTH || birthDate > today) {
    return { ok: false, reason: '身份证号码出生日期不正确' };
  }
  if (idNumberCheckChar(s.slice(0, 17)) !== s.charAt(17)) return { ok: false, reason: '身份证号码校验位不正确' };
  return {
    ok: true,
    value: {
      normalized: s,
      birthDate,
      gender: Number(s.charAt(16)) % 2 === 1 ? 'male' : 'female',
      regionCode: s.slice(0, 6),
    },
  };
}

/** Resident ID number: trimmed, validated, normalised to upper case. */
export const IdNumber = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .superRefine((s, ctx) => {
    const r = parseIdNumber(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .overwrite((s) => s.toUpperCase());
export type IdNumber = z.infer<typeof IdNumber>;

export interface MakeIdNumberOptions {
  /** 6-digit county code, or a 12-digit region code whose first 6 digits are used. */
  regionCode: string;
  /** 'YYYY-MM-DD' or 'YYYYMMDD', a real calendar date. */
  birthDate: string;
  /**
   * Without `gender`: the 3-digit order code itself (0-999; its parity gives the gender).
   * With `gender`: 0-499, mapped to order code seq*2 (+1 for male), so distinct seqs stay distinct.
   */
  seq: number;
  gender?: Gender;
}

/** Builds a valid ID number (demo data and test factories). */
export function makeIdNumber({ regionCode, birthDate, seq, gender }: MakeIdNumberOptions): string {
  const region = regionCode.length === 12 ? regionCode.slice(0, 6) : regionCode;
  if (!/^[1-8]\d{5}$/.test(region)) throw new RangeError(`invalid region code: ${regionCode}`);
  const date = birthDate.replaceAll('-', '');
  if (!/^\d{8}$/.test(date) || calendarDate(date) === null) throw new RangeError(`invalid birth date: ${birthDate}`);
  const maxSeq = gender === undefined ? 999 : 499;
  if (!Number.isInteger(seq) || seq < 0 || seq > maxSeq) throw new RangeError(`seq must be an integer 0-${maxSeq}`);
  const order = gender === undefined ? seq : seq * 2 + (gender === 'male' ? 1 : 0);
  const body = `${region}${date}${String(order).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}
