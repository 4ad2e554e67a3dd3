import { describe, expect, it } from 'vitest';
import { medianOfHistogram } from './wage-figures.js';

// The dashboard's median days to pay comes from per-town histograms; it must equal
// percentile_cont(0.5) over the individual statements.
const expand = (rows: { days: number; statements: number }[]) =>
  rows.flatMap((r) => Array.from({ length: r.statements }, () => r.days));
const percentileCont = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  const pos = 0.5 * (v.length - 1);
  const lo = Math.floor(pos);
  return lo === pos ? v[lo]! : v[lo]! + (v[lo + 1]! - v[lo]!) * (pos - lo);
};

describe('medianOfHistogram', () => {
  it.each([
    { name: 'no paid statement', rows: [], want: null },
    { name: 'one statement', rows: [{ days: 4, statements: 1 }], want: 4 },
    {
      name: 'even count interpolates',
      rows: [
        { days: 1, statements: 1 },
        { days: 4, statements: 1 },
      ],
      want: 2.5,
    },
    {
      name: 'odd count',
      rows: [
        { days: 0, statements: 2 },
        { days: 9, statements: 1 },
      ],
      want: 0,
    },
    {
      name: 'median inside a bucket',
      rows: [
        { days: 2, statements: 5 },
        { days: 30, statements: 2 },
      ],
      want: 2,
    },
    {
      name: 'paid before the period ended',
      rows: [
        { days: -1, statements: 1 },
        { days: 3, statements: 1 },
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
      const rows = Array.from({ length: 1 + rnd(6) }, (_, i) => ({ days: i * 2 + rnd(2), statements: 1 + rnd(5) }));
      expect(medianOfHistogram(rows)).toBeCloseTo(percentileCont(expand(rows)), 9);
    }
  });
});
