import {
  bigserial,
  boolean,
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
import { DIVISION_CHANGE_ACTIONS, REGION_LEVELS } from '@lingong/contracts';

/** Statistical divisions, 12-digit codes: province > city > county > town > village. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    /** Demo-generated, not from the official list. */
    placeholder: boolean('placeholder').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Occupations (工种): a tree of categories and trades. Disabled ones stay for history. */
export const occupations = pgTable('occupations', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').unique(),
  name: text('name').notNull().unique(),
  parentId: uuid('parent_id'),
  nationalCode: text('national_code'),
  skillTags: text('skill_tags').array().notNull().default([]),
  isCategory: boolean('is_category').notNull().default(false),
  sort: integer('sort').notNull().default(0),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** History of the occupation tree: every create, edit, move, disable, enable and import, old -> new. */
export const occupationChanges = pgTable(
  'occupation_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occupationId: uuid('occupation_id').notNull(),
    action: text('action', { enum: DIVISION_CHANGE_ACTIONS }).notNull(),
    oldValue: jsonb('old_value').$type<Record<string, unknown>>(),
    newValue: jsonb('new_value').$type<Record<string, unknown>>(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('occupation_changes_occupation_idx').on(t.occupationId, t.changedAt)],
);

/** Gig stations (零工驿站) and the county hall. */
export const stations = pgTable(
  'stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    openingHours: text('opening_hours').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    services: text('services').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stations_town_idx').on(t.townCode)],
);
