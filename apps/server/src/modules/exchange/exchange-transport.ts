import type { Dataset } from './exchange-datasets.js';
import type { RecordResult } from './exchange-protocol.js';

export type OutboundRecord = { idempotencyKey: string; fields: Record<string, string | number | null> };
export type OutboundBatch = { dataset: Dataset; records: OutboundRecord[] };

/**
 * What a transport reports: `results` per record from an online endpoint (records missing from
 * it were not processed and are sent again), or `file` when the batch was written for manual
 * upload (the records wait as `sent` until staff confirm the upload).
 */
export type TransportOutcome = { kind: 'results'; results: RecordResult[] } | { kind: 'file'; fileName: string };

/**
 * How records leave the county. Connecting the real 数智人社 endpoint is configuration plus, if
 * its protocol differs from ours, one implementation of this interface. A transport throws on
 * a failure of the whole batch (timeout, 5xx, refused signature): every record is retried.
 */
export interface ExchangeTransport {
  readonly kind: 'http' | 'file';
  send(batch: OutboundBatch): Promise<TransportOutcome>;
}

/** A failure of the whole batch; `retryable` false for errors that need an operator (bad key). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
