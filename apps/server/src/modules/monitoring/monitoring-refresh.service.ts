import type { Db } from '../../db/client.js';
import { getSetting } from '../settings/index.js';
import * as repo from './monitoring-refresh.repository.js';
import { rebuildFlows } from './monitoring-flows.repository.js';
import { weekEnd, weekOf, weeksUpTo } from './weeks.js';

/** How many weeks the trend shows, and how far back the refreshes reconstruct. */
export const TREND_WEEKS = 52;
/**
 * Missing past weeks rebuilt per refresh, newest first: at 1M applications one week takes
 * seconds, so the year is filled over the first hour of runs instead of one long transaction.
 */
export const BACKFILL_WEEKS_PER_RUN = 4;

/**
 * Rebuild the monitoring rollups (the queued `monitoring.refresh` job, every few minutes, and the
 * console's 立即刷新): the current week's supply and demand from the state now, up to four of
 * the last 52 weeks never built yet from dates (newest first), the daily registration and matchmaking counts, the 就业流向 funnels, and the
 * shortage alerts of the current week. One transaction, serialised by an advisory lock, so a
 * reader sees either the old or the new snapshot.
 *
 * Why a queued rebuild rather than counters kept by triggers or by each write: demand is a state
 * (open places change on publish, hire, cancel, fill, close and expiry, written by three modules)
 * and a reporting module writes nothing in other modules' transactions; a rebuild is idempotent,
 * heals itself after an import of backdated records, and costs one pass over open postings and
 * workers in the background instead of one per request. The screen may lag by one interval.
 */
export async function refreshMonitoring(db: Db, now: Date): Promise<{ week: string; cells: number; alerts: number }> {
  const week = weekOf(now);
  const threshold = await getSetting(db, 'supplyAlertThreshold');
  return db.transaction(async (tx) => {
    await repo.lockRefresh(tx);
    const known = await repo.findMarkedWeeks(tx);
    const missing = weeksUpTo(week, TREND_WEEKS)
      .slice(0, -1)
      .filter((w) => !known.has(w))
      .reverse()
      .slice(0, BACKFILL_WEEKS_PER_RUN);
    for (const past of missing) {
      await repo.deleteWeek(tx, past);
      await repo.insertReconstructedWeek(tx, past, weekEnd(past));
      await repo.insertTownTotals(tx, past);
      await repo.upsertWeekMark(tx, past, 'reconstructed', now);
    }
    await repo.deleteWeek(tx, week);
    await repo.insertLiveWeek(tx, week);
    await repo.insertTownTotals(tx, week);
    await repo.upsertWeekMark(tx, week, 'live', now);
    await repo.rebuildDailyCounts(tx);
    await rebuildFlows(tx, now);
    const alerts = await repo.upsertAlerts(tx, week, threshold, now);
    return { week, cells: await repo.countWeekCells(tx, week), alerts };
  });
}
