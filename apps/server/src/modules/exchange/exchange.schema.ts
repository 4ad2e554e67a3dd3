import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

import { EXCHANGE_STATES, PARTNER_SCOPES } from '@lingong/contracts';

export { PARTNER_SCOPES };

/**
 * One source record (a job posting, an employer, a registration, a matchmaking) on its way to the
 * provincial system: the exchange's outbox and ledger. No personal data is stored here: the
 * fields are read from the source record when it is sent, so a fix to the source goes out on
 * resend. States: pending → sending (claimed, with a lease) → accepted | rejected (the province's
 * code and message) | pending again with a backoff | dead after the last attempt; `sent` = in an
 * Excel batch file awaiting manual upload. A staff resend raises `revision`, which makes a new
 * idempotency key.
 */
export const exchangeRecords = pgTable(
  'exchange_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataset: text('dataset').notNull(),
    sourceId: uuid('source_id').notNull(),
    revision: integer('revision').notNull().default(1),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    state: text('state', { enum: EXCHANGE_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    rejectCode: text('reject_code'),
    rejectMessage: text('reject_message'),
    receiptId: text('receipt_id'),
    batchFile: text('batch_file'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    resentCount: integer('resent_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('exchange_records_source_uq').on(t.dataset, t.sourceId),
    index('exchange_records_due_idx').on(t.state, t.nextAttemptAt),
    index('exchange_records_accepted_idx').on(t.dataset, t.acceptedAt),
    index('exchange_records_created_idx').on(t.dataset, t.createdAt),
  ],
);

/**
 * Partner systems of the open API (人力资源市场, 人才服务中心, 产业园, 驿站 software): one row per
 * issued credential. The secret is stored encrypted (it is needed to check HMAC signatures);
 * a revoked client is refused from the next request on.
 */
export const partnerClients = pgTable('partner_clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  clientId: text('client_id').notNull().unique(),
  name: text('name').notNull(),
  secretEnc: text('secret_enc').notNull(),
  scopes: text('scopes').array().notNull().default([]),
  rateLimitPerMin: integer('rate_limit_per_min').notNull().default(60),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  createdByStaffId: uuid('created_by_staff_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});

/** Nonces seen within the replay window, shared by every API process. */
export const partnerNonces = pgTable(
  'partner_nonces',
  {
    clientId: text('client_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.nonce] }), index('partner_nonces_expiry_idx').on(t.expiresAt)],
);

/** Calls per client and minute (per-client rate limit, shared by every API process). */
export const partnerRateWindows = pgTable(
  'partner_rate_windows',
  {
    clientId: text('client_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    calls: integer('calls').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.minute] })],
);
