import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { DELIVERY_PARTIES, EVENT_KINDS, STATION_EVENT_KINDS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { DELIVERY_PARTIES, EVENT_KINDS, STATION_EVENT_KINDS };

/**
 * Recruitment events (专项招聘活动): offline / online fairs, livestreams (platform + link), and
 * grassroots station events (`stationKind`). `checkinSecret` seeds the rotating QR token.
 */
export const recruitmentEvents = pgTable(
  'recruitment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    stationKind: text('station_kind', { enum: STATION_EVENT_KINDS }),
    title: text('title').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    platform: text('platform').notNull().default(''),
    link: text('link').notNull().default(''),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    checkinSecret: text('checkin_secret').notNull(),
    intentions: integer('intentions').notNull().default(0),
    hires: integer('hires').notNull().default(0),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recruitment_events_region_idx').on(t.regionCode, t.heldAt)],
);

/** Employers taking part in an event, with the jobs they bring. */
export const eventEmployers = pgTable(
  'event_employers',
  {
    eventId: uuid('event_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    jobIds: uuid('job_ids').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.employerId] })],
);

/** Attendees checked in (by the event's rotating QR token). */
export const eventAttendees = pgTable(
  'event_attendees',
  {
    eventId: uuid('event_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.workerId] })],
);

/** 送工 deliveries: workers sent to an enterprise by a sender on a date. */
export const workerDeliveries = pgTable(
  'worker_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id').notNull(),
    sender: text('sender').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    workerIds: uuid('worker_ids').array().notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    note: text('note').notNull().default(''),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_deliveries_region_idx').on(t.regionCode, t.deliveredOn)],
);

/** Each party's confirmation of a delivery; `discrepancy` = confirmed count minus the listed count (0 = agrees). */
export const deliveryConfirmations = pgTable(
  'delivery_confirmations',
  {
    deliveryId: uuid('delivery_id').notNull(),
    party: text('party', { enum: DELIVERY_PARTIES }).notNull(),
    confirmedCount: integer('confirmed_count').notNull(),
    confirmer: text('confirmer').notNull(),
    discrepancy: integer('discrepancy').notNull(),
    note: text('note').notNull().default(''),
    recorderStaffId: uuid('recorder_staff_id'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.party] })],
);
