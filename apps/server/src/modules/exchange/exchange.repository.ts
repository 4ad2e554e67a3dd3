import { and, count, desc, eq, gte, like, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { exchangeRecords } from './exchange.schema.js';

export type ExchangeRecordRow = typeof exchangeRecords.$inferSelect;

/** The Shanghai day ('YYYY-MM-DD') of a timestamptz column, independent of the session time zone. */
const dayOf = (column: typeof exchangeRecords.createdAt) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

export type DayRange = { regionPattern: string; start: Date; end: Date };

/** Counts per data set, Shanghai day of entering the outbox, and state. */
export async function countByDayAndState(db: DbOrTx, r: DayRange) {
  const day = dayOf(exchangeRecords.createdAt);
  return db
    .select({ day, dataset: exchangeRecords.dataset, state: exchangeRecords.state, n: count() })
    .from(exchangeRecords)
    .where(
      and(
        like(exchangeRecords.regionCode, r.regionPattern),
        gte(exchangeRecords.createdAt, r.start),
        lt(exchangeRecords.createdAt, r.end),
      ),
    )
    .groupBy(day, exchangeRecords.dataset, exchangeRecords.state)
    .orderBy(desc(day));
}

export async function findRecordsPage(
  db: DbOrTx,
  f: { regionPattern: string; dataset?: string; state?: string; day?: { start: Date; end: Date } },
  slice: Slice,
): Promise<Fetched<ExchangeRecordRow>> {
  const conds: SQL[] = [like(exchangeRecords.regionCode, f.regionPattern)];
  if (f.dataset) conds.push(eq(exchangeRecords.dataset, f.dataset));
  if (f.state) conds.push(sql`${exchangeRecords.state} = ${f.state}`);
  if (f.day) conds.push(gte(exchangeRecords.createdAt, f.day.start), lt(exchangeRecords.createdAt, f.day.end));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(exchangeRecords)
    .where(where)
    .orderBy(desc(exchangeRecords.createdAt), desc(exchangeRecords.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(exchangeRecords).where(where);
  return { items: rows, total: total?.n ?? 0 };
}

export async function findRecordById(db: DbOrTx, id: string): Promise<ExchangeRecordRow | null> {
  const [row] = await db.select().from(exchangeRecords).where(eq(exchangeRecords.id, id));
  return row ?? null;
}

/**
 * Put a rejected or dead record back in the queue under a new revision (a new idempotency key,
 * so the province treats the corrected record as new); the attempt counter starts again.
 */
export async function requeueRecord(db: DbOrTx, row: ExchangeRecordRow, now: Date): Promise<ExchangeRecordRow | null> {
  const revision = row.revision + 1;
  const key = row.idempotencyKey.replace(/:r\d+$/, `:r${revision}`);
  const [updated] = await db
    .update(exchangeRecords)
    .set({
      revision,
      idempotencyKey: key,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      lastError: null,
      rejectCode: null,
      rejectMessage: null,
      resentCount: sql`${exchangeRecords.resentCount} + 1`,
      updatedAt: now,
    })
    .where(and(eq(exchangeRecords.id, row.id), sql`${exchangeRecords.state} in ('rejected', 'dead')`))
    .returning();
  return updated ?? null;
}

/** Records of a batch file confirmed as uploaded by staff become accepted. */
export async function acceptFileBatch(db: DbOrTx, file: string, regionPattern: string, now: Date): Promise<number> {
  const rows = await db
    .update(exchangeRecords)
    .set({ state: 'accepted', acceptedAt: now, updatedAt: now })
    .where(
      and(
        eq(exchangeRecords.batchFile, file),
        eq(exchangeRecords.state, 'sent'),
        like(exchangeRecords.regionCode, regionPattern),
      ),
    )
    .returning({ id: exchangeRecords.id });
  return rows.length;
}

/** Our accepted and rejected acknowledgements of one Shanghai day, per data set. */
export async function countAcksOfDay(db: DbOrTx, regionPattern: string, start: Date, end: Date) {
  const inDay = (col: AnyColumn) =>
    sql<number>`count(*) filter (where ${col} >= ${start} and ${col} < ${end})`.mapWith(Number);
  return db
    .select({
      dataset: exchangeRecords.dataset,
      accepted: inDay(exchangeRecords.acceptedAt),
      rejected: inDay(exchangeRecords.rejectedAt),
    })
    .from(exchangeRecords)
    .where(like(exchangeRecords.regionCode, regionPattern))
    .groupBy(exchangeRecords.dataset);
}
