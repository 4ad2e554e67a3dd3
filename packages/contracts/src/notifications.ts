import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

// 消息中心: the logged-in user's own messages (in-app; key events also go out by SMS).

export const NOTIFICATION_KIND_VALUES = [
  'invited',
  'hired',
  'application',
  'agreement_to_sign',
  'agreement_signed',
  'shift_reminder',
  'no_show',
  'completed',
  'rated',
  'application_update',
  'announcement',
  'system',
] as const;
export const NotificationKindEnum = z.enum(NOTIFICATION_KIND_VALUES);

export const MessageListQuery = PageQuery.extend({
  unread: z.enum(['true', 'false'], { error: '未读筛选应为 true/false' }).optional(),
});
export type MessageListQuery = z.infer<typeof MessageListQuery>;

export const MessageIdParam = z.object({ id: z.uuid({ error: '消息ID格式不正确' }) });

export const Message = z.object({
  id: z.string(),
  kind: NotificationKindEnum,
  title: z.string(),
  body: z.string(),
  /** In-app route to open (deep link), or null. */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof Message>;
export const MessagePage = pageOf(Message).extend({ unread: z.number().int() });
export type MessagePage = z.infer<typeof MessagePage>;
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
export const MarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });
export type MarkedRead = z.infer<typeof MarkedRead>;
