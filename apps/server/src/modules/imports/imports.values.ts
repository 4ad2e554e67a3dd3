import { normalizeMobile, parseIdNumber, type IdNumberInfo } from '@lingong/contracts';
import { SHANGHAI_OFFSET_MS, dayStart, shanghaiDay, shanghaiInstant } from '../../platform/reporting/shanghai-time.js';

// Cell parsers for paper-record imports. Each returns a value or a Chinese error message.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const EARLIEST = dayStart('2020-01-01').getTime();
const SKEW_MS = 5 * 60_000;
const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?$/;
export const LIST_SEPARATORS = /[、,，;；\s]+/;

/** A wall-clock time in Asia/Shanghai as an instant, or null when not a real calendar time. */
function shanghai(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return null;
  return shanghaiInstant(y, mo, d, h, mi, s);
}

/**
 * A time cell: an Excel date (its wall clock read as Asia/Shanghai) or text such as
 * '2025-10-01 09:30', '2025/10/1', '2025年10月1日'. Not in the future, not before 2020.
 */
export function parseInstant(cell: string | Date, now: Date): Parsed<Date> {
  let at: Date | null;
  if (cell instanceof Date) {
    at = Number.isNaN(cell.getTime()) ? null : new Date(cell.getTime() - SHANGHAI_OFFSET_MS);
  } else {
    const m = DATE_TEXT.exec(cell);
    at = m
      ? shanghai(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
      : null;
  }
  if (!at) return fail('时间格式不正确，应为 2025-10-01 或 2025-10-01 09:30');
  if (at.getTime() > now.getTime() + SKEW_MS) return fail('时间不能晚于当前时间');
  if (at.getTime() < EARLIEST) return fail('时间不能早于2020年');
  return ok(at);
}

/** A calendar day 'YYYY-MM-DD' (Asia/Shanghai) from an Excel date or text. */
export function parseDay(cell: string | Date): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('日期格式不正确，应为 2025-10-01');
    return ok(cell.toISOString().slice(0, 10));
  }
  const m = DATE_TEXT.exec(cell);
  const at = m && m[4] === undefined ? shanghai(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!m || !at) return fail('日期格式不正确，应为 2025-10-01');
  return ok(`${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`);
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export const dayOf = (at: Date) => shanghaiDay(at);

export function parseIdCell(cell: string, now: Date): Parsed<IdNumberInfo> {
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(cell)) return fail('身份证号码被Excel存成了数字，请将该列设为文本格式后重新填写');
  const r = parseIdNumber(cell, { now });
  return r.ok ? ok(r.value) : fail(r.reason);
}

export function parsePhoneCell(cell: string): Parsed<string> {
  const phone = normalizeMobile(cell);
  return phone ? ok(phone) : fail('手机号码格式不正确');
}

export function parseName(cell: string): Parsed<string> {
  const name = cell.replace(/\s+/g, '');
  if (name.length < 2) return fail('姓名至少2个字');
  if (name.length > 30) return fail('姓名最多30个字');
  return ok(name);
}

/** Split a list cell ('脱贫劳动力、残疾人'), de-duplicated. */
export const splitList = (cell: string) => [...new Set(cell.split(LIST_SEPARATORS).filter(Boolean))];

/** An enum cell given by its Chinese label or its code. */
export function parseLabel<K extends string>(cell: string, labels: Record<K, string>, what: string): Parsed<K> {
  for (const [code, label] of Object.entries(labels) as [K, string][])
    if (cell === label || cell === code) return ok(code);
  return fail(`${what}应为 ${Object.values(labels).join('/')}`);
}

/** Free text with a length limit. */
export function parseText(cell: string, max: number, required: string | null): Parsed<string> {
  if (!cell && required) return fail(required);
  if (cell.length > max) return fail(`最多${max}个字`);
  return ok(cell);
}
