import { describe, expect, it } from 'vitest';
import { startOfShanghaiDay } from './sms-codes.js';

describe('startOfShanghaiDay', () => {
  it('is midnight in Asia/Shanghai (16:00 UTC the day before)', () => {
    expect(startOfShanghaiDay(new Date('2026-11-27T05:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(startOfShanghaiDay(new Date('2026-11-27T16:30:00Z')).toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(startOfShanghaiDay(new Date('2026-11-27T15:59:59Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
  });
});
