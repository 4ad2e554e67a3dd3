import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

/** Data sets sent to the provincial 数智人社 system (see docs/exchange.md). */
export const EXCHANGE_DATASETS = [
  'job_postings',
  'employer_registrations',
  'worker_registrations',
  'matchmakings',
] as const;
export const ExchangeDataset = z.enum(EXCHANGE_DATASETS);
export type ExchangeDataset = z.infer<typeof ExchangeDataset>;

/** pending → sending → accepted | rejected | dead; sent = in an Excel batch awaiting manual upload. */
export const EXCHANGE_STATES = ['pending', 'sending', 'sent', 'accepted', 'rejected', 'dead'] as const;
export const ExchangeState = z.enum(EXCHANGE_STATES);
export type ExchangeState = z.infer<typeof ExchangeState>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为YYYY-MM-DD' });

export const ExchangeSummaryQuery = z.object({ from: Day.optional(), to: Day.optional() });
export type ExchangeSummaryQuery = z.infer<typeof ExchangeSummaryQuery>;

const StateCounts = z.object({
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  dead: z.number().int(),
});
export type ExchangeStateCounts = z.infer<typeof StateCounts>;

/** Counts per data set and Shanghai day the record entered the outbox, plus totals per data set. */
export const ExchangeSummary = z.object({
  from: z.string(),
  to: z.string(),
  transport: z.enum(['off', 'http', 'file']),
  endpoint: z.string().nullable(),
  days: z.array(StateCounts.extend({ day: z.string(), dataset: ExchangeDataset })),
  totals: z.array(StateCounts.extend({ dataset: ExchangeDataset, label: z.string() })),
});
export type ExchangeSummary = z.infer<typeof ExchangeSummary>;

export const ExchangeRecordsQuery = PageQuery.extend({
  dataset: ExchangeDataset.optional(),
  state: ExchangeState.optional(),
  day: Day.optional(),
});
export type ExchangeRecordsQuery = z.infer<typeof ExchangeRecordsQuery>;

export const ExchangeRecord = z.object({
  id: z.string(),
  dataset: ExchangeDataset,
  sourceId: z.string(),
  revision: z.number().int(),
  idempotencyKey: z.string(),
  regionCode: z.string(),
  state: ExchangeState,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  rejectCode: z.string().nullable(),
  rejectMessage: z.string().nullable(),
  receiptId: z.string().nullable(),
  batchFile: z.string().nullable(),
  resentCount: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type ExchangeRecord = z.infer<typeof ExchangeRecord>;
export const ExchangeRecordPage = pageOf(ExchangeRecord);
export type ExchangeRecordPage = z.infer<typeof ExchangeRecordPage>;

export const ExchangeIdParam = z.object({ id: z.uuid({ error: '记录编号不正确' }) });

export const ExchangeReconciliationQuery = z.object({ date: Day.optional() });
export type ExchangeReconciliationQuery = z.infer<typeof ExchangeReconciliationQuery>;

/** Our acknowledged counts of a day next to the province's, per data set. */
export const ExchangeReconciliation = z.object({
  date: z.string(),
  /** Null when the province could not be asked (transport off or file, or unreachable). */
  provinceError: z.string().nullable(),
  rows: z.array(
    z.object({
      dataset: ExchangeDataset,
      label: z.string(),
      oursAccepted: z.number().int(),
      oursRejected: z.number().int(),
      provinceAccepted: z.number().int().nullable(),
      provinceRejected: z.number().int().nullable(),
      matches: z.boolean().nullable(),
    }),
  ),
});
export type ExchangeReconciliation = z.infer<typeof ExchangeReconciliation>;

export const ExchangeRunResult = z.object({
  collected: z.number().int(),
  batches: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  retried: z.number().int(),
  dead: z.number().int(),
  filed: z.number().int(),
});
export type ExchangeRunResult = z.infer<typeof ExchangeRunResult>;

export const ExchangeFileParam = z.object({ file: z.string().regex(/^[\w.-]+\.xlsx$/, { error: '文件名不正确' }) });
export const ExchangeCountResult = z.object({ count: z.number().int() });
export type ExchangeCountResult = z.infer<typeof ExchangeCountResult>;

/** What a partner system (open API) may do. */
export const PARTNER_SCOPES = ['jobs.read', 'jobs.push', 'registrations.push'] as const;
export const PartnerScope = z.enum(PARTNER_SCOPES);
export type PartnerScope = z.infer<typeof PartnerScope>;

export const CreatePartnerClientBody = z.object({
  name: z.string().trim().min(2, { error: '请填写对接单位名称' }).max(60, { error: '名称最多60个字' }),
  scopes: z.array(PartnerScope).min(1, { error: '请至少选择一项权限' }),
  rateLimitPerMin: z.coerce.number().int().min(1).max(6000).default(60),
});
export type CreatePartnerClientBody = z.infer<typeof CreatePartnerClientBody>;

export const PartnerClient = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(PartnerScope),
  rateLimitPerMin: z.number().int(),
  regionCode: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type PartnerClient = z.infer<typeof PartnerClient>;
/** Issued credentials: the secret is shown once, never again. */
export const IssuedPartnerClient = PartnerClient.extend({ secret: z.string() });
export type IssuedPartnerClient = z.infer<typeof IssuedPartnerClient>;
export const PartnerClientList = z.object({ items: z.array(PartnerClient) });
export type PartnerClientList = z.infer<typeof PartnerClientList>;
