import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SUBJECT_KINDS } from '@lingong/contracts';

/**
 * Uploaded files (certificate photos, …). The bytes live under DATA_DIR/files/<id>; the row
 * records who owns the file and what it is for, so only the owner (or permitted staff) reads it.
 * `encryption` names the envelope of the bytes on disk; null marks a file stored before files
 * were encrypted (still readable; `npm run files:encrypt` seals them).
 */
export const storedFiles = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: text('owner_kind', { enum: SUBJECT_KINDS }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    purpose: text('purpose').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    encryption: text('encryption'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_owner_idx').on(t.ownerKind, t.ownerId)],
);
