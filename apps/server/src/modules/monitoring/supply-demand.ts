import type { SupplyDemandCell, SupplyDemandTotal } from '@lingong/contracts';
import type { WeekCellRow } from './monitoring.repository.js';

// Pure shaping of a week's cells: gap, 求人倍率, totals, the top shortages and surpluses and the
// plain-Chinese reading. Kept apart from SQL so it is tested without a database.

const round2 = (n: number) => Math.round(n * 100) / 100;

export function toCell(row: WeekCellRow): SupplyDemandCell {
  return {
    ...row,
    gap: row.demand - row.supply,
    ratio: row.supply > 0 ? round2(row.demand / row.supply) : null,
  };
}

/** Sum demand and supply by a key, in first-seen order. */
export function totalsBy(
  cells: SupplyDemandCell[],
  key: (c: SupplyDemandCell) => { code: string; name: string },
): SupplyDemandTotal[] {
  const out = new Map<string, SupplyDemandTotal>();
  for (const c of cells) {
    const { code, name } = key(c);
    const t = out.get(code) ?? { code, name, demand: 0, supply: 0, gap: 0 };
    t.demand += c.demand;
    t.supply += c.supply;
    t.gap = t.demand - t.supply;
    out.set(code, t);
  }
  return [...out.values()];
}

/** The n cells short of the most workers (gap > 0), biggest first. */
export function topShortages(cells: SupplyDemandCell[], n = 5): SupplyDemandCell[] {
  return cells
    .filter((c) => c.gap > 0)
    .sort((a, b) => b.gap - a.gap || a.townCode.localeCompare(b.townCode))
    .slice(0, n);
}

/** The n cells with the most workers to spare (gap < 0), biggest surplus first. */
export function topSurpluses(cells: SupplyDemandCell[], n = 5): SupplyDemandCell[] {
  return cells
    .filter((c) => c.gap < 0)
    .sort((a, b) => a.gap - b.gap || a.townCode.localeCompare(b.townCode))
    .slice(0, n);
}

/** 本周中渡镇缺砍蔗工 42 人，寨沙镇富余泥水工 15 人。 (up to two of each). */
export function readingOf(shortages: SupplyDemandCell[], surpluses: SupplyDemandCell[], current = true): string {
  const when = current ? '本周' : '该周';
  const short = shortages.slice(0, 2).map((c) => `${c.townName}缺${c.occupationName} ${c.gap} 人`);
  const spare = surpluses.slice(0, 2).map((c) => `${c.townName}富余${c.occupationName} ${-c.gap} 人`);
  const parts = [...short, ...spare];
  if (parts.length === 0) return `${when}各乡镇各工种供需基本平衡。`;
  return `${when}${parts.join('，')}。`;
}
