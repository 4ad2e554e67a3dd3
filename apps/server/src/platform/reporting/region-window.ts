import { and, count, gte, like, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../errors/app-error.js';
import { requirePermission, scopedRegionPattern, type StaffActor } from '../rbac/actor.js';
import { emptyPage, paged, type Fetched, type Page, type PageQuery, type Slice } from './paging.js';
import { instantRange, shanghaiDay } from './shanghai-time.js';

// Region windows: what a reporting list reads is a region subtree (LIKE '4502230%') and a
// [start, end) window of instants. Every ledger, KPI row list and export shares these conditions.

export type Window = { regionPattern: string; start?: Date; end?: Date };
type Filters = { from?: string; to?: string; town?: string };

/** Region subtree and time window of a report query; null when the town is outside the actor's scope. */
export function windowOf(actor: StaffActor, q: Filters): Window | null {
  requirePermission(actor, 'dashboard.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  return regionPattern === null ? null : { regionPattern, ...instantRange(q) };
}

/** Conditions every ledger shares: region subtree and a [start, end) window on its time column. */
export function windowConds(regionColumn: AnyColumn, timeColumn: AnyColumn, w: Window): SQL[] {
  const conds: SQL[] = [like(regionColumn, w.regionPattern)];
  if (w.start) conds.push(gte(timeColumn, w.start));
  if (w.end) conds.push(lt(timeColumn, w.end));
  return conds;
}

/**
 * The same for a column that holds a calendar day (date), not an instant: the window's [start, end)
 * instants become Shanghai days, so 'to' stays inclusive.
 */
export function dateWindowConds(regionColumn: AnyColumn, dayColumn: AnyColumn, w: Window): SQL[] {
  const conds: SQL[] = [like(regionColumn, w.regionPattern)];
  if (w.start) conds.push(gte(dayColumn, shanghaiDay(w.start)));
  if (w.end) conds.push(lt(dayColumn, shanghaiDay(w.end)));
  return conds;
}

/** Rows per month ('YYYY-MM') of a date column inside a window. */
export async function monthlyDayCount(
  db: DbOrTx,
  table: PgTable,
  regionColumn: AnyColumn,
  dayColumn: AnyColumn,
  w: Window,
  extra: SQL[] = [],
): Promise<Map<string, number>> {
  const month = sql<string>`to_char(${dayColumn}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, n: count() })
    .from(table)
    .where(and(...dateWindowConds(regionColumn, dayColumn, w), ...extra))
    .groupBy(month);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** One page of a windowed report; an empty page when the window is out of scope. */
export async function windowPage<R>(
  q: PageQuery,
  w: Window | null,
  fetch: (w: Window, slice: Slice) => Promise<Fetched<R>>,
): Promise<Page<R>> {
  if (!w) return emptyPage(q);
  return paged(q, (slice) => fetch(w, slice));
}

/** The most rows one export may hold (larger sets: narrow the period or export per town). */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 2000;

/** Every row of a windowed report, in batches; refuses more than EXPORT_MAX_ROWS. */
export async function collectAll<R>(
  w: Window | null,
  fetch: (w: Window, slice: Slice) => Promise<Fetched<R>>,
): Promise<R[]> {
  if (!w) return [];
  const first = await fetch(w, { limit: EXPORT_BATCH, offset: 0 });
  if (first.total > EXPORT_MAX_ROWS) throw new AppError('EXPORT_TOO_LARGE');
  const out = [...first.items];
  while (out.length < first.total) {
    const next = await fetch(w, { limit: EXPORT_BATCH, offset: out.length });
    if (next.items.length === 0) break;
    out.push(...next.items);
  }
  return out;
}
