import { describe, expect, it } from 'vitest';
import { mondayOf, weekEnd, weekOf, weeksUpTo } from './weeks.js';

describe('Shanghai weeks', () => {
  it('names a week by its Monday, in Shanghai time', () => {
    expect(mondayOf('2025-11-16')).toBe('2025-11-10'); // Sunday
    expect(mondayOf('2025-11-17')).toBe('2025-11-17'); // Monday
    // Sunday 23:30 UTC is Monday 07:30 in Shanghai: the next week.
    expect(weekOf(new Date('2025-11-16T23:30:00Z'))).toBe('2025-11-17');
    expect(weekOf(new Date('2025-11-16T15:59:00Z'))).toBe('2025-11-10');
  });
  it('ends a week at the next Monday 00:00 Shanghai and lists weeks oldest first', () => {
    expect(weekEnd('2025-11-10').toISOString()).toBe('2025-11-16T16:00:00.000Z');
    expect(weeksUpTo('2025-11-17', 3)).toEqual(['2025-11-03', '2025-11-10', '2025-11-17']);
  });
});
