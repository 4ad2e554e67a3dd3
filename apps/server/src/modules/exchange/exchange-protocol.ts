import { z } from 'zod';
import { DATASETS } from './exchange-datasets.js';

/**
 * The wire protocol between a county instance and the provincial endpoint (and the stand-in).
 * No public specification of 数智人社 exists; this is ours, kept small so a real endpoint can be
 * adapted in one transport file.
 */
export const RECORDS_PATH = '/api/exchange/v1/records';
export const ACKS_PATH = '/api/exchange/v1/acks';

export const FieldValue = z.union([z.string(), z.number(), z.null()]);

export const RecordsRequest = z.object({
  /** The sending county's 12-digit division code. */
  sender: z.string().regex(/^\d{12}$/),
  dataset: z.enum(DATASETS),
  templateVersion: z.string().min(1).max(32),
  records: z
    .array(
      z.object({
        idempotencyKey: z.string().min(8).max(200),
        fields: z.record(z.string(), FieldValue),
      }),
    )
    .min(1)
    .max(500),
});
export type RecordsRequest = z.infer<typeof RecordsRequest>;

export const RecordResult = z.object({
  idempotencyKey: z.string(),
  /** duplicate = the key was accepted before (the original receipt is returned). */
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  receiptId: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type RecordResult = z.infer<typeof RecordResult>;

/** Records missing from `results` were not processed (partial acceptance) and are sent again. */
export const RecordsResponse = z.object({ results: z.array(RecordResult) });
export type RecordsResponse = z.infer<typeof RecordsResponse>;

/** The province's acknowledgements of one Shanghai day, per data set (daily reconciliation). */
export const AcksResponse = z.object({
  date: z.string(),
  datasets: z.record(z.string(), z.object({ accepted: z.number().int(), rejected: z.number().int() })),
});
export type AcksResponse = z.infer<typeof AcksResponse>;
