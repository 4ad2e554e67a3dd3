import type {
  SupplyAlertList,
  SupplyDemandCellDetail,
  SupplyDemandCellQuery,
  SupplyDemandQuery,
  SupplyDemandView,
} from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { maskName } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { getSetting } from '../settings/index.js';
import * as repo from './monitoring.repository.js';
import { refreshMonitoring, TREND_WEEKS } from './monitoring-refresh.service.js';
import { readingOf, toCell, topShortages, topSurpluses, totalsBy } from './supply-demand.js';
import { mondayOf, weekOf, weeksUpTo } from './weeks.js';

export type MonitoringDeps = { db: Db; pii: Pii; now: () => Date };

/** The most postings and workers a cell's drill-down lists. */
const CELL_ROWS = 200;
/** How many weeks of alerts the console lists. */
const ALERT_WEEKS = 4;

/** The actor's region pattern for a requested town; a town outside scope sees nothing. */
function patternOf(actor: StaffActor, town?: string): string | null {
  requirePermission(actor, 'dashboard.read');
  return scopedRegionPattern(actor, town);
}

/**
 * Supply and demand of a week (the current one by default) in the actor's region: every 工种 ×
 * town cell with gap and 求人倍率, totals by town and 工种, top shortages and surpluses with a
 * plain-Chinese reading, and the weekly trend of the 52 weeks up to it. Reads only the rollups.
 */
export async function getSupplyDemand(
  deps: MonitoringDeps,
  actor: StaffActor,
  q: SupplyDemandQuery,
): Promise<SupplyDemandView> {
  const current = weekOf(deps.now());
  const week = q.week ? mondayOf(q.week) : current;
  const pattern = patternOf(actor, q.town);
  const regionCode = q.town ?? actor.regionCode;
  const threshold = await getSetting(deps.db, 'supplyAlertThreshold');
  const mark = await repo.findWeekMark(deps.db, week);
  const weeks = weeksUpTo(week, TREND_WEEKS);
  const rows = pattern ? await repo.findWeekCells(deps.db, week, pattern) : [];
  const sums = pattern ? await repo.sumWeeks(deps.db, weeks[0]!, week, pattern) : [];
  const cells = rows.map(toCell);
  const shortages = topShortages(cells);
  const surpluses = topSurpluses(cells);
  const byWeek = new Map(sums.map((s) => [s.week, s]));
  return {
    week,
    refreshedAt: mark?.refreshedAt.toISOString() ?? null,
    source: mark?.source ?? null,
    regionCode,
    cells,
    byTown: totalsBy(cells, (c) => ({ code: c.townCode, name: c.townName })),
    byOccupation: totalsBy(cells, (c) => ({ code: c.occupationId, name: c.occupationName })).sort(
      (a, b) => b.demand - a.demand,
    ),
    topShortages: shortages,
    topSurpluses: surpluses,
    reading: readingOf(shortages, surpluses, week === current),
    trend: weeks.map((w) => ({ week: w, demand: byWeek.get(w)?.demand ?? 0, supply: byWeek.get(w)?.supply ?? 0 })),
    alertThreshold: threshold,
  };
}

/**
 * The postings and available workers behind one cell of the current week (names masked). A town
 * outside the actor's region answers NOT_FOUND, like every out-of-scope record.
 */
export async function getCellDetail(
  deps: MonitoringDeps,
  actor: StaffActor,
  q: SupplyDemandCellQuery,
): Promise<SupplyDemandCellDetail> {
  requirePermission(actor, 'dashboard.read');
  assertReadableRegion(actor, q.town);
  const [names, postings, workers] = [
    await repo.findName(deps.db, q.town, q.occupationId),
    await repo.findCellPostings(deps.db, q.town, q.occupationId, CELL_ROWS),
    await repo.findCellWorkers(deps.db, q.town, q.occupationId, CELL_ROWS),
  ];
  return {
    ...names,
    postings: postings.map((p) => ({ ...p, publishedAt: p.publishedAt?.toISOString() ?? null })),
    workers: workers.map((w) => ({
      id: w.id,
      name: maskName(deps.pii.decrypt(w.nameEnc)),
      regionName: w.regionName,
      registeredAt: w.createdAt.toISOString(),
    })),
  };
}

/** Shortage alerts of the last four weeks addressed to the stations in the actor's region. */
export async function listAlerts(deps: MonitoringDeps, actor: StaffActor, town?: string): Promise<SupplyAlertList> {
  const pattern = patternOf(actor, town);
  if (!pattern) return { items: [] };
  const from = weeksUpTo(weekOf(deps.now()), ALERT_WEEKS)[0]!;
  const rows = await repo.findAlerts(deps.db, from, pattern, 200);
  return {
    items: rows.map((r) => ({
      ...r,
      message: `${r.townName}${r.occupationName}缺口 ${r.gap} 人（空缺 ${r.demand}，可用求职 ${r.supply}），请驿站组织对接。`,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** 立即刷新: rebuild the rollups now (the scheduled job does the same every few minutes). */
export async function refreshNow(deps: MonitoringDeps, actor: StaffActor) {
  // A write, however harmless: read-only roles (supervisor, reviewer) cannot trigger work.
  requirePermission(actor, 'services.write');
  return refreshMonitoring(deps.db, deps.now());
}
