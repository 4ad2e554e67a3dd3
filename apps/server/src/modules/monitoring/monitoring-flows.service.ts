import type { FlowFunnel, FlowsQuery, FlowsView } from '@lingong/contracts';
import { medianOfHistogram } from '../../platform/reporting/index.js';
import { requirePermission, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import * as repo from './monitoring-flows.repository.js';
import type { MonitoringDeps } from './monitoring.service.js';

type Sums = { key: string; label: string } & Record<
  'registered' | 'applied' | 'hired' | 'completed' | 'paid' | 'repeat',
  string | number | null
>;
type DayRow = { townCode: string; grp: string; days: number; workers: number };

const medianOf = (rows: DayRow[]) => {
  const byDays = new Map<number, number>();
  for (const r of rows) byDays.set(r.days, (byDays.get(r.days) ?? 0) + r.workers);
  return medianOfHistogram([...byDays].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count })));
};

function funnel(s: Sums, days: DayRow[]): FlowFunnel {
  return {
    key: s.key,
    label: s.label,
    registered: Number(s.registered ?? 0),
    applied: Number(s.applied ?? 0),
    hired: Number(s.hired ?? 0),
    completed: Number(s.completed ?? 0),
    paid: Number(s.paid ?? 0),
    repeat: Number(s.repeat ?? 0),
    medianDaysToFirstHire: medianOf(days),
  };
}

/**
 * 就业流向 in the actor's region, from the rollups: the funnel of every registered worker (or of
 * one priority group) in total and per town, the funnel of each priority group, and outgoing
 * migrant workers from the village collection.
 */
export async function getFlows(deps: MonitoringDeps, actor: StaffActor, q: FlowsQuery): Promise<FlowsView> {
  requirePermission(actor, 'dashboard.read');
  const pattern = scopedRegionPattern(actor, q.town);
  const grp = q.group ?? repo.ALL;
  const refreshed = await repo.lastRefresh(deps.db);
  const empty = {
    key: grp,
    label: q.group ?? '全部登记求职者',
    registered: 0,
    applied: 0,
    hired: 0,
    completed: 0,
    paid: 0,
    repeat: 0,
  };
  if (!pattern)
    return {
      refreshedAt: null,
      total: funnel(empty, []),
      towns: [],
      groups: [],
      migrants: { total: 0, towns: [], destinations: [] },
    };
  const [towns, groups, days, migrants] = await Promise.all([
    repo.sumByTown(deps.db, grp, pattern),
    repo.sumByGroup(deps.db, pattern),
    repo.firstHireDays(deps.db, pattern),
    repo.migrantsOf(deps.db, pattern),
  ]);
  const ofGroup = days.filter((d) => d.grp === grp);
  const sum = (k: keyof Omit<Sums, 'key' | 'label'>) => towns.reduce((s, t) => s + Number(t[k] ?? 0), 0);
  const total = {
    ...empty,
    registered: sum('registered'),
    applied: sum('applied'),
    hired: sum('hired'),
    completed: sum('completed'),
    paid: sum('paid'),
    repeat: sum('repeat'),
  };
  const migrantTowns = migrants.towns.map((t) => ({
    townCode: t.townCode,
    townName: t.townName,
    migrants: Number(t.migrants),
  }));
  return {
    refreshedAt: refreshed == null ? null : new Date(refreshed).toISOString(),
    total: funnel(total, ofGroup),
    towns: towns.map((t) =>
      funnel(
        t,
        ofGroup.filter((d) => d.townCode === t.key),
      ),
    ),
    groups: groups.map((g) =>
      funnel(
        g,
        days.filter((d) => d.grp === g.key),
      ),
    ),
    migrants: {
      total: migrantTowns.reduce((s, t) => s + t.migrants, 0),
      towns: migrantTowns,
      destinations: migrants.destinations.map((d) => ({ destination: d.destination, migrants: Number(d.migrants) })),
    },
  };
}
