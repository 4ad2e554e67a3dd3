import { describe, expect, it } from 'vitest';
import {
  dayEnd,
  dayStart,
  daysBetween,
  monthsBetween,
  resolvePeriod,
  shanghaiAt,
  shanghaiDay,
  workStartAt,
} from './shanghai-time.js';

describe('Shanghai calendar', () => {
  it('puts 16:30 UTC on the next Shanghai day', () => {
    expect(shanghaiDay(new Date('2025-06-30T16:30:00Z'))).toBe('2025-07-01');
    expect(shanghaiDay(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
  });
  it('starts a day at 16:00 UTC of the day before and ends it 24 h later', () => {
    expect(dayStart('2025-07-01').toISOString()).toBe('2025-06-30T16:00:00.000Z');
    expect(dayEnd('2025-07-01').toISOString()).toBe('2025-07-01T16:00:00.000Z');
  });
  it('lists the months of a range across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2025-03-01', '2025-03-31')).toEqual(['2025-03']);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(365);
  });
});

describe('resolvePeriod', () => {
  const now = new Date('2025-12-31T17:00:00Z'); // already 2026-01-01 in Shanghai
  it('defaults to the current Shanghai year', () => {
    expect(resolvePeriod({}, now)).toMatchObject({ kind: 'year', key: '2026', from: '2026-01-01', to: '2026-12-31' });
  });
  it('resolves halves, months (leap February) and ranges', () => {
    expect(resolvePeriod({ year: 2025, half: 2 }, now)).toMatchObject({
      key: '2025-H2',
      from: '2025-07-01',
      to: '2025-12-31',
      label: '2025年下半年',
    });
    expect(resolvePeriod({ year: 2024, month: 2 }, now)).toMatchObject({
      key: '2024-02',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(resolvePeriod({ year: 2024, from: '2025-03-01', to: '2025-05-31' }, now)).toMatchObject({
      kind: 'range',
      year: 2025,
      key: '2025-03-01~2025-05-31',
    });
  });
  it('places the start of work on the Shanghai day from the work hours text', () => {
    expect(workStartAt('2026-03-02', '07:30-17:00').toISOString()).toBe('2026-03-01T23:30:00.000Z');
    expect(workStartAt('2026-03-02', '13：15开工').toISOString()).toBe('2026-03-02T05:15:00.000Z');
    expect(workStartAt('2026-03-02', '面议').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(shanghaiAt('2026-03-02', 23, 59).toISOString()).toBe('2026-03-02T15:59:00.000Z');
  });
});
