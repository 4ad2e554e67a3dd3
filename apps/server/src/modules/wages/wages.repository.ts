import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
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
