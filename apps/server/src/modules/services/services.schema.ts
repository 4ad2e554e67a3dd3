import { date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { FOLLOWUP_STATUSES, MATCHMAKING_CHANNELS, MATCHMAKING_KINDS, MATCHMAKING_SOURCES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { FOLLOWUP_STATUSES, MATCHMAKING_CHANNELS, MATCHMAKING_KINDS, MATCHMAKING_SOURCES };

/**
 * Follow-ups of registered job seekers (跟踪服务): who was contacted, when, with what outcome.
 * `regionCode` is the worker's home region when recorded; it drives staff scope.
 */
export const registrationFollowups = pgTable(
  'registration_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: FOLLOWUP_STATUSES }).notNull(),
    note: text('note').notNull().default(''),
    nextDate: date('next_date'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registration_followups_worker_idx').on(t.workerId, t.contactedAt),
    index('registration_followups_region_idx').on(t.regionCode, t.contactedAt),
  ],
);

/**
 * Matchmakings (招聘求职对接): one worker x one job or employer, any channel. Created by the
 * applications flow (`source = auto`) or by staff for offline referrals (`source = manual`).
 */
export const matchmakings = pgTable(
  'matchmakings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    jobId: uuid('job_id'),
    employerId: uuid('employer_id'),
    channel: text('channel', { enum: MATCHMAKING_CHANNELS }).notNull(),
    kind: text('kind', { enum: MATCHMAKING_KINDS }).notNull(),
    source: text('source', { enum: MATCHMAKING_SOURCES }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    note: text('note').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('matchmakings_region_idx').on(t.regionCode, t.occurredAt),
    index('matchmakings_worker_idx').on(t.workerId),
    index('matchmakings_job_idx').on(t.jobId),
  ],
);

/** One-to-one career guidance (一对一职业指导): topic, advice, next step, follow-up date. */
export const guidanceSessions = pgTable(
  'guidance_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    sessionAt: timestamp('session_at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
    advice: text('advice').notNull(),
    nextStep: text('next_step').notNull().default(''),
    followupDate: date('followup_date'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('guidance_sessions_region_idx').on(t.regionCode, t.sessionAt),
    index('guidance_sessions_worker_idx').on(t.workerId),
  ],
);
