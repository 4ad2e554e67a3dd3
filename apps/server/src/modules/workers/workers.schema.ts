import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  CERTIFICATE_REVIEW_STATUSES,
  CONSENT_KINDS,
  CONSENT_METHODS,
  GENDERS,
  REGISTRATION_CHANNELS,
  REVIEW_DECISIONS,
  WAGE_UNITS,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { REGISTRATION_CHANNELS };

/**
 * Job-seeker profiles (求职登记 / 个人画像). Name, ID number and phone are encrypted; the hashes
 * are keyed blind indexes for exact lookup. `homeRegionCode` drives staff region scope.
 */
export const workerProfiles = pgTable(
  'worker_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').unique(),
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash').unique(),
    idLast4: varchar('id_last4', { length: 4 }),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    gender: text('gender', { enum: GENDERS }),
    birthDate: date('birth_date'),
    homeRegionCode: varchar('home_region_code', { length: 12 }).notNull(),
    occupationIds: uuid('occupation_ids').array().notNull().default([]),
    priorityGroups: text('priority_groups').array().notNull().default([]),
    expectedDailyWageFen: integer('expected_daily_wage_fen'),
    ethnicity: text('ethnicity').notNull().default(''),
    education: text('education'),
    availabilityWeekdays: integer('availability_weekdays').array().notNull().default([]),
    availabilityDayParts: text('availability_day_parts').array().notNull().default([]),
    earliestStart: date('earliest_start'),
    expectedPayFen: integer('expected_pay_fen'),
    expectedPayUnit: text('expected_pay_unit', { enum: WAGE_UNITS }),
    maxDistanceKm: integer('max_distance_km'),
    jobKinds: text('job_kinds').array().notNull().default([]),
    trainingIntentions: text('training_intentions').array().notNull().default([]),
    bio: text('bio').notNull().default(''),
    /** Set when staff verified the self-declared priority groups (later item). */
    priorityGroupsVerifiedAt: timestamp('priority_groups_verified_at', { withTimezone: true }),
    /** The declared groups staff verified (画像管理), and the last review decision with its reason. */
    priorityGroupsVerified: text('priority_groups_verified').array().notNull().default([]),
    priorityGroupsReview: text('priority_groups_review', { enum: REVIEW_DECISIONS }),
    priorityGroupsReviewReason: text('priority_groups_review_reason'),
    priorityGroupsReviewedByStaffId: uuid('priority_groups_reviewed_by_staff_id'),
    channel: text('channel', { enum: REGISTRATION_CHANNELS }).notNull(),
    registeredByStaffId: uuid('registered_by_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_profiles_region_idx').on(t.homeRegionCode), index('worker_profiles_phone_idx').on(t.phoneHash)],
);

/** Skills of a worker: one row per 工种 with years of experience. */
export const workerSkills = pgTable(
  'worker_skills',
  {
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workerProfiles.id, { onDelete: 'cascade' }),
    occupationId: uuid('occupation_id').notNull(),
    years: integer('years').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workerId, t.occupationId] }),
    index('worker_skills_occupation_idx').on(t.occupationId),
  ],
);

/** Certificates a worker holds (photo upload comes later). */
export const workerCertificates = pgTable(
  'worker_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workerProfiles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    level: text('level').notNull().default(''),
    number: text('number').notNull().default(''),
    /** A photo in platform/files (purpose certificate_photo), owned by the worker's user. */
    photoFileId: uuid('photo_file_id'),
    sort: integer('sort').notNull().default(0),
    /** Staff review of the certificate (证书审核): pending until verified or rejected with a reason. */
    reviewStatus: text('review_status', { enum: CERTIFICATE_REVIEW_STATUSES }).notNull().default('pending'),
    reviewReason: text('review_reason'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByStaffId: uuid('reviewed_by_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_certificates_worker_idx').on(t.workerId)],
);

/**
 * Consents given by a user (PIPL): the privacy policy by version, and a separate consent to
 * process the ID number (sensitive personal information). Rows are never updated, only added.
 */
export const userConsents = pgTable(
  'user_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    version: text('version').notNull(),
    ip: text('ip'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_consents_user_idx').on(t.userId, t.kind)],
);

/**
 * Consent recorded at the counter when staff register a worker on their behalf (代登记): an
 * on-screen signature (a PNG in platform/files) or a signed paper form kept on file.
 */
export const workerRegistrationConsents = pgTable(
  'worker_registration_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workerProfiles.id, { onDelete: 'cascade' }),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    signatureFileId: uuid('signature_file_id'),
    policyVersion: text('policy_version').notNull(),
    recordedByStaffId: uuid('recorded_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_registration_consents_worker_idx').on(t.workerId)],
);
