import type { ScreenSummary } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { KPI_DEFINITIONS, targetFor } from '../kpi/index.js';
import { resolvePeriod, shanghaiDay } from '../ledgers/index.js';
import { getSetting } from '../settings/index.js';
import * as repo from './monitoring.repository.js';
import { readingOf, toCell, topShortages, topSurpluses, totalsBy } from './supply-demand.js';
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
  const [today, sinceNewYear, mark, rows, towns, stations] = [
    await repo.sumDailyCounts(db, day, day, EVERYWHERE),
    await repo.sumDailyCounts(db, `${year}-01-01`, day, EVERYWHERE),
    await repo.findWeekMark(db, week),
    await repo.findWeekCells(db, week, EVERYWHERE),
    await repo.findTowns(db, EVERYWHERE),
    await repo.findStationsList(db, SCREEN_STATIONS),
  ];
  const cells = rows.map(toCell);
  const byTown = new Map(totalsBy(cells, (c) => ({ code: c.townCode, name: c.townName })).map((t) => [t.code, t]));
  const byOccupation = totalsBy(cells, (c) => ({ code: c.occupationId, name: c.occupationName }))
    .filter((t) => t.demand > 0)
    .sort((a, b) => b.demand - a.demand)
    .slice(0, SCREEN_OCCUPATIONS);
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
    openPlaces: cells.reduce((sum, c) => sum + c.demand, 0),
    openPlacesByOccupation: byOccupation.map((t) => ({ name: t.name, value: t.demand })),
    gapByTown: towns.map((t) => byTown.get(t.code) ?? { code: t.code, name: t.name, demand: 0, supply: 0, gap: 0 }),
    stations,
    // One shortage and one surplus: the screen's reading must fit two lines at hall size.
    reading: readingOf(topShortages(cells, 1), topSurpluses(cells, 1)),
  };
}
