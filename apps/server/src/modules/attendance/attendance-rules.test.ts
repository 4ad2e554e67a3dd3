import { describe, expect, it } from 'vitest';
import { distanceMetres, qrToken, qrTokenValid, qrWindow, shanghaiDay, shiftStart } from './attendance-rules.js';

describe('attendance rules', () => {
  it('measures great-circle distance (0.001° latitude is about 111 m)', () => {
    expect(Math.round(distanceMetres({ lat: 24.78, lng: 109.62 }, { lat: 24.781, lng: 109.62 }))).toBe(111);
    expect(distanceMetres({ lat: 24.78, lng: 109.62 }, { lat: 24.78, lng: 109.62 })).toBe(0);
    // 鹿寨县城 to 中渡镇, roughly 26 km
    const d = distanceMetres({ lat: 24.4731, lng: 109.7402 }, { lat: 24.6986, lng: 109.6456 });
    expect(d).toBeGreaterThan(25_000);
    expect(d).toBeLessThan(28_000);
  });

  it('takes the shift start from the work hours in Shanghai time, 08:00 when none', () => {
    expect(shiftStart('2026-03-02', '07:30-17:00').toISOString()).toBe('2026-03-01T23:30:00.000Z');
    expect(shiftStart('2026-03-02', '早上八点').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(shanghaiDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
  });

  it('accepts a QR token in its window and the next one, not later nor for another job', () => {
    const t0 = new Date('2026-03-02T01:00:10Z');
    const token = qrToken('s3cret', 'job-1', qrWindow(t0));
    expect(token).toMatch(/^[0-9a-f]{16}$/);
    expect(qrTokenValid('s3cret', 'job-1', token, t0)).toBe(true);
    expect(qrTokenValid('s3cret', 'job-1', token, new Date(t0.getTime() + 60_000))).toBe(true);
    expect(qrTokenValid('s3cret', 'job-1', token, new Date(t0.getTime() + 120_000))).toBe(false);
    expect(qrTokenValid('s3cret', 'job-2', token, t0)).toBe(false);
    expect(qrTokenValid('other', 'job-1', token, t0)).toBe(false);
  });
});
