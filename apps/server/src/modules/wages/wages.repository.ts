import { and, asc, desc, eq, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { wagePayments, wageStatementEvents, wageStatementLines, wageStatements } from './wages.schema.js';

export type StatementRow = typeof wageStatements.$inferSelect;
export type LineRow = typeof wageStatementLines.$inferSelect;
export type EventRow = typeof wageStatementEvents.$inferSelect;
export type PaymentRow = typeof wagePayments.$inferSelect;

export async function insertStatement(tx: DbOrTx, values: typeof wageStatements.$inferInsert): Promise<StatementRow> {
  const [row] = await tx.insert(wageStatements).values(values).onConflictDoNothing().returning();
  return row as StatementRow;
}

export async function findStatement(db: DbOrTx, id: string): Promise<StatementRow | undefined> {
  const [row] = await db.select().from(wageStatements).where(eq(wageStatements.id, id));
  return row;
}

export async function lockStatement(tx: DbOrTx, id: string): Promise<StatementRow | undefined> {
  const [row] = await tx.select().from(wageStatements).where(eq(wageStatements.id, id)).for('update');
  return row;
}

export async function updateStatement(
  tx: DbOrTx,
  id: string,
  values: Partial<typeof wageStatements.$inferInsert>,
): Promise<StatementRow> {
  const [row] = await tx.update(wageStatements).set(values).where(eq(wageStatements.id, id)).returning();
  if (!row) throw new Error('updateStatement returned no row');
  return row;
}

export async function replaceLines(
  tx: DbOrTx,
  statementId: string,
  lines: { kind: 'addition' | 'deduction'; amountFen: number; reason: string }[],
): Promise<void> {
  await tx.delete(wageStatementLines).where(eq(wageStatementLines.statementId, statementId));
  if (lines.length) await tx.insert(wageStatementLines).values(lines.map((l) => ({ ...l, statementId })));
}

export async function insertEvent(tx: DbOrTx, values: typeof wageStatementEvents.$inferInsert): Promise<void> {
  await tx.insert(wageStatementEvents).values(values);
}

export async function findStatements(db: DbOrTx, where: SQL | undefined, limit = 200, offset = 0) {
  return db
    .select()
    .from(wageStatements)
    .where(where)
    .orderBy(desc(wageStatements.periodStart), desc(wageStatements.createdAt))
    .limit(limit)
    .offset(offset);
}

export async function countStatements(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(wageStatements)
    .where(where);
  return row?.n ?? 0;
}

export async function findDetails(db: DbOrTx, ids: string[]) {
  if (!ids.length) return { lines: [] as LineRow[], events: [] as EventRow[], payments: [] as PaymentRow[] };
  const [lines, events, payments] = [
    await db.select().from(wageStatementLines).where(inArray(wageStatementLines.statementId, ids)),
    await db
      .select()
      .from(wageStatementEvents)
      .where(inArray(wageStatementEvents.statementId, ids))
      .orderBy(asc(wageStatementEvents.at)),
    await db.select().from(wagePayments).where(inArray(wagePayments.statementId, ids)),
  ];
  return { lines, events, payments };
}

export async function findPaymentByKey(db: DbOrTx, key: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(wagePayments).where(eq(wagePayments.idempotencyKey, key));
  return row;
}

/** Insert a payment; undefined when the key or the statement already has one (lost the race). */
export async function insertPayment(
  tx: DbOrTx,
  values: typeof wagePayments.$inferInsert,
): Promise<PaymentRow | undefined> {
  const [row] = await tx.insert(wagePayments).values(values).onConflictDoNothing().returning();
  return row;
}

/** Paid statements whose payment is older than the cutoff and the worker stayed silent. */
export async function findPaidBefore(db: DbOrTx, cutoff: Date, limit = 500) {
  return db
    .select()
    .from(wageStatements)
    .where(and(eq(wageStatements.status, 'paid'), lt(wageStatements.paidAt, cutoff)))
    .limit(limit);
}

/**
 * 薪酬指标 over the statements in a region pattern: wages settled (paid or received), statements
 * overdue (open past the pay day), median days from the period end to payment, disputes resolved
 * (statements corrected after a dispute). One aggregate query; drill down through the ledger.
 */
export async function wageFigures(db: DbOrTx, townPattern: string, today: string) {
  const open = sql`${wageStatements.status} in ('issued', 'confirmed', 'disputed') and ${wageStatements.dueDate} < ${today}::date`;
  const [r] = await db
    .select({
      settledFen: sql<string>`coalesce(sum(${wageStatements.totalFen}) filter (where ${wageStatements.status} in ('paid', 'received')), 0)`,
      overdueCount: sql<number>`(count(*) filter (where ${open}))::int`,
      overdueFen: sql<string>`coalesce(sum(${wageStatements.totalFen}) filter (where ${open}), 0)`,
      medianDays: sql<
        number | null
      >`(percentile_cont(0.5) within group (order by ((${wageStatements.paidAt} at time zone 'Asia/Shanghai')::date - ${wageStatements.periodEnd})))::float8`,
    })
    .from(wageStatements)
    .where(like(wageStatements.townCode, townPattern));
  const [d] = await db
    .select({ n: sql<number>`count(distinct ${wageStatementEvents.statementId})::int` })
    .from(wageStatementEvents)
    .innerJoin(wageStatements, eq(wageStatements.id, wageStatementEvents.statementId))
    .where(and(eq(wageStatementEvents.action, 'correct'), like(wageStatements.townCode, townPattern)));
  return {
    settledFen: Number(r?.settledFen ?? 0),
    overdueCount: Number(r?.overdueCount ?? 0),
    overdueFen: Number(r?.overdueFen ?? 0),
    medianDaysToPay: r?.medianDays == null ? null : Number(r.medianDays),
    disputesResolved: Number(d?.n ?? 0),
  };
}
