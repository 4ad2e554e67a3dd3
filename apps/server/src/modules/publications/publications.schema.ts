import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  PUBLICATION_CHANNELS,
  PUBLICATION_KINDS,
  PUBLICATION_LOG_ACTIONS,
  PUBLICATION_STATUSES,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { PUBLICATION_CHANNELS, PUBLICATION_KINDS, PUBLICATION_LOG_ACTIONS, PUBLICATION_STATUSES };

/**
 * 统一发布: one item (announcement, policy, job bulletin) written once and published to its
 * channels. draft -> pending_review -> approved (waits for publishAt) -> published ->
 * unpublished (at unpublishAt or by hand); rejected (with reason) goes back to editing.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PUBLICATION_KINDS }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    /** 岗位快讯: the job postings listed. */
    jobIds: uuid('job_ids').array().notNull().default([]),
    channels: text('channels', { enum: PUBLICATION_CHANNELS }).array().notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    rejectReason: text('reject_reason'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    unpublishAt: timestamp('unpublish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
    authorStaffId: uuid('author_staff_id'),
    reviewerStaffId: uuid('reviewer_staff_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publications_region_idx').on(t.regionCode, t.status),
    index('publications_status_at_idx').on(t.status, t.publishAt),
  ],
);

/** Publish log per channel: published / unpublished / exported, by whom (null: the scheduler), when. */
export const publicationLogs = pgTable(
  'publication_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: PUBLICATION_CHANNELS }).notNull(),
    action: text('action', { enum: PUBLICATION_LOG_ACTIONS }).notNull(),
    staffId: uuid('staff_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('publication_logs_pub_idx').on(t.publicationId, t.at)],
);
