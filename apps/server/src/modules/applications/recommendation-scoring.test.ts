import { describe, expect, it } from 'vitest';
import {
  dailyFen,
  dayPartsOf,
  haversineKm,
  scoreMatch,
  weekdaysOf,
  type MatchInput,
} from './recommendation-scoring.js';

const now = new Date('2026-06-01T02:00:00Z');
const base: MatchInput = {
  occupation: 'exact',
  distanceKm: 3.2,
  workerMaxDistanceKm: 20,
  worker: {
    weekdays: [1, 2, 3, 4, 5],
    dayParts: ['morning', 'afternoon'],
    earliestStart: null,
    expectedPayFen: 15_000,
    expectedPayUnit: 'day',
  },
  job: {
    startDate: '2026-06-02',
    endDate: '2026-06-05',
    workHours: '08:00-17:00',
    wageMaxFen: 18_000,
    wageUnit: 'day',
  },
  reliability: { completed: 4, failed: 0 },
  lastActiveAt: new Date('2026-05-30T00:00:00Z'),
  now,
};

describe('scoreMatch', () => {
  it('a full match scores high and says why, in Chinese', () => {
    const m = scoreMatch(base);
    expect(m.reasons).toEqual([
      '工种匹配',
      '距离3.2公里',
      '时间合适',
      '期望薪资相符',
      '已完工4次 · 信用良好',
      '近期活跃',
    ]);
    expect(m.score).toBeGreaterThan(90);
  });

  it('each weaker part lowers the score', () => {
    const full = scoreMatch(base).score;
    expect(scoreMatch({ ...base, occupation: 'related' }).score).toBeLessThan(full);
    expect(scoreMatch({ ...base, distanceKm: 15 }).score).toBeLessThan(full);
    expect(scoreMatch({ ...base, job: { ...base.job, wageMaxFen: 10_000 } }).score).toBeLessThan(full);
    expect(scoreMatch({ ...base, reliability: { completed: 1, failed: 3 } }).reasons).toContain('爽约3次');
    expect(scoreMatch({ ...base, lastActiveAt: new Date('2026-01-01T00:00:00Z') }).reasons).not.toContain('近期活跃');
  });

  it('without a 工种 relation the score is capped at half', () => {
    const m = scoreMatch({ ...base, occupation: 'none' });
    expect(m.score).toBeLessThanOrEqual(50);
    expect(m.reasons).not.toContain('工种匹配');
  });

  it("beyond the worker's distance no distance points, and says so", () => {
    const m = scoreMatch({ ...base, distanceKm: 35 });
    expect(m.reasons).toContain('距离35公里（超出期望范围）');
  });

  it('availability: a night shift or a start after the job ends does not fit', () => {
    expect(scoreMatch({ ...base, job: { ...base.job, workHours: '22:00-06:00' } }).reasons).not.toContain('时间合适');
    expect(scoreMatch({ ...base, worker: { ...base.worker, earliestStart: '2026-07-01' } }).reasons).not.toContain(
      '时间合适',
    );
  });

  it('pay compares per day across units', () => {
    expect(scoreMatch({ ...base, job: { ...base.job, wageMaxFen: 2_000, wageUnit: 'hour' } }).reasons).toContain(
      '期望薪资相符',
    );
    expect(scoreMatch({ ...base, job: { ...base.job, wageMaxFen: 13_500 } }).reasons).toContain('薪资接近期望');
  });
});

describe('helpers', () => {
  it('dailyFen, dayPartsOf, weekdaysOf, haversineKm', () => {
    expect(dailyFen(2_000, 'hour')).toBe(16_000);
    expect(dailyFen(440_000, 'month')).toBe(20_000);
    expect(dailyFen(100, 'piece')).toBeNull();
    expect(dayPartsOf('08:00-17:00')).toEqual(['morning', 'afternoon']);
    expect(dayPartsOf('19:00-23:30')).toEqual(['evening', 'night']);
    expect(dayPartsOf('面议')).toEqual([]);
    expect(weekdaysOf('2026-06-06', '2026-06-07')).toEqual([6, 7]);
    expect(weekdaysOf('2026-06-01', '2026-06-30')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(haversineKm({ lng: 109.752, lat: 24.473 }, { lng: 109.625, lat: 24.77 })).toBeCloseTo(35.2, 0);
  });
});
