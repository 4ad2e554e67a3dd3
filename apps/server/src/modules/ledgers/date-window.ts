import { and, count, gte, like, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { shanghaiDay } from './period.js';
import type { Window } from './registrations.repository.js';

// Ledgers whose time column is a calendar day (date), not an instant: the window's [start, end)
// instants become Shanghai days, so 'to' stays inclusive.

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
