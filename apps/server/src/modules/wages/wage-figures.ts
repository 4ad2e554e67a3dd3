import { asc, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { medianOfHistogram, shanghaiDay } from '../../platform/reporting/index.js';
import { wageTownFigures, wageTownPayDays } from './wage-figures.schema.js';
import { wageStatementEvents, wageStatements } from './wages.schema.js';

/**
 * Rebuild the 薪酬指标 rollups from the statements: one pass in the background (the scheduled
 * `wages.figures` job and the end of each overdue sweep) instead of one per dashboard request.
 * A rebuild rather than counters on each transition, because "overdue" changes with the calendar,
 * not only with writes. One transaction, serialised, so a reader sees the old or the new snapshot.
 */
export async function refreshWageFigures(db: Db, now: Date): Promise<{ towns: number }> {
  const today = shanghaiDay(now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(731302)`);
    await tx.delete(wageTownFigures);
    await tx.delete(wageTownPayDays);
    const open = sql`status in ('issued', 'confirmed', 'disputed') and due_date < ${today}::date`;
    await tx.execute(sql`
      with f as (
        select town_code,
               coalesce(sum(total_fen) filter (where status in ('paid', 'received')), 0) as settled_fen,
               (count(*) filter (where ${open}))::int as overdue_count,
               coalesce(sum(total_fen) filter (where ${open}), 0) as overdue_fen
          from ${wageStatements} group by town_code
      ), d as (
        select s.town_code, count(distinct e.statement_id)::int as n
          from ${wageStatementEvents} e join ${wageStatements} s on s.id = e.statement_id
         where e.action = 'correct' group by s.town_code
      )
      insert into ${wageTownFigures} (town_code, settled_fen, overdue_count, overdue_fen, disputes_resolved, refreshed_at)
      select f.town_code, f.settled_fen, f.overdue_count, f.overdue_fen, coalesce(d.n, 0), ${now}
        from f left join d on d.town_code = f.town_code`);
    await tx.execute(sql`
      insert into ${wageTownPayDays} (town_code, days, statements)
      select town_code, ((paid_at at time zone 'Asia/Shanghai')::date - period_end) as days, count(*)::int
        from ${wageStatements} where paid_at is not null group by 1, 2`);
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(wageTownFigures);
    return { towns: Number(r?.n ?? 0) };
  });
}

/** 薪酬指标 of a region (town code pattern), read from the rollups: one row per town, no statement scan. */
export async function readWageFigures(db: DbOrTx, townPattern: string) {
  const [r] = await db
    .select({
      settledFen: sql<string>`coalesce(sum(${wageTownFigures.settledFen}), 0)`,
      overdueCount: sql<string>`coalesce(sum(${wageTownFigures.overdueCount}), 0)`,
      overdueFen: sql<string>`coalesce(sum(${wageTownFigures.overdueFen}), 0)`,
      disputesResolved: sql<string>`coalesce(sum(${wageTownFigures.disputesResolved}), 0)`,
      refreshedAt: sql<Date | string | null>`max(${wageTownFigures.refreshedAt})`,
    })
    .from(wageTownFigures)
    .where(like(wageTownFigures.townCode, townPattern));
  const days = await db
    .select({ days: wageTownPayDays.days, statements: sql<string>`sum(${wageTownPayDays.statements})` })
    .from(wageTownPayDays)
    .where(like(wageTownPayDays.townCode, townPattern))
    .groupBy(wageTownPayDays.days)
    .orderBy(asc(wageTownPayDays.days));
  const refreshed = r?.refreshedAt ?? null;
  return {
    settledFen: Number(r?.settledFen ?? 0),
    overdueCount: Number(r?.overdueCount ?? 0),
    overdueFen: Number(r?.overdueFen ?? 0),
    medianDaysToPay: medianOfHistogram(days.map((d) => ({ value: d.days, count: Number(d.statements) }))),
    disputesResolved: Number(r?.disputesResolved ?? 0),
    refreshedAt: refreshed == null ? null : new Date(refreshed).toISOString(),
  };
}
