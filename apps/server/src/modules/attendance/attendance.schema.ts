import {
  doublePrecision,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHECK_METHODS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { CHECK_METHODS };

/** 考勤: one row per application and work day (Asia/Shanghai), check-in then check-out. */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    jobId: uuid('job_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    day: date('day').notNull(),
    checkInAt: timestamp('check_in_at', { withTimezone: true }).notNull(),
    checkInMethod: text('check_in_method', { enum: CHECK_METHODS }).notNull(),
    checkInDistanceM: integer('check_in_distance_m'),
    checkInLng: doublePrecision('check_in_lng'),
    checkInLat: doublePrecision('check_in_lat'),
    checkOutAt: timestamp('check_out_at', { withTimezone: true }),
    checkOutMethod: text('check_out_method', { enum: CHECK_METHODS }),
    checkOutDistanceM: integer('check_out_distance_m'),
  },
  (t) => [
    uniqueIndex('attendance_app_day_uq').on(t.applicationId, t.day),
    index('attendance_job_idx').on(t.jobId, t.day),
  ],
);

/** Per-job secret behind the rotating check-in QR (created on first display). */
export const checkinQrSecrets = pgTable('checkin_qr_secrets', {
  jobId: uuid('job_id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 完工确认: the employer confirms completion. `amountDueFen` is the amount typed at completion by
 * older versions (kept for those rows, null since): what is owed now comes from wage statements.
 */
export const completions = pgTable('completions', {
  applicationId: uuid('application_id').primaryKey(),
  jobId: uuid('job_id').notNull(),
  workerId: uuid('worker_id').notNull(),
  employerId: uuid('employer_id').notNull(),
  amountDueFen: integer('amount_due_fen'),
  totalMinutes: integer('total_minutes').notNull(),
  note: text('note'),
  confirmedByUserId: uuid('confirmed_by_user_id').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
});
