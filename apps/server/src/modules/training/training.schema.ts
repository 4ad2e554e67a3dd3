import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { COURSE_FUNDINGS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { COURSE_FUNDINGS };

/** Training providers (培训机构). */
export const trainingProviders = pgTable('training_providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  contact: text('contact').notNull().default(''),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  recorderStaffId: uuid('recorder_staff_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Courses: 工种 (`trade`, matched against training needs), hours, number of sessions, dates,
 * place, capacity, and funding. A subsidised course's eligibility rule is data:
 * `eligibleGroups` lists the priority groups that qualify (empty = any registered worker).
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    trade: text('trade').notNull(),
    title: text('title').notNull(),
    hours: integer('hours').notNull(),
    sessionCount: integer('session_count').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    funding: text('funding', { enum: COURSE_FUNDINGS }).notNull(),
    eligibleGroups: text('eligible_groups').array().notNull().default([]),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_courses_region_idx').on(t.regionCode), index('training_courses_trade_idx').on(t.trade)],
);

/** Training needs recorded by staff (those from profiles live in worker_profiles.training_intentions). */
export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    trade: text('trade').notNull(),
    note: text('note').notNull().default(''),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_needs_region_idx').on(t.regionCode, t.trade),
    index('training_needs_worker_idx').on(t.workerId),
  ],
);

/** One recommendation of a course to one worker (培训推荐), logged per worker. */
export const trainingRecommendations = pgTable(
  'training_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('training_recommendations_course_worker_uq').on(t.courseId, t.workerId),
    index('training_recommendations_region_idx').on(t.regionCode, t.sentAt),
    index('training_recommendations_worker_idx').on(t.workerId),
  ],
);

/** Enrolments: `subsidised` records whether the worker met the course's eligibility rule. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    subsidised: boolean('subsidised').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('training_enrolments_course_worker_uq').on(t.courseId, t.workerId)],
);

/** Class sessions (课时): the unit of the ">= 200 class sessions" indicator. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    seq: integer('seq').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
    teacher: text('teacher').notNull().default(''),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('class_sessions_course_seq_uq').on(t.courseId, t.seq),
    index('class_sessions_region_idx').on(t.regionCode, t.heldAt),
  ],
);

/** Attendance per class session: one row per enrolled worker present. */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id').notNull(),
    workerId: uuid('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.workerId] })],
);
