import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { notifications } from './notifications.schema.js';

export type NotificationRow = typeof notifications.$inferSelect;

const own = (userId: string, unreadOnly = false) =>
  and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);

/** One user's messages, newest first. */
export async function findPageForUser(
  db: DbOrTx,
  userId: string,
  unreadOnly: boolean,
  slice: Slice,
): Promise<Fetched<NotificationRow>> {
  const items = await db
    .select()
    .from(notifications)
    .where(own(userId, unreadOnly))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(notifications).where(own(userId, unreadOnly));
  return { items, total: total?.n ?? 0 };
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  return (await db.select({ n: count() }).from(notifications).where(own(userId, true)))[0]?.n ?? 0;
}

/** Mark one of the user's messages read; returns whether it exists for this user. */
export async function markRead(
  db: DbOrTx,
  userId: string,
  id: string,
  at: Date,
): Promise<'marked' | 'already' | 'missing'> {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return 'missing';
  if (row.readAt) return 'already';
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return 'marked';
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(own(userId, true))
    .returning({ id: notifications.id });
  return rows.length;
}
