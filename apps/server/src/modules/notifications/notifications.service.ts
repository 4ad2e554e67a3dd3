import type { MarkedRead, MessageListQuery, MessagePage } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { paged } from '../../platform/reporting/index.js';
import * as repo from './notifications.repository.js';
import { presentMessage } from './notifications.presenter.js';

export type NotificationsDeps = { db: Db; now: () => Date };

/** The caller's own messages only (there is no way to name another user's). */
export async function listMessages(
  deps: NotificationsDeps,
  actor: UserActor,
  q: MessageListQuery,
): Promise<MessagePage> {
  const page = await paged(q, async (slice) => {
    const { items, total } = await repo.findPageForUser(deps.db, actor.id, q.unread === 'true', slice);
    return { items: items.map(presentMessage), total };
  });
  return { ...page, unread: await repo.countUnread(deps.db, actor.id) };
}

export async function unreadCount(deps: NotificationsDeps, actor: UserActor): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(deps.db, actor.id) };
}

/** Mark one own message read; someone else's is reported as not found. */
export async function markRead(deps: NotificationsDeps, actor: UserActor, id: string): Promise<MarkedRead> {
  const result = await repo.markRead(deps.db, actor.id, id, deps.now());
  if (result === 'missing') throw new AppError('NOT_FOUND', { message: '消息不存在' });
  return { marked: result === 'marked' ? 1 : 0, unread: await repo.countUnread(deps.db, actor.id) };
}

export async function markAllRead(deps: NotificationsDeps, actor: UserActor): Promise<MarkedRead> {
  const marked = await repo.markAllRead(deps.db, actor.id, deps.now());
  return { marked, unread: 0 };
}
