import { date, doublePrecision, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const JOB_KINDS = ['contract', 'flexible'] as const;
export const WAGE_UNITS = ['hour', 'day', 'piece', 'month'] as const;
export const SETTLEMENT_CYCLES = ['daily', 'weekly', 'monthly', 'on_completion'] as const;
export const JOB_STATUSES = ['draft', 'pending_review', 'published', 'filled', 'closed', 'expired', 'rejected'] as const;
export const JOB_SOURCES = ['online', 'counter', 'station', 'event', 'import'] as const;

/** Job postings (岗位). Money in fen; place is a town code plus address and point. */
export const jobPostings = pgTable(
  'job_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: uuid('employer_id').notNull(),
    occupationId: uuid('occupation_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: JOB_KINDS }).notNull(),
    headcount: integer('headcount').notNull(),
    wageMinFen: integer('wage_min_fen').notNull(),
    wageMaxFen: integer('wage_max_fen').notNull(),
    wageUnit: text('wage_unit', { enum: WAGE_UNITS }).notNull(),
    settlement: text('settlement', { enum: SETTLEMENT_CYCLES }).notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    workHours: text('work_hours').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    description: text('description').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhoneEnc: text('contact_phone_enc'),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('draft'),
    sourceChannel: text('source_channel', { enum: JOB_SOURCES }).notNull().default('online'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('job_postings_status_town_idx').on(t.status, t.townCode), index('job_postings_employer_idx').on(t.employerId)],
);
