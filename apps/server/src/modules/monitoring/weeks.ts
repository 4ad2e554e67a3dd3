import { dayStart, shanghaiDay } from '../../platform/reporting/index.js';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus n days (calendar arithmetic in UTC, no time zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a calendar day falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The Monday of the Shanghai week an instant falls in. */
export function weekOf(instant: Date): string {
  return mondayOf(shanghaiDay(instant));
}

/** The instant a week ends (the next Monday 00:00 Shanghai). */
export function weekEnd(week: string): Date {
  return dayStart(addDays(week, 7));
}

/** The `count` weeks ending with `last`, oldest first. */
export function weeksUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, -7 * (count - 1 - i)));
}
