import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PARTY_SIDES, RATING_REVIEW_STATUSES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export const RATING_SIDES = PARTY_SIDES;
/** clean: shown; flagged: a review word hit, comment waits for staff; approved / hidden: staff decided. */
export { RATING_REVIEW_STATUSES };

/**
 * 评价: after a completed application each side rates the other once. Hidden from both until both
 * rated or the window (ratingWindowDays after completion) passed; `revealedAt` marks the reveal,
 * when the rating moves the ratee's credit.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    jobId: uuid('job_id').notNull(),
    raterSide: text('rater_side', { enum: RATING_SIDES }).notNull(),
    raterUserId: uuid('rater_user_id').notNull(),
    /** The worker profile id (employer rates worker) or the employer id (worker rates employer). */
    rateeId: uuid('ratee_id').notNull(),
    stars: integer('stars').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    comment: text('comment').notNull().default(''),
    reviewStatus: text('review_status', { enum: RATING_REVIEW_STATUSES }).notNull().default('clean'),
    reviewHits: jsonb('review_hits').$type<string[]>().notNull().default([]),
    reviewReason: text('review_reason'),
    reviewedByStaffId: uuid('reviewed_by_staff_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The job's town: staff region scope of the review queue. */
    regionCode: text('region_code').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_once_uq').on(t.applicationId, t.raterSide),
    index('ratings_reveal_idx').on(t.revealedAt, t.windowEndsAt),
    index('ratings_review_idx').on(t.reviewStatus, t.regionCode),
  ],
);
