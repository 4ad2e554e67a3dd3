// Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving): the one place that adds the
// eight hours. Days are 'YYYY-MM-DD' strings; instants are Dates in UTC.

/** Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const OFFSET_MS = SHANGHAI_OFFSET_MS;
const DAY_MS = 86_400_000;

/** The wall clock in Shanghai as an ISO string without the zone, 'YYYY-MM-DDTHH:mm:ss.sss'. */
export function shanghaiIso(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 23);
}

/** 'YYYY-MM-DD HH:mm' in Shanghai. */
export function shanghaiMinuteOf(instant: Date): string {
  const shifted = shanghaiIso(instant);
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** 'YYYY-MM-DD HH:mm' in Shanghai of an ISO instant. */
export function shanghaiTime(iso: string): string {
  return shanghaiMinuteOf(new Date(Date.parse(iso)));
}

/** 'YYYY-MM-DD HH:mm' in Shanghai of an ISO instant; '' for none. */
export function shanghaiMinute(iso: string | null): string {
  return iso ? shanghaiTime(iso) : '';
}

/** The Shanghai day of an instant as 'YYYYMMDD' (file names). */
export function compactDay(instant: Date): string {
  return shanghaiDay(instant).replaceAll('-', '');
}

/** The Shanghai calendar day `days` after the one an instant falls on, 'YYYY-MM-DD'. */
export function shanghaiDayPlus(instant: Date, days: number): string {
  return shanghaiDay(new Date(instant.getTime() + days * DAY_MS));
}

/** The instant the Shanghai day of `instant` started. */
export function startOfShanghaiDay(instant: Date): Date {
  return dayStart(shanghaiDay(instant));
}

/** The instant of a Shanghai wall-clock time (month 1-12; no range check). */
export function shanghaiInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS);
}

/** The instant of HH:MM on a Shanghai calendar day ('YYYY-MM-DD'). */
export function shanghaiAt(day: string, hour: number, minute = 0): Date {
  return new Date(dayStart(day).getTime() + (hour * 60 + minute) * 60_000);
}

/**
 * When a day's work starts: the first HH:MM in the work hours text ('08:00-17:00', '8：30起'),
 * else 08:00, Shanghai time. Hires, attendance and late-cancel credit rules share it.
 */
export function workStartAt(day: string, workHours: string): Date {
  const m = /(\d{1,2})[:：](\d{2})/.exec(workHours);
  return m ? shanghaiAt(day, Math.min(23, Number(m[1])), Math.min(59, Number(m[2]))) : shanghaiAt(day, 8);
}

/** The Shanghai calendar day of an instant, 'YYYY-MM-DD'. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day ('YYYY-MM-DD') starts. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** The instant after the last moment of a Shanghai day (the next day's start). */
export function dayEnd(day: string): Date {
  return new Date(dayStart(day).getTime() + DAY_MS);
}

/** [start, end) instants of an inclusive day range; either side may be open. */
export function instantRange(q: { from?: string; to?: string }): { start?: Date; end?: Date } {
  return { start: q.from ? dayStart(q.from) : undefined, end: q.to ? dayEnd(q.to) : undefined };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of a month, 'YYYY-MM-DD'. */
export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Every month ('YYYY-MM') touched by an inclusive day range, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= endKey) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Number of days in an inclusive day range. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
}

export type ResolvedPeriod = {
  kind: 'year' | 'half' | 'month' | 'range';
  year: number;
  key: string;
  label: string;
  from: string;
  to: string;
};

/**
 * The period a KPI query names: a custom range (from + to) wins, then a month or a half of the
 * year, then the whole year; the year defaults to the current Shanghai year.
 */
export function resolvePeriod(
  q: { year?: number; half?: number; month?: number; from?: string; to?: string },
  now: Date,
): ResolvedPeriod {
  const year = q.year ?? Number(shanghaiDay(now).slice(0, 4));
  if (q.from && q.to)
    return {
      kind: 'range',
      year: Number(q.from.slice(0, 4)),
      key: `${q.from}~${q.to}`,
      label: `${q.from} 至 ${q.to}`,
      from: q.from,
      to: q.to,
    };
  if (q.month)
    return {
      kind: 'month',
      year,
      key: `${year}-${pad(q.month)}`,
      label: `${year}年${q.month}月`,
      from: `${year}-${pad(q.month)}-01`,
      to: lastDayOfMonth(year, q.month),
    };
  if (q.half === 1)
    return {
      kind: 'half',
      year,
      key: `${year}-H1`,
      label: `${year}年上半年`,
      from: `${year}-01-01`,
      to: `${year}-06-30`,
    };
  if (q.half === 2)
    return {
      kind: 'half',
      year,
      key: `${year}-H2`,
      label: `${year}年下半年`,
      from: `${year}-07-01`,
      to: `${year}-12-31`,
    };
  return { kind: 'year', year, key: String(year), label: `${year}年度`, from: `${year}-01-01`, to: `${year}-12-31` };
}
