// Medians of rolled-up figures: a rollup keeps (value, count) histograms per cell, so the median
// of any sum of cells (a region of towns) is exact without reading the rows again.

/** percentile_cont(0.5) over a histogram of (value, count) sorted by value: the exact median. */
export function medianOfHistogram(rows: { value: number; count: number }[]): number | null {
  const total = rows.reduce((s, r) => s + r.count, 0);
  if (total === 0) return null;
  const pos = 0.5 * (total - 1);
  const valueAt = (i: number) => {
    let seen = 0;
    for (const r of rows) {
      seen += r.count;
      if (i < seen) return r.value;
    }
    return rows[rows.length - 1]!.value;
  };
  const lo = Math.floor(pos);
  const a = valueAt(lo);
  return lo === pos ? a : a + (valueAt(lo + 1) - a) * (pos - lo);
}
