import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { MONITORING_SOURCES } from '@lingong/contracts';

// The monitoring module's own tables: rollups rebuilt by the queued `monitoring.refresh` job from
// the postings, applications, registrations and matchmakings other modules own (read-only), so
// the screen and the console read a few hundred rows instead of scanning those tables.

/**
 * Supply and demand per Shanghai week × town × 工种. Demand = open places (headcount minus hires)
 * on published postings; supply = registered workers available (not hired or working) who list
 * the 工种, counted in their home town.
 */
export const supplyDemandWeekly = pgTable(
  'supply_demand_weekly',
  {
    weekStart: date('week_start').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    occupationId: uuid('occupation_id').notNull(),
    demand: integer('demand').notNull(),
    supply: integer('supply').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.weekStart, t.townCode, t.occupationId] }),
    index('supply_demand_weekly_town_idx').on(t.townCode, t.weekStart),
  ],
);

/** The same weeks summed per town: the trend and the town map read 9 rows a week, not every cell. */
export const supplyDemandTownWeekly = pgTable(
  'supply_demand_town_weekly',
  {
    weekStart: date('week_start').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    demand: integer('demand').notNull(),
    supply: integer('supply').notNull(),
  },
  (t) => [primaryKey({ columns: [t.weekStart, t.townCode] })],
);

/**
 * The weeks a snapshot exists for: 'live' weeks were taken from the state at the time (the last
 * refresh of that week stays), 'reconstructed' weeks were rebuilt from posting and registration
 * dates when the module first ran (availability of workers in the past is not known).
 */
export const supplyDemandWeeks = pgTable('supply_demand_weeks', {
  weekStart: date('week_start').primaryKey(),
  source: text('source', { enum: MONITORING_SOURCES }).notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
});

/** Registrations (求职登记) and matchmakings (招聘求职对接) per Shanghai day and town. */
export const serviceDailyCounts = pgTable(
  'service_daily_counts',
  {
    day: date('day').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    registrations: integer('registrations').notNull().default(0),
    matchmakings: integer('matchmakings').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.townCode] }), index('service_daily_counts_town_idx').on(t.townCode, t.day)],
);

/** Shortage alerts: one per week × town × 工种 whose gap reached the 系统配置 threshold. */
export const supplyAlerts = pgTable(
  'supply_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    weekStart: date('week_start').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    /** The station of the town the alert is addressed to (its staff see it in 供需监测). */
    stationId: uuid('station_id'),
    occupationId: uuid('occupation_id').notNull(),
    demand: integer('demand').notNull(),
    supply: integer('supply').notNull(),
    gap: integer('gap').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('supply_alerts_cell_uq').on(t.weekStart, t.townCode, t.occupationId),
    index('supply_alerts_town_idx').on(t.townCode, t.weekStart),
  ],
);
