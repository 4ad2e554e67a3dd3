import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  APPEAL_STATUSES,
  APPEAL_TARGETS,
  BLACKLIST_SCOPES,
  CREDIT_EVENT_KIND_VALUES,
  CREDIT_SUBJECTS,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { APPEAL_STATUSES, APPEAL_TARGETS, BLACKLIST_SCOPES, CREDIT_SUBJECTS };
/** What moves a credit score. Points per kind come from `credit_rules` (defaults in credit-rules.ts). */
export const CREDIT_EVENT_KINDS = CREDIT_EVENT_KIND_VALUES;

/** The credit ledger: one row per scoring event, never updated (a reversal is a new row). */
export const creditEvents = pgTable(
  'credit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: CREDIT_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind', { enum: CREDIT_EVENT_KINDS }).notNull(),
    points: integer('points').notNull(),
    /** What caused it: an application, a rating, an appeal, ... */
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id'),
    actorStaffId: uuid('actor_staff_id'),
    regionCode: text('region_code'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_events_subject_idx').on(t.subjectType, t.subjectId, t.at),
    // Idempotent recording: one event of a kind per subject and cause.
    uniqueIndex('credit_events_once_uq').on(t.subjectType, t.subjectId, t.kind, t.refId),
  ],
);

/** The current score per subject, kept in step with the ledger in the same transaction. */
export const creditScores = pgTable(
  'credit_scores',
  {
    subjectType: text('subject_type', { enum: CREDIT_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    score: integer('score').notNull(),
    eventCount: integer('event_count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credit_scores_subject_uq').on(t.subjectType, t.subjectId),
    index('credit_scores_score_idx').on(t.subjectType, t.score),
  ],
);

/** Staff-configured points per event kind (诚信管理); a missing row means the built-in default. */
export const creditRules = pgTable('credit_rules', {
  kind: text('kind', { enum: CREDIT_EVENT_KINDS }).primaryKey(),
  points: integer('points').notNull(),
  updatedByStaffId: uuid('updated_by_staff_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 黑名单: a worker or employer stopped from posting / applying until lifted or expired. */
export const creditBlacklist = pgTable(
  'credit_blacklist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: CREDIT_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    scope: text('scope', { enum: BLACKLIST_SCOPES }).notNull(),
    reason: text('reason').notNull(),
    /** First instant the entry no longer applies; null = until lifted. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    regionCode: text('region_code').notNull(),
    createdByStaffId: uuid('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedByStaffId: uuid('lifted_by_staff_id'),
    liftReason: text('lift_reason'),
  },
  (t) => [
    index('credit_blacklist_subject_idx').on(t.subjectType, t.subjectId),
    index('credit_blacklist_region_idx').on(t.regionCode),
  ],
);

/** 申诉: the subject contests a credit event or a blacklist entry; staff uphold or reject. */
export const creditAppeals = pgTable(
  'credit_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: CREDIT_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    targetType: text('target_type', { enum: APPEAL_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: APPEAL_STATUSES }).notNull().default('pending'),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decisionReason: text('decision_reason'),
    decidedByStaffId: uuid('decided_by_staff_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One appeal per target.
    uniqueIndex('credit_appeals_target_uq').on(t.targetType, t.targetId),
    index('credit_appeals_region_idx').on(t.regionCode, t.status),
  ],
);

/** 重点关注规则 per credit event kind (only wage_overdue so far); a missing row means the defaults. */
export const creditWatchRules = pgTable('credit_watch_rules', {
  kind: text('kind', { enum: CREDIT_EVENT_KINDS }).primaryKey(),
  enabled: boolean('enabled').notNull(),
  overdueCount: integer('overdue_count').notNull(),
  withinDays: integer('within_days').notNull(),
  updatedByStaffId: uuid('updated_by_staff_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 重点关注名单: subjects put on watch by a rule (or staff), with the reason and the rule as it
 * stood. At most one active entry per subject (partial unique index), so a rule firing again adds none.
 */
export const creditWatchlist = pgTable(
  'credit_watchlist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectType: text('subject_type', { enum: CREDIT_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    reason: text('reason').notNull(),
    rule: text('rule').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedByStaffId: uuid('removed_by_staff_id'),
  },
  (t) => [
    uniqueIndex('credit_watchlist_active_uq')
      .on(t.subjectType, t.subjectId)
      .where(sql`${t.removedAt} is null`),
    index('credit_watchlist_region_idx').on(t.regionCode, t.createdAt),
  ],
);
