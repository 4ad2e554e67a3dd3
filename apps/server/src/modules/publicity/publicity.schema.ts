import { boolean, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { PUBLICITY_CHANNELS, PUBLICITY_KINDS } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { PUBLICITY_CHANNELS, PUBLICITY_KINDS };

/**
 * Publicity items (宣传台账): one published article, post, short video, livestream, slogan or
 * campaign, with its channel, evidence (link and/or an uploaded image in stored_files), date and
 * reach. `quality` marks 优质媒体推文 (articles only).
 */
export const publicityItems = pgTable(
  'publicity_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PUBLICITY_KINDS }).notNull(),
    quality: boolean('quality').notNull().default(false),
    channel: text('channel', { enum: PUBLICITY_CHANNELS }).notNull(),
    title: text('title').notNull(),
    link: text('link').notNull().default(''),
    fileId: uuid('file_id'),
    publishedOn: date('published_on').notNull(),
    reach: integer('reach').notNull().default(0),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    note: text('note').notNull().default(''),
    recorderStaffId: uuid('recorder_staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicity_items_region_idx').on(t.regionCode, t.publishedOn),
    index('publicity_items_kind_idx').on(t.kind, t.publishedOn),
  ],
);
