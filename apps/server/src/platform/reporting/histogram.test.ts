import { describe, expect, it } from 'vitest';
import { medianOfHistogram } from './histogram.js';

// Medians of rollups (days to pay, days to first job) come from per-town histograms; they must
// equal percentile_cont(0.5) over the individual rows.
const expand = (rows: { value: number; count: number }[]) =>
  rows.flatMap((r) => Array.from({ length: r.count }, () => r.value));
const percentileCont = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  const pos = 0.5 * (v.length - 1);
  const lo = Math.floor(pos);
  return lo === pos ? v[lo]! : v[lo]! + (v[lo + 1]! - v[lo]!) * (pos - lo);
};

describe('medianOfHistogram', () => {
  it.each([
    { name: 'no paid statement', rows: [], want: null },
    { name: 'one statement', rows: [{ value: 4, count: 1 }], want: 4 },
    {
      name: 'even count interpolates',
      rows: [
        { value: 1, count: 1 },
        { value: 4, count: 1 },
      ],
      want: 2.5,
    },
    {
      name: 'odd count',
      rows: [
        { value: 0, count: 2 },
        { value: 9, count: 1 },
      ],
      want: 0,
    },
    {
      name: 'median inside a bucket',
      rows: [
        { value: 2, count: 5 },
        { value: 30, count: 2 },
      ],
      want: 2,
    },
    {
      name: 'paid before the period ended',
      rows: [
        { value: -1, count: 1 },
        { value: 3, count: 1 },
      ],
      want: 1,
    },
  ])('$name', ({ rows, want }) => {
    expect(medianOfHistogram(rows)).toBe(want);
  });

  it('agrees with percentile_cont over the expanded values', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 200; k++) {
      const rows = Array.from({ length: 1 + rnd(6) }, (_, i) => ({ value: i * 2 + rnd(2), count: 1 + rnd(5) }));
      expect(medianOfHistogram(rows)).toBeCloseTo(percentileCont(expand(rows)), 9);
    }
  });
});
