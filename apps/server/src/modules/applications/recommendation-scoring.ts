/**
 * Match scoring for recommendations both ways (jobs for a worker, workers for a job). Pure: the
 * services load the rows, this weighs them. Total 0-100; each part that speaks for the match adds
 * a Chinese reason shown to the user (e.g. 工种匹配 · 距离3.2公里 · 期望薪资相符).
 */

export type WageUnit = 'hour' | 'day' | 'piece' | 'month';
export type MatchInput = {
  /** exact: the worker wants this 工种; related: another trade of the same category. */
  occupation: 'exact' | 'related' | 'none';
  distanceKm: number | null;
  workerMaxDistanceKm: number | null;
  worker: {
    weekdays: number[];
    dayParts: string[];
    earliestStart: string | null;
    expectedPayFen: number | null;
    expectedPayUnit: WageUnit | null;
  };
  job: { startDate: string; endDate: string | null; workHours: string; wageMaxFen: number; wageUnit: WageUnit };
  reliability: { completed: number; failed: number };
  /** The credit score (0-100) of the side being recommended, when known; it then drives the reliability part. */
  creditScore?: number;
  lastActiveAt: Date | null;
  now: Date;
  /** The reason shown for recent activity (近期活跃 for a worker, 新发布 for a job). */
  activityReason?: string;
};
export type MatchScore = { score: number; reasons: string[] };

export const WEIGHTS = {
  occupation: 35,
  distance: 20,
  availability: 15,
  pay: 15,
  reliability: 10,
  activity: 5,
} as const;
const DEFAULT_RADIUS_KM = 30;

/** Pay per day in fen, to compare across units; pieces cannot be compared (null). */
export function dailyFen(fen: number, unit: WageUnit): number | null {
  if (unit === 'hour') return fen * 8;
  if (unit === 'month') return fen / 22;
  if (unit === 'day') return fen;
  return null;
}

/** The day parts a "HH:MM-HH:MM" shift touches (morning <12, afternoon 12-18, evening 18-22, night). */
export function dayPartsOf(workHours: string): string[] {
  const m = /(\d{1,2}):(\d{2})\s*[-~至到]\s*(\d{1,2}):(\d{2})/.exec(workHours);
  if (!m) return [];
  const start = Number(m[1]) + Number(m[2]) / 60;
  let end = Number(m[3]) + Number(m[4]) / 60;
  if (end <= start) end += 24;
  const parts: string[] = [];
  const overlaps = (a: number, b: number) => start < b && end > a;
  if (overlaps(5, 12)) parts.push('morning');
  if (overlaps(12, 18)) parts.push('afternoon');
  if (overlaps(18, 22)) parts.push('evening');
  if (overlaps(22, 29) || start < 5) parts.push('night');
  return parts;
}

