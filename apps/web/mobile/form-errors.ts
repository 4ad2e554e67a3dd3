import { ApiError } from '@shared/api';

/** Field messages of a failed save keyed by the full field path ('skills.0.occupationId'). */
export function fieldMessages(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) out[d.field] ??= d.message;
  return out;
}

/** Yuan typed by a person ('150', '150.5') as integer fen; null when empty or not a number. */
export function yuanToFen(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

export const fenToYuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '' : String(fen / 100);
