import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { WORD_ACTIONS, WORD_CATEGORIES } from '@lingong/contracts';

// Enum values come from @lingong/contracts (one list for the API and the table).
export { WORD_ACTIONS, WORD_CATEGORIES };

/** The sensitive-word dictionary: category and what a hit does (block, send to review, mask). */
export const sensitiveWords = pgTable('sensitive_words', {
  id: uuid('id').primaryKey().defaultRandom(),
  word: text('word').notNull().unique(),
  category: text('category', { enum: WORD_CATEGORIES }).notNull(),
  action: text('action', { enum: WORD_ACTIONS }).notNull(),
  note: text('note').notNull().default(''),
  createdByStaffId: uuid('created_by_staff_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});
