import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KIND_VALUES, NOTIFICATION_SMS_FLAGS, STAFF_MESSAGE_KINDS } from '@lingong/contracts';

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

/**
 * 工作人员消息: the console message centre, one row per message to one staff member (e.g. a wage
 * grievance escalated to the level they are on duty for). Written in the sender's transaction.
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id').notNull(),
    kind: text('kind', { enum: STAFF_MESSAGE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    /** One message per key and staff member (e.g. 'wage_escalation:<statement>:<level>'). */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('staff_notifications_staff_idx').on(t.staffId, t.createdAt),
    uniqueIndex('staff_notifications_dedupe_uq').on(t.staffId, t.dedupeKey),
  ],
);

/** Unread count per staff member, maintained with each insert and mark-read (the header badge). */
export const staffInboxCounters = pgTable('staff_inbox_counters', {
  staffId: uuid('staff_id').primaryKey(),
  unread: integer('unread').notNull().default(0),
});
