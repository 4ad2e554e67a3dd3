import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AGREEMENT_STATUSES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { AGREEMENT_STATUSES };

/** Versioned agreement templates; the body has `{{placeholder}}` slots filled at generation. */
export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_templates_code_version_uq').on(t.code, t.version)],
);

/** Per-year counter behind agreement numbers (LZXY-2026-000123). */
export const agreementCounters = pgTable('agreement_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * 工作协议 of one hired application. The filled text is frozen at generation: stored encrypted
 * (it names the worker) with its SM3 hash over the plain text. Each side signs once.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    applicationId: uuid('application_id').notNull().unique(),
    jobId: uuid('job_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    templateId: uuid('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    title: text('title').notNull(),
    textEnc: text('text_enc').notNull(),
    textHash: text('text_hash').notNull(),
    /** For the public verify page: masked worker name, employer and job as at generation. */
    workerNameMasked: text('worker_name_masked').notNull(),
    employerName: text('employer_name').notNull(),
    jobTitle: text('job_title').notNull(),
    status: text('status', { enum: AGREEMENT_STATUSES }).notNull().default('draft'),
    workerSignedAt: timestamp('worker_signed_at', { withTimezone: true }),
    workerSignedUserId: uuid('worker_signed_user_id'),
    employerSignedAt: timestamp('employer_signed_at', { withTimezone: true }),
    employerSignedUserId: uuid('employer_signed_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_employer_idx').on(t.employerId), index('agreements_worker_idx').on(t.workerId)],
);
