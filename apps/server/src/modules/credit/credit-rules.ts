import type { CREDIT_EVENT_KINDS } from './credit.schema.js';

export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];
export type CreditSubject = 'worker' | 'employer';

/** Everyone starts here; the score stays within 0..100. */
export const CREDIT_BASE_SCORE = 80;

/** Built-in points per event kind; staff may override them in credit_rules. */
export const DEFAULT_CREDIT_POINTS: Record<CreditEventKind, number> = {
  completed: 2,
  no_show: -10,
  late_cancel: -5,
  rating_5: 2,
  rating_4: 1,
  rating_3: 0,
  rating_2: -2,
  rating_1: -4,
  manual_adjust: 0,
  appeal_upheld: 0,
  wage_paid_on_time: 1,
  wage_overdue: -8,
};

export type CreditLevel = 'excellent' | 'good' | 'fair' | 'poor';
export const CREDIT_LEVEL_LABELS: Record<CreditLevel, string> = {
  excellent: '信用优秀',
  good: '信用良好',
  fair: '信用一般',
  poor: '信用较差',
};

export const clampScore = (n: number) => Math.max(0, Math.min(100, n));

/** The level shown to the other side (never the number or the history). */
export function creditLevel(score: number): CreditLevel {
  if (score >= 90) return 'excellent';
  if (score >= 75) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}
