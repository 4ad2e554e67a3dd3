// 工作人员消息: the console message centre. Messages are written in the sender's transaction (they
// commit with the event or not at all, and survive restarts); the unread badge is a maintained
// counter per staff member, moved by each insert and each mark-read, never a count(*).
import type { StaffMessageListQuery, StaffMessagePage, STAFF_MESSAGE_KINDS } from '@lingong/contracts';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { paged } from '../../platform/reporting/index.js';
import { staffInboxCounters as counters, staffNotifications as messages } from './notifications.schema.js';

export type StaffNotifyInput = {
  staffIds: string[];
  kind: (typeof STAFF_MESSAGE_KINDS)[number];
  title: string;
  body: string;
  link?: string;
  refType?: string;
  refId?: string;
  /** One message per key and staff member: a repeat is a no-op. */
  dedupeKey: string;
  at: Date;
};

/** Message each staff member once per key; returns the staff ids that got a new message. */
export async function notifyStaff(tx: DbOrTx, input: StaffNotifyInput): Promise<string[]> {
  const ids = [...new Set(input.staffIds)];
  if (!ids.length) return [];
  const rows = await tx
    .insert(messages)
    .values(
      ids.map((staffId) => ({
        staffId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        refType: input.refType ?? null,
        refId: input.refId ?? null,
        dedupeKey: input.dedupeKey,
        createdAt: input.at,
      })),
    )
    .onConflictDoNothing({ target: [messages.staffId, messages.dedupeKey] })
    .returning({ staffId: messages.staffId });
  const got = rows.map((r) => r.staffId).sort();
  for (const staffId of got)
    await tx
      .insert(counters)
      .values({ staffId, unread: 1 })
      .onConflictDoUpdate({ target: counters.staffId, set: { unread: sql`${counters.unread} + 1` } });
  return got;
}

async function unreadOf(db: DbOrTx, staffId: string): Promise<number> {
  const [row] = await db.select({ n: counters.unread }).from(counters).where(eq(counters.staffId, staffId));
  return row?.n ?? 0;
}

type Deps = { db: Db; now: () => Date };

/** The caller's own messages, newest first (there is no way to name another's). */
export async function listStaffMessages(
  deps: Deps,
  actor: StaffActor,
  q: StaffMessageListQuery,
): Promise<StaffMessagePage> {
  const where = and(eq(messages.staffId, actor.id), q.unread === 'true' ? isNull(messages.readAt) : undefined);
  const page = await paged(q, async (slice) => {
    const rows = await deps.db
      .select()
      .from(messages)
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(slice.limit)
      .offset(slice.offset);
    const [total] = await deps.db.select({ n: count() }).from(messages).where(where);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        read: r.readAt !== null,
        createdAt: r.createdAt.toISOString(),
      })),
      total: total?.n ?? 0,
    };
  });
  return { ...page, unread: await unreadOf(deps.db, actor.id) };
}

export async function staffUnreadCount(deps: Deps, actor: StaffActor) {
  return { unread: await unreadOf(deps.db, actor.id) };
}

/** Mark own messages read (one, or all when `id` is null) and move the counter by what changed. */
export async function markStaffMessagesRead(deps: Deps, actor: StaffActor, id: string | null) {
  return deps.db.transaction(async (tx) => {
    if (id) {
      const [own] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.id, id), eq(messages.staffId, actor.id)));
      if (!own) throw new AppError('NOT_FOUND', { message: '消息不存在' });
    }
    const marked = await tx
      .update(messages)
      .set({ readAt: deps.now() })
      .where(and(eq(messages.staffId, actor.id), isNull(messages.readAt), id ? inArray(messages.id, [id]) : undefined))
      .returning({ id: messages.id });
    if (marked.length)
      await tx
        .update(counters)
        .set({ unread: sql`greatest(0, ${counters.unread} - ${marked.length})` })
        .where(eq(counters.staffId, actor.id));
    return { marked: marked.length, unread: await unreadOf(tx, actor.id) };
  });
}
