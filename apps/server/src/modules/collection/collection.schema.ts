import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { GENDERS, MEMBER_STATUSES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { MEMBER_STATUSES };

/**
 * Households collected by village collectors (就业信息采集·户). `village_code` is a 12-digit
 * village of the division tree. Head name and address are encrypted (deps.pii). `zero_employment`
 * is the effective flag: the collector's override when set, else derived from the members.
 */
export const collectionHouseholds = pgTable(
  'collection_households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    headNameEnc: text('head_name_enc').notNull(),
    addressEnc: text('address_enc').notNull(),
    memberCount: integer('member_count').notNull(),
    collectedOn: date('collected_on').notNull(),
    zeroEmploymentOverride: boolean('zero_employment_override'),
    zeroEmploymentDerived: boolean('zero_employment_derived').notNull().default(false),
    zeroEmployment: boolean('zero_employment').notNull().default(false),
    note: text('note').notNull().default(''),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collection_households_village_idx').on(t.villageCode, t.collectedOn)],
);

/**
 * Members of a collected household: name, ID number (with blind index, one household per person),
 * phone and a migrant's contact encrypted; employment status, migrant destination and trade, needs.
 */
export const collectionMembers = pgTable(
  'collection_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    phoneEnc: text('phone_enc'),
    gender: text('gender', { enum: GENDERS }).notNull(),
    birthDate: date('birth_date').notNull(),
    relation: text('relation').notNull().default(''),
    status: text('status', { enum: MEMBER_STATUSES }).notNull(),
    migrantDestination: text('migrant_destination').notNull().default(''),
    migrantTrade: text('migrant_trade').notNull().default(''),
    migrantContactEnc: text('migrant_contact_enc'),
    needs: text('needs').array().notNull().default([]),
    needNote: text('need_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('collection_members_id_number_uq').on(t.idNumberIndex),
    index('collection_members_household_idx').on(t.householdId),
    index('collection_members_village_idx').on(t.villageCode, t.status),
  ],
);

/** Follow-up visits of a household (回访): date, what was done, the next date. */
export const collectionFollowups = pgTable(
  'collection_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    followedOn: date('followed_on').notNull(),
    content: text('content').notNull(),
    nextDate: date('next_date'),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('collection_followups_household_idx').on(t.householdId),
    index('collection_followups_village_idx').on(t.villageCode, t.followedOn),
  ],
);
