export const TIME_ZONE = 'Asia/Shanghai';

export {
  WAGE_UNIT_LABELS,
  JOB_KIND_LABELS as KIND_LABELS,
  SETTLEMENT_LABELS,
  GENDER_LABELS,
  REGISTRATION_CHANNEL_LABELS as CHANNEL_LABELS,
} from '@lingong/contracts/labels';
import { WAGE_UNIT_LABELS } from '@lingong/contracts/labels';
import type { WageUnit } from './types';

/** Integer fen as yuan without trailing zeros: 20000 -> '200', 15050 -> '150.5'. */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2).replace(/0$/, '');
}

/** '200-260元/天'; a single figure when min equals max or max is missing. */
export function formatWage(job: { wageMinFen: number; wageMaxFen: number | null; wageUnit: WageUnit }): string {
  const unit = `元/${WAGE_UNIT_LABELS[job.wageUnit]}`;
  const min = formatYuan(job.wageMinFen);
  if (job.wageMaxFen === null || job.wageMaxFen === job.wageMinFen) return `${min}${unit}`;
  return `${min}-${formatYuan(job.wageMaxFen)}${unit}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parts(value: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, hourCycle: 'h23', ...options });
  for (const p of fmt.formatToParts(value)) out[p.type] = p.value;
  return out;
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** '2025-11-27' in Asia/Shanghai; date-only strings pass through unchanged. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** '2025-11-27 14:05' in Asia/Shanghai. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** '11月27日' for short labels (date-only strings are read as Shanghai dates). */
export function formatMonthDay(value: string): string {
  const m = DATE_ONLY.exec(value) ? value.split('-') : formatDate(value).split('-');
  if (m.length !== 3) return value;
  return `${Number(m[1])}月${Number(m[2])}日`;
}

/** Clock parts for the big screen: date '2025年11月27日', weekday '星期四', time '14:05:09'. */
export function clockParts(now: Date): { date: string; weekday: string; time: string } {
  const p = parts(now, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return {
    date: `${p.year}年${p.month}月${p.day}日`,
    weekday: p.weekday ?? '',
    time: `${p.hour}:${p.minute}:${p.second}`,
  };
}
