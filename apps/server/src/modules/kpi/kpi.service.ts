import type { KpiDashboard, KpiIndicatorKey, KpiQuery, KpiRow, KpiRowsPage, KpiRowsQuery } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionName } from '../reference/index.js';
import { getSetting } from '../settings/index.js';
import { KPI_DEFINITIONS, targetFor } from './kpi-targets.js';
import * as repo from './kpi.repository.js';
import { rowSourceFor } from './kpi.rows.js';
import { loadCoverage, TRAINING_EVENT_SERIES, trainingEventRows } from './training-events.kpi.js';
import { loadVillageCoverage } from '../collection/index.js';
import { countAcceptedJobRecordsByMonth } from '../exchange/index.js';
import { PUBLIC_SERVICE_SERIES, publicServiceRows } from './public-services.kpi.js';
import {
  dayEnd,
  dayStart,
  emptyPage,
  monthsBetween,
  paged,
  type ResolvedPeriod,
  resolvePeriod,
  type Window,
} from '../../platform/reporting/index.js';

export type KpiDeps = { db: DbOrTx; pii: Pii; now: () => Date };
type Scoped = { period: ResolvedPeriod; window: Window | null; regionCode: string };

/** The period and the region window of a query; the window is null for a town outside scope. */
export function scopeOf(deps: KpiDeps, actor: StaffActor, q: KpiQuery): Scoped {
  requirePermission(actor, 'dashboard.read');
  const period = resolvePeriod(q, deps.now());
  const regionPattern = scopedRegionPattern(actor, q.town);
  const window =
    regionPattern === null ? null : { regionPattern, start: dayStart(period.from), end: dayEnd(period.to) };
  return { period, window, regionCode: q.town ?? actor.regionCode };
}

type SeriesLoader = (db: DbOrTx, w: Window) => Promise<repo.Series>;

/** How each available indicator is counted, per Shanghai month. */
const SERIES: Partial<Record<KpiIndicatorKey, SeriesLoader>> = {
  worker_registrations: repo.countRegistrationsByMonth,
  matchmakings: repo.countMatchmakingsByMonth,
  guidance_sessions: repo.countGuidanceByMonth,
  contract_job_posts: async (db, w) => (await repo.countJobsByMonth(db, w, 'contract')).posts,
  contract_job_openings: async (db, w) => (await repo.countJobsByMonth(db, w, 'contract')).openings,
  flexible_job_posts: async (db, w) => (await repo.countJobsByMonth(db, w, 'flexible')).posts,
  flexible_job_openings: async (db, w) => (await repo.countJobsByMonth(db, w, 'flexible')).openings,
  employer_registrations: repo.countEmployersByMonth,
  provincial_job_records: countAcceptedJobRecordsByMonth,
  ...TRAINING_EVENT_SERIES,
  ...PUBLIC_SERVICE_SERIES,
};

const KPI_INDICATORS_WITH_DATA = KPI_DEFINITIONS.filter((d) => d.available).map((d) => d.key);

/** Monthly figures of the given indicators (all available ones by default) in a window. */
export async function loadSeries(
  db: DbOrTx,
  w: Window | null,
  keys: KpiIndicatorKey[] = KPI_INDICATORS_WITH_DATA,
): Promise<Partial<Record<KpiIndicatorKey, repo.Series>>> {
  const out: Partial<Record<KpiIndicatorKey, repo.Series>> = {};
  if (!w) return out;
  for (const key of keys) {
    const loader = SERIES[key];
    if (loader) out[key] = await loader(db, w);
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The KPI dashboard for a period and region (limited to the actor's scope): per indicator the
 * target (settings override the contract defaults), the actual, the percentage and a monthly
 * trend. Indicators whose records are not kept yet show 0 with `available: false`.
 */
export async function getDashboard(deps: KpiDeps, actor: StaffActor, q: KpiQuery): Promise<KpiDashboard> {
  const { period, window, regionCode } = scopeOf(deps, actor, q);
  const [series, overrides, regionName] = [
    await loadSeries(deps.db, window),
    await getSetting(deps.db, 'kpiTargets'),
    await findRegionName(deps.db, regionCode),
  ];
  const months = monthsBetween(period.from, period.to);
  const coverage = window ? await loadCoverage(deps.db, window, months) : null;
  const villages = window ? await loadVillageCoverage(deps.db, window, months) : null;
  const indicators = KPI_DEFINITIONS.map((def) => {
    const ratio = def.key === 'training_coverage' ? coverage : def.key === 'info_collection_villages' ? villages : null;
    const s = ratio?.trend ?? series[def.key];
    const trend = months.map((month) => ({ month, value: s?.get(month) ?? 0 }));
    const actual = ratio ? ratio.actual : trend.reduce((sum, t) => sum + t.value, 0);
    const contractTarget = targetFor(def, period, overrides);
    // Below the county, the village target is the villages of the town in the division tree.
    const target =
      def.key === 'info_collection_villages' && villages && regionCode.slice(6, 9) !== '000'
        ? villages.total
        : contractTarget;
    return {
      key: def.key,
      label: def.label,
      unit: def.unit,
      target,
      actual,
      percentage: target ? round1((actual / target) * 100) : null,
      available: def.available,
      note: def.note,
      trend,
    };
  });
  return {
    period: { kind: period.kind, key: period.key, label: period.label, from: period.from, to: period.to },
    regionCode,
    regionName: regionName ?? regionCode,
    indicators,
  };
}

/** The rows behind one figure, paged and masked; the sum of `value` over all rows is the actual. */
export async function getIndicatorRows(
  deps: KpiDeps,
  actor: StaffActor,
  key: KpiIndicatorKey,
  q: KpiRowsQuery,
): Promise<KpiRowsPage> {
  const { window } = scopeOf(deps, actor, q);
  const def = KPI_DEFINITIONS.find((d) => d.key === key);
  const rowSource = rowSourceFor(deps, key) ?? trainingEventRows(deps, key) ?? publicServiceRows(deps, key);
  const base = { indicator: key, label: def?.label ?? key };
  if (!rowSource || !window) return { ...base, actual: 0, columns: rowSource?.columns ?? [], ...emptyPage<KpiRow>(q) };
  const series = (await loadSeries(deps.db, window, [key]))[key];
  const actual =
    key === 'training_coverage'
      ? (await loadCoverage(deps.db, window, [])).actual
      : key === 'info_collection_villages'
        ? (await loadVillageCoverage(deps.db, window, [])).actual
        : [...(series?.values() ?? [])].reduce((a, b) => a + b, 0);
  const rows = await paged(q, (slice) => rowSource.fetch(window, slice));
  return { ...base, actual, columns: rowSource.columns, ...rows };
}
