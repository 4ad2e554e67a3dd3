import type { ScreenSummary } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { KPI_DEFINITIONS, targetFor } from '../kpi/index.js';
import { resolvePeriod, shanghaiDay } from '../../platform/reporting/index.js';
import { getSetting } from '../settings/index.js';
import * as repo from './monitoring.repository.js';
import { readingOf, toCell } from './supply-demand.js';
import { weekOf } from './weeks.js';

/** The whole installation: the public screen is not scoped. */
const EVERYWHERE = '%';
const SCREEN_OCCUPATIONS = 8;
const SCREEN_STATIONS = 12;

/**
 * The hall screen's figures, all from the rollups: today's and this year's registrations and
 * matchmakings against the year's contract targets (系统配置 overrides), open places by 工种, the
 * gap of every town, the stations and the week's reading. Aggregates only, no personal data.
 */
export async function getScreenSummary(db: Db, now: Date): Promise<ScreenSummary> {
  const day = shanghaiDay(now);
  const year = Number(day.slice(0, 4));
  const week = weekOf(now);
  const period = resolvePeriod({ year }, now);
  const overrides = await getSetting(db, 'kpiTargets');
  const target = (key: 'worker_registrations' | 'matchmakings') => {
    const def = KPI_DEFINITIONS.find((d) => d.key === key);
    return def ? targetFor(def, period, overrides) : null;
  };
  // Independent small reads: concurrent on a PostgreSQL pool, queued in order on PGlite.
  const [today, sinceNewYear, mark, totals, towns, occupations, short, spare, stations] = await Promise.all([
    repo.sumDailyCounts(db, day, day, EVERYWHERE),
    repo.sumDailyCounts(db, `${year}-01-01`, day, EVERYWHERE),
    repo.findWeekMark(db, week),
    repo.findTownTotals(db, week, EVERYWHERE),
    repo.findTowns(db, EVERYWHERE),
    repo.findTopDemandOccupations(db, week, SCREEN_OCCUPATIONS),
    repo.findExtremeCells(db, week, 'short', 1),
    repo.findExtremeCells(db, week, 'spare', 1),
    repo.findStationsList(db, SCREEN_STATIONS),
  ]);
  const byTown = new Map(totals.map((t) => [t.code, t]));
  return {
    day,
    year,
    refreshedAt: mark?.refreshedAt.toISOString() ?? null,
    registrations: {
      today: today.registrations,
      year: sinceNewYear.registrations,
      target: target('worker_registrations'),
    },
    matchmakings: { today: today.matchmakings, year: sinceNewYear.matchmakings, target: target('matchmakings') },
    openPlaces: totals.reduce((sum, t) => sum + t.demand, 0),
    openPlacesByOccupation: occupations,
    gapByTown: towns.map((t) => {
      const total = byTown.get(t.code) ?? { demand: 0, supply: 0 };
      return {
        code: t.code,
        name: t.name,
        demand: total.demand,
        supply: total.supply,
        gap: total.demand - total.supply,
      };
    }),
    stations,
    // One shortage and one surplus: the screen's reading must fit two lines at hall size.
    reading: readingOf(short.map(toCell), spare.map(toCell)),
  };
}
