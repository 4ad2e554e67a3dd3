import type { ExchangeRecord } from '@lingong/contracts';
import { DATASETS } from './exchange-datasets.js';
import type { ExchangeRecordRow } from './exchange.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An exchange record as the console sees it (it holds no personal data). */
export function presentRecord(r: ExchangeRecordRow): ExchangeRecord {
  return {
    id: r.id,
    dataset: DATASETS.find((d) => d === r.dataset) ?? 'job_postings',
    sourceId: r.sourceId,
    revision: r.revision,
    idempotencyKey: r.idempotencyKey,
    regionCode: r.regionCode,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastError: r.lastError,
    rejectCode: r.rejectCode,
    rejectMessage: r.rejectMessage,
    receiptId: r.receiptId,
    batchFile: r.batchFile,
    resentCount: r.resentCount,
    createdAt: r.createdAt.toISOString(),
    sentAt: iso(r.sentAt),
    acceptedAt: iso(r.acceptedAt),
  };
}
