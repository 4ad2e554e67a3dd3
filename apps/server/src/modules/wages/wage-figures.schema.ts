import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// 薪酬指标 rollups, rebuilt by the queued `wages.figures` job (and after each overdue sweep) so the
// dashboard reads one row per town instead of aggregating every statement per request.

/** Per town: wages settled, statements overdue (count, fen), statements corrected after a dispute. */
export const wageTownFigures = pgTable('wage_town_figures', {
  townCode: text('town_code').primaryKey(),
  settledFen: bigint('settled_fen', { mode: 'number' }).notNull(),
  overdueCount: integer('overdue_count').notNull(),
  overdueFen: bigint('overdue_fen', { mode: 'number' }).notNull(),
  disputesResolved: integer('disputes_resolved').notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
});

/**
 * Per town, how many paid statements took how many days from the period end to payment: a
 * histogram, so the median of any region (sum of towns) is exact without reading the statements.
 */
export const wageTownPayDays = pgTable(
  'wage_town_pay_days',
  {
    townCode: text('town_code').notNull(),
    days: integer('days').notNull(),
    statements: integer('statements').notNull(),
  },
  (t) => [primaryKey({ columns: [t.townCode, t.days] })],
);
