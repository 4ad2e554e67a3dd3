import { date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { DUTY_PLACES, FACILITY_RESULTS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { DUTY_PLACES, FACILITY_RESULTS };

/** Duty roster (值班表): one shift of one staff member at the market or a station, on a day. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dutyDate: date('duty_date').notNull(),
    staffId: uuid('staff_id').notNull(),
    place: text('place', { enum: DUTY_PLACES }).notNull(),
    stationId: uuid('station_id'),
    /** 'HH:MM', Asia/Shanghai. */
    onTime: varchar('on_time', { length: 5 }).notNull(),
    offTime: varchar('off_time', { length: 5 }).notNull(),
    note: text('note').notNull().default(''),
    /** The county for the market, the station's town for a station. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_shifts_region_day_idx').on(t.regionCode, t.dutyDate),
    index('duty_shifts_staff_day_idx').on(t.staffId, t.dutyDate),
  ],
);

/** Guidance visits to stations (驿站指导): visitor, content, issues found, follow-up. */
export const stationVisits = pgTable(
  'station_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    visitedOn: date('visited_on').notNull(),
    visitorStaffId: uuid('visitor_staff_id').notNull(),
    content: text('content').notNull(),
    issuesFound: text('issues_found').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('station_visits_region_day_idx').on(t.regionCode, t.visitedOn)],
);

/** Facility checks (设施检查) at the market (no station) or a station. */
export const facilityChecks = pgTable(
  'facility_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: uuid('station_id'),
    checkedOn: date('checked_on').notNull(),
    items: text('items').array().notNull().default([]),
    result: text('result', { enum: FACILITY_RESULTS }).notNull(),
    faults: text('faults').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('facility_checks_region_day_idx').on(t.regionCode, t.checkedOn)],
);
