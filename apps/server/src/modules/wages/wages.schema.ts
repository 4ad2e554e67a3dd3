import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  WAGE_ACTIONS,
  WAGE_ACTOR_SIDES,
  WAGE_BATCH_LINE_STATUSES,
  WAGE_BATCH_STATUSES,
  WAGE_ESCALATION_LEVELS,
  WAGE_LINE_KINDS,
  WAGE_PAYMENT_METHODS,
  WAGE_PAYMENT_PROVIDERS,
  WAGE_STATUSES,
  WAGE_UNITS,
} from '@lingong/contracts';

/**
 * 工资单: one per hire and pay period, computed from attendance (or a piece count) × the rate
 * agreed at hire, plus addition and deduction lines. `townCode` is the job's town (staff scope).
 * `dueDate` is the pay day (period end + the days agreed at hire).
 */
export const wageStatements = pgTable(
  'wage_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    jobId: uuid('job_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    townCode: text('town_code').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    unit: text('unit', { enum: WAGE_UNITS }).notNull(),
    rateFen: integer('rate_fen').notNull(),
    days: integer('days').notNull(),
    minutes: integer('minutes').notNull(),
    pieces: integer('pieces').notNull(),
    baseFen: integer('base_fen').notNull(),
    additionsFen: integer('additions_fen').notNull(),
    deductionsFen: integer('deductions_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    status: text('status', { enum: WAGE_STATUSES }).notNull(),
    dueDate: date('due_date').notNull(),
    /** Incremented by each correction after a dispute. */
    version: integer('version').notNull().default(1),
    disputeReason: text('dispute_reason'),
    disputePhotoFileId: uuid('dispute_photo_file_id'),
    /** Set when the overdue sweep filed a wage grievance for this statement. */
    grievanceId: uuid('grievance_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('wage_statements_period_uq').on(t.applicationId, t.periodStart),
    index('wage_statements_worker_idx').on(t.workerId, t.status),
    index('wage_statements_employer_idx').on(t.employerId, t.status),
    index('wage_statements_town_idx').on(t.townCode, t.status),
    index('wage_statements_due_idx').on(t.status, t.dueDate),
  ],
);

/** Additions (加项) and deductions (扣款), each with its reason, replaced as a whole on edit. */
export const wageStatementLines = pgTable(
  'wage_statement_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    kind: text('kind', { enum: WAGE_LINE_KINDS }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('wage_statement_lines_stmt_idx').on(t.statementId)],
);

/** Every action on a statement, with the side, user and time (never updated). */
export const wageStatementEvents = pgTable(
  'wage_statement_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    action: text('action', { enum: WAGE_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: WAGE_STATUSES }),
    toStatus: text('to_status', { enum: WAGE_STATUSES }).notNull(),
    actorSide: text('actor_side', { enum: WAGE_ACTOR_SIDES }).notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    totalFen: integer('total_fen').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wage_statement_events_stmt_idx').on(t.statementId, t.at)],
);

/**
 * A wage payment. One per statement (unique), and one per idempotency key: a repeated or
 * concurrent request with the same key returns the first payment instead of recording another.
 */
export const wagePayments = pgTable(
  'wage_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    provider: text('provider', { enum: WAGE_PAYMENT_PROVIDERS }).notNull(),
    method: text('method', { enum: WAGE_PAYMENT_METHODS }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    reference: text('reference'),
    photoFileId: uuid('photo_file_id'),
    recordedBySide: text('recorded_by_side', { enum: WAGE_ACTOR_SIDES }).notNull(),
    recordedById: uuid('recorded_by_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('wage_payments_statement_uq').on(t.statementId),
    uniqueIndex('wage_payments_key_uq').on(t.idempotencyKey),
  ],
);

/**
 * 工资代发账户: the worker's bank account for entrusted settlement. The account number is
 * encrypted (SM4) and shown masked; only the bank batch file carries it in full (audited).
 */
export const workerBankAccounts = pgTable('worker_bank_accounts', {
  workerId: uuid('worker_id').primaryKey(),
  bankName: text('bank_name').notNull(),
  accountEnc: text('account_enc').notNull(),
  accountLast4: text('account_last4').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** 委托结算批次: confirmed statements paid by staff through the bank's batch payment (代发工资). */
export const wageBatches = pgTable(
  'wage_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status', { enum: WAGE_BATCH_STATUSES }).notNull(),
    lineCount: integer('line_count').notNull(),
    totalFen: integer('total_fen').notNull(),
    createdByStaffId: uuid('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('wage_batches_number_uq').on(t.number), index('wage_batches_region_idx').on(t.regionCode)],
);

/** One line of a batch: one statement, its amount, and the bank's result. */
export const wageBatchLines = pgTable(
  'wage_batch_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    statementId: uuid('statement_id').notNull(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: WAGE_BATCH_LINE_STATUSES }).notNull(),
    bankMessage: text('bank_message'),
  },
  (t) => [
    uniqueIndex('wage_batch_lines_no_uq').on(t.batchId, t.lineNo),
    index('wage_batch_lines_stmt_idx').on(t.statementId),
  ],
);

/**
 * 欠薪升级阶梯: each step of an overdue statement's grievance (filed at the station, then the
 * county centre, then 劳动保障监察), once per level. Each step also queues an outbox record for
 * the provincial exchange (background_jobs kind `exchange.wage_grievance`).
 */
export const wageEscalations = pgTable(
  'wage_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    grievanceId: uuid('grievance_id').notNull(),
    level: text('level', { enum: WAGE_ESCALATION_LEVELS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('wage_escalations_level_uq').on(t.statementId, t.level)],
);