/** ISO weekdays (1 = Monday .. 7 = Sunday) of the days a job runs (all seven from a week on). */
export function weekdaysOf(startDate: string, endDate: string | null): number[] {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate ?? startDate}T00:00:00Z`);
  const days = Math.min(7, Math.max(1, Math.round((end - start) / 86_400_000) + 1));
  const out = new Set<number>();
  for (let i = 0; i < days; i += 1) out.add(((new Date(start + i * 86_400_000).getUTCDay() + 6) % 7) + 1);
  return [...out].sort();
}

function availabilityPart(input: MatchInput): { points: number; reason?: string } {
  const { worker, job } = input;
  if (worker.earliestStart && worker.earliestStart > (job.endDate ?? job.startDate)) return { points: 0 };
  const declared = worker.weekdays.length > 0 || worker.dayParts.length > 0;
  if (!declared) return { points: WEIGHTS.availability / 2 };
  const days = weekdaysOf(job.startDate, job.endDate);
  const dayOk = worker.weekdays.length === 0 || days.some((d) => worker.weekdays.includes(d));
  const parts = dayPartsOf(job.workHours);
  const partOk = worker.dayParts.length === 0 || parts.length === 0 || parts.some((p) => worker.dayParts.includes(p));
  if (dayOk && partOk) return { points: WEIGHTS.availability, reason: '时间合适' };
  if (dayOk || partOk) return { points: WEIGHTS.availability / 3 };
  return { points: 0 };
}

function payPart(input: MatchInput): { points: number; reason?: string } {
  const { worker, job } = input;
  if (worker.expectedPayFen === null || worker.expectedPayUnit === null) return { points: WEIGHTS.pay / 2 };
  const offered = dailyFen(job.wageMaxFen, job.wageUnit);
  const wanted = dailyFen(worker.expectedPayFen, worker.expectedPayUnit);
  if (offered === null || wanted === null) return { points: WEIGHTS.pay / 2 };
  if (offered >= wanted) return { points: WEIGHTS.pay, reason: '期望薪资相符' };
  if (offered >= wanted * 0.85) return { points: WEIGHTS.pay / 2, reason: '薪资接近期望' };
  return { points: 0 };
}

function distancePart(input: MatchInput): { points: number; reason?: string } {
  const km = input.distanceKm;
  if (km === null) return { points: WEIGHTS.distance / 4 };
  const radius = input.workerMaxDistanceKm ?? DEFAULT_RADIUS_KM;
  const label = `距离${km < 10 ? km.toFixed(1) : Math.round(km)}公里`;
  if (km > radius) return { points: 0, reason: `${label}（超出期望范围）` };
  return { points: WEIGHTS.distance * (1 - km / Math.max(radius, 1)) * 0.5 + WEIGHTS.distance * 0.5, reason: label };
}

function reliabilityPart(input: MatchInput): { points: number; reason?: string } {
  const { completed, failed } = input.reliability;
  if (input.creditScore !== undefined) {
    const c = input.creditScore;
    const share = c >= 90 ? 1 : c >= 75 ? 0.8 : c >= 60 ? 0.4 : 0;
    const label = c >= 90 ? '信用优秀' : c >= 75 ? '信用良好' : c >= 60 ? null : '信用较差';
    if (label && share > 0)
      return {
        points: WEIGHTS.reliability * share,
        reason: completed >= 3 ? `已完工${completed}次 · ${label}` : label,
      };
    return { points: WEIGHTS.reliability * share, reason: label ?? (failed > 0 ? `爽约${failed}次` : undefined) };
  }
  if (completed === 0 && failed === 0) return { points: WEIGHTS.reliability / 2 };
  const rate = completed / (completed + failed);
  if (rate >= 0.9)
    return { points: WEIGHTS.reliability, reason: completed >= 3 ? `已完工${completed}次 · 信用良好` : '信用良好' };
  if (rate >= 0.6) return { points: WEIGHTS.reliability * rate };
  return { points: 0, reason: `爽约${failed}次` };
}

function activityPart(input: MatchInput): { points: number; reason?: string } {
  if (!input.lastActiveAt) return { points: 0 };
  const days = (input.now.getTime() - input.lastActiveAt.getTime()) / 86_400_000;
  if (days <= 7) return { points: WEIGHTS.activity, reason: input.activityReason ?? '近期活跃' };
  if (days <= 30) return { points: WEIGHTS.activity / 2 };
  return { points: 0 };
}

/** Score one worker x job pair. Without a 工种 relation the score is capped at half. */
export function scoreMatch(input: MatchInput): MatchScore {
  const reasons: string[] = [];
  let score = 0;
  if (input.occupation === 'exact') {
    score += WEIGHTS.occupation;
    reasons.push('工种匹配');
  } else if (input.occupation === 'related') {
    score += WEIGHTS.occupation * 0.4;
    reasons.push('相近工种');
  }
  for (const part of [
    distancePart(input),
    availabilityPart(input),
    payPart(input),
    reliabilityPart(input),
    activityPart(input),
  ]) {
    score += part.points;
    if (part.reason) reasons.push(part.reason);
  }
  if (input.occupation === 'none') score = Math.min(score, 50);
  return { score: Math.round(score * 10) / 10, reasons };
}

/** Great-circle distance in kilometres (haversine). */
export function haversineKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}
