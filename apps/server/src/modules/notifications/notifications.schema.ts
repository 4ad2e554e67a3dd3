import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KIND_VALUES, NOTIFICATION_SMS_FLAGS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
/** Kinds of in-app messages; the key events also go out by SMS. */
export const NOTIFICATION_KINDS = NOTIFICATION_KIND_VALUES;

/** The message centre: one row per message to one user. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** In-app route to open, e.g. /applications/<id>. */
    link: text('link'),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    /** Whether an SMS was queued with it. */
    smsQueued: text('sms_queued', { enum: NOTIFICATION_SMS_FLAGS }).notNull().default('no'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set for messages sent at most once (e.g. 'shift:<application>:<date>'). */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
  ],
);
