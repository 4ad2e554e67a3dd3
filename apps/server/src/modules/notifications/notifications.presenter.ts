import type { Message } from '@lingong/contracts';
import type { NotificationRow } from './notifications.repository.js';

export function presentMessage(r: NotificationRow): Message {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}
