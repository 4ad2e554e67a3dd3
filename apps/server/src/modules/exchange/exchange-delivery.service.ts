import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Db } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { toIndicatorFields, type Dataset } from './exchange-datasets.js';
import type { ExchangeConfig } from './exchange-config.js';
import { exchangeRecords } from './exchange.schema.js';
import { READERS, collectDataset } from './exchange-sources.js';
import { TransportError, type ExchangeTransport, type OutboundRecord } from './exchange-transport.js';

export type DeliveryDeps = {
  db: Db;
  pii: Pii;
  config: ExchangeConfig;
  transport: ExchangeTransport | null;
  now: () => Date;
};

export type DeliveryReport = {
  collected: number;
  batches: number;
  accepted: number;
  rejected: number;
  retried: number;
  dead: number;
  filed: number;
};

type ExchangeRecord = typeof exchangeRecords.$inferSelect;

/** Retry delay after the n-th failed attempt: base, 2×base, 4×base … capped at one hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(3600_000, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claim up to `limit` due records of a data set: pending ones whose retry time has come, and
 * `sending` ones whose lease ran out (their worker died mid-batch). FOR UPDATE SKIP LOCKED lets
 * several worker processes share the outbox without sending a record twice at the same time.
 */
async function claimDue(db: Db, dataset: Dataset, now: Date, cfg: ExchangeConfig): Promise<ExchangeRecord[]> {
  const leaseUntil = new Date(now.getTime() + cfg.leaseMs);
  return db.transaction(async (tx) =>
    tx
      .update(exchangeRecords)
      .set({
        state: 'sending',
        lockedUntil: leaseUntil,
        attempts: sql`${exchangeRecords.attempts} + 1`,
        updatedAt: now,
      })
      .where(
        sql`${exchangeRecords.id} in (select id from ${exchangeRecords} where ${exchangeRecords.dataset} = ${dataset} and ((${exchangeRecords.state} = 'pending' and ${exchangeRecords.nextAttemptAt} <= ${now}) or (${exchangeRecords.state} = 'sending' and ${exchangeRecords.lockedUntil} < ${now})) order by ${exchangeRecords.createdAt}, ${exchangeRecords.id} limit ${cfg.batchSize} for update skip locked)`,
      )
      .returning(),
  );
}

async function markFailed(db: DbOrTx, records: ExchangeRecord[], error: string, now: Date, cfg: ExchangeConfig) {
  let dead = 0;
  for (const r of records) {
    const isDead = r.attempts >= cfg.maxAttempts;
    if (isDead) dead += 1;
    await db
      .update(exchangeRecords)
      .set({
        state: isDead ? 'dead' : 'pending',
        lastError: error.slice(0, 1000),
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(r.attempts, cfg.retryBaseMs)),
        updatedAt: now,
      })
      .where(and(eq(exchangeRecords.id, r.id), eq(exchangeRecords.state, 'sending')));
  }
  return dead;
}

/** Send one claimed batch and record each outcome. */
async function deliverBatch(deps: DeliveryDeps, dataset: Dataset, claimed: ExchangeRecord[], report: DeliveryReport) {
  const { db, config: cfg } = deps;
  const transport = deps.transport;
  if (!transport) return;
  const values = await READERS[dataset](
    db,
    deps.pii,
    claimed.map((r) => r.sourceId),
  );
  const gone = claimed.filter((r) => !values.has(r.sourceId));
  if (gone.length > 0)
    await db
      .update(exchangeRecords)
      .set({ state: 'dead', lastError: '源记录已删除', lockedUntil: null, updatedAt: deps.now() })
      .where(
        inArray(
          exchangeRecords.id,
          gone.map((r) => r.id),
        ),
      );
  const sendable = claimed.filter((r) => values.has(r.sourceId));
  if (sendable.length === 0) return;
  const records: OutboundRecord[] = sendable.map((r) => ({
    idempotencyKey: r.idempotencyKey,
    fields: toIndicatorFields(dataset, values.get(r.sourceId) ?? {}, cfg.fieldMap),
  }));
  report.batches += 1;
  let outcome;
  try {
    outcome = await transport.send({ dataset, records });
  } catch (err) {
    const message = err instanceof TransportError ? err.message : err instanceof Error ? err.message : String(err);
    report.dead += await markFailed(db, sendable, message, deps.now(), cfg);
    report.retried += sendable.length;
    return;
  }
  const now = deps.now();
  if (outcome.kind === 'file') {
    await db
      .update(exchangeRecords)
      .set({
        state: 'sent',
        batchFile: outcome.fileName,
        sentAt: now,
        lockedUntil: null,
        lastError: null,
        updatedAt: now,
      })
      .where(
        inArray(
          exchangeRecords.id,
          sendable.map((r) => r.id),
        ),
      );
    report.filed += sendable.length;
    return;
  }
  const byKey = new Map(outcome.results.map((r) => [r.idempotencyKey, r]));
  const unanswered: ExchangeRecord[] = [];
  await db.transaction(async (tx) => {
    for (const r of sendable) {
      const res = byKey.get(r.idempotencyKey);
      if (!res) {
        unanswered.push(r);
        continue;
      }
      const sending = and(eq(exchangeRecords.id, r.id), eq(exchangeRecords.state, 'sending'));
      if (res.status === 'rejected') {
        report.rejected += 1;
        await tx
          .update(exchangeRecords)
          .set({
            state: 'rejected',
            rejectCode: res.code ?? 'E_UNKNOWN',
            rejectMessage: res.message ?? '',
            sentAt: now,
            rejectedAt: now,
            lockedUntil: null,
            lastError: null,
            updatedAt: now,
          })
          .where(sending);
      } else {
        report.accepted += 1;
        await tx
          .update(exchangeRecords)
          .set({
            state: 'accepted',
            receiptId: res.receiptId ?? null,
            sentAt: now,
            acceptedAt: now,
            lockedUntil: null,
            lastError: null,
            rejectCode: null,
            rejectMessage: null,
            updatedAt: now,
          })
          .where(sending);
      }
    }
  });
  // Partial acceptance: what the province did not answer is sent again (same idempotency key).
  if (unanswered.length > 0) {
    report.retried += unanswered.length;
    report.dead += await markFailed(db, unanswered, '省级系统未处理（部分接收）', now, cfg);
  }
}

/**
 * One delivery run: collect new source records into the outbox, then send every due record in
 * batches per data set until none is due (or `maxBatches` ran). At least once: a record is
 * marked only after the province answered, so a crash re-sends it with the same idempotency
 * key and the province's de-duplication makes that harmless.
 */
export async function runExchange(deps: DeliveryDeps, opts: { maxBatches?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { collected: 0, batches: 0, accepted: 0, rejected: 0, retried: 0, dead: 0, filed: 0 };
  for (const dataset of deps.config.datasets)
    report.collected += await collectDataset(deps.db, {
      dataset,
      sender: deps.config.sender,
      now: deps.now(),
      limit: 5000,
    });
  if (!deps.transport) return report;
  const maxBatches = opts.maxBatches ?? 50;
  let progress = true;
  while (progress && report.batches < maxBatches) {
    progress = false;
    for (const dataset of deps.config.datasets) {
      const claimed = await claimDue(deps.db, dataset, deps.now(), deps.config);
      if (claimed.length === 0) continue;
      progress = true;
      await deliverBatch(deps, dataset, claimed, report);
    }
  }
  return report;
}
