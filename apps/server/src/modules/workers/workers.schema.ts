import { date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const REGISTRATION_CHANNELS = ['online', 'counter', 'station', 'household', 'event'] as const;

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
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: date('birth_date'),
    homeRegionCode: varchar('home_region_code', { length: 12 }).notNull(),
    occupationIds: uuid('occupation_ids').array().notNull().default([]),
    priorityGroups: text('priority_groups').array().notNull().default([]),
    expectedDailyWageFen: integer('expected_daily_wage_fen'),
    channel: text('channel', { enum: REGISTRATION_CHANNELS }).notNull(),
    registeredByStaffId: uuid('registered_by_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_profiles_region_idx').on(t.homeRegionCode), index('worker_profiles_phone_idx').on(t.phoneHash)],
);
