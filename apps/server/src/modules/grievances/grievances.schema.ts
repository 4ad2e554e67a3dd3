import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  GRIEVANCE_KINDS,
  GRIEVANCE_STATUSES,
  PARTY_SIDES,
  SUBJECT_KINDS,
  WAGE_GRIEVANCE_OUTCOMES,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export const GRIEVANCE_KIND_VALUES = GRIEVANCE_KINDS;
export const GRIEVANCE_SIDES = PARTY_SIDES;
export const GRIEVANCE_STATUS_VALUES = GRIEVANCE_STATUSES;

/**
 * 投诉/纠纷: one party of an application complains about the other. At most one open grievance
 * per application and side (partial unique index). `regionCode` is the job's town (staff scope).
 */
export const grievances = pgTable(
  'grievances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    jobId: uuid('job_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    filerSide: text('filer_side', { enum: GRIEVANCE_SIDES }).notNull(),
    filerUserId: uuid('filer_user_id').notNull(),
    kind: text('kind', { enum: GRIEVANCE_KIND_VALUES }).notNull(),
    content: text('content').notNull(),
    photoFileId: uuid('photo_file_id'),
    status: text('status', { enum: GRIEVANCE_STATUS_VALUES }).notNull().default('submitted'),
    regionCode: text('region_code').notNull(),
    handlerStaffId: uuid('handler_staff_id'),
    resolution: text('resolution'),
    escalationReason: text('escalation_reason'),
    /** Wage grievances: how it was closed (调解后已支付 / 移送劳动保障监察 / 撤回). */
    wageOutcome: text('wage_outcome', { enum: WAGE_GRIEVANCE_OUTCOMES }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grievances_open_uq')
      .on(t.applicationId, t.filerSide)
      .where(sql`${t.status} in ('submitted', 'accepted', 'in_progress')`),
    index('grievances_region_idx').on(t.regionCode, t.status),
    index('grievances_employer_idx').on(t.employerId),
    index('grievances_worker_idx').on(t.workerId),
  ],
);

/** Every transition of a grievance with actor and time (never updated). */
export const grievanceEvents = pgTable(
  'grievance_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grievanceId: uuid('grievance_id').notNull(),
    fromStatus: text('from_status', { enum: GRIEVANCE_STATUS_VALUES }),
    toStatus: text('to_status', { enum: GRIEVANCE_STATUS_VALUES }).notNull(),
    actorKind: text('actor_kind', { enum: SUBJECT_KINDS }).notNull(),
    actorId: uuid('actor_id').notNull(),
    /** For user events: the filer's side. */
    actorSide: text('actor_side', { enum: GRIEVANCE_SIDES }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('grievance_events_grievance_idx').on(t.grievanceId, t.at)],
);
