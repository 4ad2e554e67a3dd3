import { doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  EMPLOYER_INVITE_STATUSES,
  EMPLOYER_KINDS,
  EMPLOYER_MEMBER_ROLES,
  VERIFICATION_STATUSES,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { EMPLOYER_KINDS, VERIFICATION_STATUSES };

/** Employers (用工主体). A private person is identified by ID number (encrypted). */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: EMPLOYER_KINDS }).notNull(),
    uscc: varchar('uscc', { length: 18 }).unique(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    address: text('address').notNull().default(''),
    industry: text('industry'),
    size: text('size'),
    contactName: text('contact_name').notNull().default(''),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneHash: text('contact_phone_hash'),
    verificationStatus: text('verification_status', { enum: VERIFICATION_STATUSES }).notNull().default('unverified'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    verificationReason: text('verification_reason'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedByStaffId: uuid('verified_by_staff_id'),
    createdByUserId: uuid('created_by_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employers_town_idx').on(t.townCode)],
);

/** Who acts for an employer. One user may belong to several employers and also be a worker. */
export const employerMembers = pgTable(
  'employer_members',
  {
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: EMPLOYER_MEMBER_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employerId, t.userId] }), index('employer_members_user_idx').on(t.userId)],
);

/** An owner's (or counter staff's) invitation of a phone to act for the employer; accepted on login or explicitly. */
export const employerInvitations = pgTable(
  'employer_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    phoneEnc: text('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    status: text('status', { enum: EMPLOYER_INVITE_STATUSES }).notNull().default('pending'),
    /** The role given on acceptance: 'owner' when staff registered the employer at the counter. */
    role: text('role', { enum: EMPLOYER_MEMBER_ROLES }).notNull().default('member'),
    /** Set instead of a user when staff registered the employer at the counter (代为登记). */
    invitedByStaffId: uuid('invited_by_staff_id'),
    invitedByUserId: uuid('invited_by_user_id'),
    acceptedByUserId: uuid('accepted_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    index('employer_invitations_phone_idx').on(t.phoneHash, t.status),
    index('employer_invitations_employer_idx').on(t.employerId),
  ],
);
