import {
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  JOB_KINDS,
  JOB_SOURCES,
  JOB_STATUSES,
  SETTLEMENT_CYCLES,
  WAGE_UNITS,
  type ModerationFinding,
} from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { JOB_KINDS, JOB_SOURCES, JOB_STATUSES, SETTLEMENT_CYCLES, WAGE_UNITS };

/** PostgreSQL tsvector; written from jieba tokens (see platform/search), read only by SQL. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** What the automatic checks found on the last save (shown to the employer and reviewers). */
export type StoredModeration = {
  verdict: 'pass' | 'review' | 'block';
  findings: ModerationFinding[];
};

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
    ageReason: text('age_reason').notNull().default(''),
    /** jieba search-mode tokens of title, 工种, town, description and requirements. */
    searchTokens: tsvector('search_tokens'),
    moderation: jsonb('moderation').$type<StoredModeration>(),
    reviewReason: text('review_reason'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByStaffId: uuid('reviewed_by_staff_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('job_postings_status_town_idx').on(t.status, t.townCode),
    index('job_postings_employer_idx').on(t.employerId),
    index('job_postings_search_idx').using('gin', t.searchTokens),
    index('job_postings_status_end_idx').on(t.status, t.endDate),
    // The public list (issue 16): one index per offered sort and filter.
    index('job_postings_status_published_idx').on(
      t.status,
      t.publishedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Pay per day, the expression job-search.repository.ts sorts by ("best pay"); keep in step.
    index('job_postings_status_daily_pay_idx').on(
      t.status,
      sql`(case ${t.wageUnit} when 'hour' then ${t.wageMaxFen} * 8.0 when 'month' then ${t.wageMaxFen} / 22.0 else ${t.wageMaxFen} * 1.0 end) desc`,
      t.publishedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('job_postings_status_occupation_idx').on(t.status, t.occupationId, t.publishedAt.desc().nullsFirst()),
    index('job_postings_status_pay_idx').on(t.status, t.wageUnit, t.wageMaxFen),
    index('job_postings_status_lat_idx').on(t.status, t.lat, t.lng),
  ],
);
