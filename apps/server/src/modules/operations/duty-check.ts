import type { DutyDay } from '@lingong/contracts';

// The daily staffing check: at least MIN_ON_DUTY staff on site through the service hours.

export const MIN_ON_DUTY = 3;
type Shift = { staffId: string; onTime: string; offTime: string };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One day's verdict: the fewest staff on site at any minute of [open, close), and why it fails. */
export function checkDay(
  date: string,
  shifts: Shift[],
  hours: { open: string; close: string },
  required = MIN_ON_DUTY,
): DutyDay {
  const open = minutes(hours.open);
  const close = minutes(hours.close);
  const base = {
    date,
    staffCount: new Set(shifts.map((s) => s.staffId)).size,
    required,
    open: hours.open,
    close: hours.close,
  };
  if (shifts.length === 0) return { ...base, minOnSite: 0, met: false, reason: '当日无值班记录' };
  // Staff present per minute (a person counted once even with two shifts).
  const present: Set<string>[] = Array.from({ length: close - open }, () => new Set());
  for (const s of shifts)
    for (let m = Math.max(open, minutes(s.onTime)); m < Math.min(close, minutes(s.offTime)); m++)
      present[m - open]?.add(s.staffId);
  const counts = present.map((p) => p.size);
  const minOnSite = counts.length ? Math.min(...counts) : 0;
  if (minOnSite >= required)
    return { ...base, minOnSite, met: true, reason: `${hours.open}-${hours.close} 在岗均不少于${required}人` };
  // The gaps: maximal runs of minutes below the requirement.
  const gaps: string[] = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const short = i < counts.length && (counts[i] ?? 0) < required;
    if (short && start < 0) start = i;
    if (!short && start >= 0) {
      const fewest = Math.min(...counts.slice(start, i));
      gaps.push(`${clock(open + start)}-${clock(open + i)} 在岗${fewest}人`);
      start = -1;
    }
  }
  return {
    ...base,
    minOnSite,
    met: false,
    reason: `少于${required}人：${gaps.slice(0, 3).join('；')}${gaps.length > 3 ? ` 等${gaps.length}段` : ''}`,
  };
}

/** Every day of an inclusive range, 'YYYY-MM-DD'. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
