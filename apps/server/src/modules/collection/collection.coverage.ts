import type { Coverage, CoverageRow } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { levelOfCode } from '../reference/index.js';
import { findTowns, findVillages, villageStats, type VillageStats } from './collection.repository.js';
import { dayEnd, shanghaiDay, type SheetSpec, type Slice, type Window } from '../../platform/reporting/index.js';

// Coverage of the division tree (9 towns, 113 administrative villages): a village is covered once
// at least one household in it has been collected.

const EMPTY: VillageStats = {
  households: 0,
  members: 0,
  zeroEmploymentFamilies: 0,
  migrants: 0,
  unemployed: 0,
  firstCollectedOn: '',
};

function row(code: string, name: string, placeholder: boolean, villages: number, stats: VillageStats[]): CoverageRow {
  return {
    code,
    name,
    placeholder,
    villagesTotal: villages,
    villagesCovered: stats.filter((s) => s.households > 0).length,
    households: stats.reduce((a, s) => a + s.households, 0),
    members: stats.reduce((a, s) => a + s.members, 0),
    zeroEmploymentFamilies: stats.reduce((a, s) => a + s.zeroEmploymentFamilies, 0),
    migrants: stats.reduce((a, s) => a + s.migrants, 0),
    unemployed: stats.reduce((a, s) => a + s.unemployed, 0),
  };
}

/** Coverage rows under a region pattern: per town (county scope) or per village (town scope). */
export async function coverageOf(
  db: DbOrTx,
  pattern: string,
  level: 'town' | 'village',
  before?: string,
): Promise<Coverage> {
  const [villages, stats] = [await findVillages(db, pattern), await villageStats(db, pattern, before)];
  const statOf = (code: string) => stats.get(code) ?? EMPTY;
  const total = row(
    pattern.replace('%', ''),
    '合计',
    false,
    villages.length,
    villages.map((v) => statOf(v.code)),
  );
  if (level === 'village')
    return { level, total, items: villages.map((v) => row(v.code, v.name, v.placeholder, 1, [statOf(v.code)])) };
  const towns = await findTowns(db, pattern);
  return {
    level,
    total,
    items: towns.map((t) => {
      const vs = villages.filter((v) => v.parentCode === t.code);
      return row(
        t.code,
        t.name,
        t.placeholder,
        vs.length,
        vs.map((v) => statOf(v.code)),
      );
    }),
  };
}

/** The coverage table for the actor's scope, or one town of it. */
export async function getCoverage(db: DbOrTx, actor: StaffActor, town?: string): Promise<Coverage> {
  requirePermission(actor, 'dashboard.read');
  const pattern = scopedRegionPattern(actor, town);
  const scope = town ?? actor.regionCode;
  const level = levelOfCode(scope) === 'town' || levelOfCode(scope) === 'village' ? 'village' : 'town';
  if (pattern === null) return { level, total: row(scope, '合计', false, 0, []), items: [] };
  return coverageOf(db, pattern, level);
}

export const COVERAGE_SHEET: SheetSpec<CoverageRow> = {
  name: '采集覆盖情况',
  columns: [
    { header: '序号', width: 8, value: (_r, i) => i + 1 },
    { header: '区划代码', width: 14, value: (r) => r.code },
    { header: '名称', width: 18, value: (r) => (r.placeholder ? `${r.name}（示例）` : r.name) },
    { header: '行政村数', width: 10, value: (r) => r.villagesTotal },
    { header: '已覆盖村数', width: 10, value: (r) => r.villagesCovered },
    { header: '采集户数', width: 10, value: (r) => r.households },
    { header: '采集人数', width: 10, value: (r) => r.members },
    { header: '零就业家庭', width: 10, value: (r) => r.zeroEmploymentFamilies },
    { header: '外出务工', width: 10, value: (r) => r.migrants },
    { header: '失业/未就业', width: 12, value: (r) => r.unemployed },
  ],
};

// ---- KPI: 就业信息采集覆盖行政村 -------------------------------------------------------------

/** Villages covered by the window's end (cumulative), the trend at each month's end, and the villages in the tree. */
export async function loadVillageCoverage(
  db: DbOrTx,
  w: Window,
  months: string[],
): Promise<{ actual: number; total: number; trend: Map<string, number> }> {
  const before = w.end ? shanghaiDay(w.end) : undefined;
  const whole = await coverageOf(db, w.regionPattern, 'village', before);
  const trend = new Map<string, number>();
  for (const month of months) {
    const [y, m] = month.split('-').map(Number);
    const monthEndDay = shanghaiDay(dayEnd(new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10)));
    const cut = before && before < monthEndDay ? before : monthEndDay;
    trend.set(month, (await coverageOf(db, w.regionPattern, 'village', cut)).total.villagesCovered);
  }
  return { actual: whole.total.villagesCovered, total: whole.total.villagesTotal, trend };
}

/** The drill-down rows: one per village in scope; value 1 when covered by the window's end. */
export function villageCoverageFetcher(db: DbOrTx) {
  return async (w: Window, slice: Slice): Promise<{ items: CoverageRow[]; total: number }> => {
    const all = await coverageOf(db, w.regionPattern, 'village', w.end ? shanghaiDay(w.end) : undefined);
    return { total: all.items.length, items: all.items.slice(slice.offset, slice.offset + slice.limit) };
  };
}
