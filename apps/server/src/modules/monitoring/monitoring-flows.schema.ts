import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// 就业流向 rollups, rebuilt by `monitoring.refresh` in the same transaction as supply and demand.

/** Per town × group ('all' or one priority group): workers ever at each step of the funnel. */
export const workerFlowCells = pgTable(
  'worker_flow_cells',
  {
    townCode: text('town_code').notNull(),
    grp: text('grp').notNull(),
    registered: integer('registered').notNull(),
    applied: integer('applied').notNull(),
    hired: integer('hired').notNull(),
    completed: integer('completed').notNull(),
    paid: integer('paid').notNull(),
    repeat: integer('repeat').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.townCode, t.grp] })],
);

/** Per town × group: how many workers took how many days from registration to their first hire. */
export const workerFirstHireDays = pgTable(
  'worker_first_hire_days',
  {
    townCode: text('town_code').notNull(),
    grp: text('grp').notNull(),
    days: integer('days').notNull(),
    workers: integer('workers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.townCode, t.grp, t.days] })],
);

/** 外出务工: collected household members working away, per town of their village and destination. */
export const migrantFlows = pgTable(
  'migrant_flows',
  {
    townCode: text('town_code').notNull(),
    destination: text('destination').notNull(),
    members: integer('members').notNull(),
  },
  (t) => [primaryKey({ columns: [t.townCode, t.destination] })],
);
