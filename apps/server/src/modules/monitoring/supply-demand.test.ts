import { describe, expect, it } from 'vitest';
import { readingOf, toCell, topShortages, topSurpluses, totalsBy } from './supply-demand.js';

const cell = (townName: string, occupationName: string, demand: number, supply: number) =>
  toCell({ townCode: townName, townName, occupationId: occupationName, occupationName, demand, supply });

describe('supply and demand shaping', () => {
  const cells = [
    cell('中渡镇', '砍蔗工', 50, 8),
    cell('寨沙镇', '泥水工', 5, 20),
    cell('中渡镇', '泥水工', 3, 3),
    cell('寨沙镇', '砍蔗工', 10, 0),
  ];
  it('computes the gap and 求人倍率 (null without supply)', () => {
    expect(cells[0]).toMatchObject({ gap: 42, ratio: 6.25 });
    expect(cells[3]).toMatchObject({ gap: 10, ratio: null });
  });
  it('ranks shortages and surpluses and reads them in plain Chinese', () => {
    const short = topShortages(cells);
    const spare = topSurpluses(cells);
    expect(short.map((c) => c.gap)).toEqual([42, 10]);
    expect(spare.map((c) => c.gap)).toEqual([-15]);
    expect(readingOf(short, spare)).toBe('本周中渡镇缺砍蔗工 42 人，寨沙镇缺砍蔗工 10 人，寨沙镇富余泥水工 15 人。');
    expect(readingOf([], [])).toBe('本周各乡镇各工种供需基本平衡。');
  });
  it('totals by town', () => {
    expect(totalsBy(cells, (c) => ({ code: c.townCode, name: c.townName }))).toEqual([
      { code: '中渡镇', name: '中渡镇', demand: 53, supply: 11, gap: 42 },
      { code: '寨沙镇', name: '寨沙镇', demand: 15, supply: 20, gap: -5 },
    ]);
  });
});
