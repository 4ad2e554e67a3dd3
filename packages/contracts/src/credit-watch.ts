import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

// 重点关注: employers put on the watch list by a rule (repeated overdue wage statements).

/** N overdue wage statements within M days puts the employer on the watch list. */
export const CreditWatchRule = z.object({
  enabled: z.boolean({ error: '启用应为 是/否' }),
  overdueCount: z
    .number({ error: '逾期笔数应为数字' })
    .int({ error: '逾期笔数应为整数' })
    .min(1, { error: '逾期笔数至少1笔' })
    .max(50, { error: '逾期笔数最多50笔' }),
  withinDays: z
    .number({ error: '统计天数应为数字' })
    .int({ error: '统计天数应为整数' })
    .min(1, { error: '统计天数至少1天' })
    .max(730, { error: '统计天数最多730天' }),
});
export type CreditWatchRule = z.infer<typeof CreditWatchRule>;
export const CreditWatchRuleView = CreditWatchRule.extend({
  /** The rule in words, as shown next to each entry (e.g. 90天内工资逾期未付≥2笔). */
  text: z.string(),
  updatedAt: z.string().nullable(),
});
export type CreditWatchRuleView = z.infer<typeof CreditWatchRuleView>;

export const WatchlistQuery = PageQuery.extend({
  status: z.enum(['active', 'all'], { error: '状态应为 active/all' }).default('active'),
});
export type WatchlistQuery = z.infer<typeof WatchlistQuery>;
export const WatchEntry = z.object({
  id: z.string(),
  subjectType: z.enum(['worker', 'employer']),
  subjectId: z.string(),
  subjectName: z.string(),
  reason: z.string(),
  /** The rule that put it there, in words, as it stood then. */
  rule: z.string(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
});
export type WatchEntry = z.infer<typeof WatchEntry>;
export const WatchlistPage = pageOf(WatchEntry);
export type WatchlistPage = z.infer<typeof WatchlistPage>;
