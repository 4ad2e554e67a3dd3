import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_ORIGINS, APPLICATION_STATUSES, PARTY_SIDES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { APPLICATION_ORIGINS, APPLICATION_STATUSES };
export const APPLICATION_SIDES = PARTY_SIDES;

/**
 * Applications (报名 / 邀请): one worker x one job, at most once. `employerId` is copied from the
 * job so that employer reads need no join. Decline, withdraw and cancel record who and why.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    origin: text('origin', { enum: APPLICATION_ORIGINS }).notNull(),
    /** Set on declined / withdrawn / cancelled: which side ended it, and why. */
    endedBy: text('ended_by', { enum: APPLICATION_SIDES }),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('applications_job_worker_uq').on(t.jobId, t.workerId),
    index('applications_worker_idx').on(t.workerId, t.status),
    index('applications_job_idx').on(t.jobId, t.status),
  ],
);

/** Every transition of an application, with the acting side, user and time (never updated). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: APPLICATION_STATUSES }),
    toStatus: text('to_status', { enum: APPLICATION_STATUSES }).notNull(),
    actorSide: text('actor_side', { enum: APPLICATION_SIDES }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.at)],
);
