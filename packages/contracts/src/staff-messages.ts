import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

// 工作人员消息: the console message centre (escalations addressed to the staff on duty).

export const STAFF_MESSAGE_KINDS = ['wage_escalation'] as const;

export const StaffMessageListQuery = PageQuery.extend({
  unread: z.enum(['true', 'false'], { error: '未读筛选应为 true/false' }).optional(),
});
export type StaffMessageListQuery = z.infer<typeof StaffMessageListQuery>;
export const StaffMessageIdParam = z.object({ id: z.uuid({ error: '消息ID格式不正确' }) });

export const StaffMessage = z.object({
  id: z.string(),
  kind: z.enum(STAFF_MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  /** Console route to open, or null. */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type StaffMessage = z.infer<typeof StaffMessage>;
export const StaffMessagePage = pageOf(StaffMessage).extend({ unread: z.number().int() });
export type StaffMessagePage = z.infer<typeof StaffMessagePage>;
