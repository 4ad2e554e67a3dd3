import { bigint, bigserial, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEPOSIT_ENTRY_KINDS } from '@lingong/contracts';

const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * 委托结算保证金: one row per employer with its maintained totals. balance = deposited − refunded
 * − drawn, kept by every entry in the same transaction; a draw is a conditional update
 * (`balance_fen >= amount`), so two batches racing cannot overdraw.
 */
export const employerDepositAccounts = pgTable(
  'employer_deposit_accounts',
  {
    employerId: uuid('employer_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    depositedFen: fen('deposited_fen').notNull().default(0),
    refundedFen: fen('refunded_fen').notNull().default(0),
    drawnFen: fen('drawn_fen').notNull().default(0),
    balanceFen: fen('balance_fen').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('employer_deposit_accounts_region_idx').on(t.regionCode)],
);

/**
 * The deposit ledger, never updated: 缴存 and 退还 recorded by staff, 批次支取 when a batch is made,
 * 代发失败退回 when the bank's result fails a line. amount_fen is signed (+ in, − out).
 */
export const employerDepositEntries = pgTable(
  'employer_deposit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of writing (entries of one transaction share created_at). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    employerId: uuid('employer_id').notNull(),
    kind: text('kind', { enum: DEPOSIT_ENTRY_KINDS }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    balanceAfterFen: fen('balance_after_fen').notNull(),
    occurredOn: date('occurred_on').notNull(),
    bankReference: text('bank_reference'),
    fileId: uuid('file_id'),
    note: text('note'),
    batchId: uuid('batch_id'),
    batchLineId: uuid('batch_line_id'),
    recordedByStaffId: uuid('recorded_by_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('employer_deposit_entries_employer_idx').on(t.employerId, t.seq),
    // A batch line draws once and is returned at most once.
    uniqueIndex('employer_deposit_entries_line_uq').on(t.batchLineId, t.kind),
  ],
);
