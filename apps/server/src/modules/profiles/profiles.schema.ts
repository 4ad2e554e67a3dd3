import type { SegmentFilter } from '@lingong/contracts';
import { index, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** The filter of a saved segment (人群分组), as validated by the contract. */
export type StoredSegmentFilter = SegmentFilter;

/** Staff-assigned tags on a worker (画像标签); system tags are derived, not stored. */
export const workerTags = pgTable(
  'worker_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id').notNull(),
    name: text('name').notNull(),
    /** The worker's home region when tagged (scope of the tag for region-limited staff). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdByStaffId: uuid('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('worker_tags_worker_name_uq').on(t.workerId, t.name), index('worker_tags_name_idx').on(t.name)],
);

/** Saved segments: a named filter over worker profiles, usable as a push target. */
export const workerSegments = pgTable(
  'worker_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<StoredSegmentFilter>().notNull(),
    /** The creator's scope: members are always limited to this subtree. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdByStaffId: uuid('created_by_staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_segments_region_idx').on(t.regionCode)],
);
