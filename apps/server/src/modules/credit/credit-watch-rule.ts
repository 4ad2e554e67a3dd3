// 重点关注规则: N overdue wage statements within M days puts an employer on the watch list, applied
// inside the transaction that records the wage_overdue event (credit.core). One active entry per subject.
import type { CreditWatchRule } from '@lingong/contracts';
import { and, count, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { CreditSubject } from './credit-rules.js';
import { creditEvents, creditWatchlist, creditWatchRules } from './credit.schema.js';

/** Built-in: 2 overdue wage statements within 90 days. */
export const DEFAULT_WATCH_RULE: CreditWatchRule = { enabled: true, overdueCount: 2, withinDays: 90 };

export const watchRuleText = (r: CreditWatchRule) => `${r.withinDays}天内工资逾期未付${r.overdueCount}笔及以上`;

export async function loadWatchRule(db: DbOrTx) {
  const [row] = await db.select().from(creditWatchRules).where(eq(creditWatchRules.kind, 'wage_overdue'));
  const rule: CreditWatchRule = row
    ? { enabled: row.enabled, overdueCount: row.overdueCount, withinDays: row.withinDays }
    : DEFAULT_WATCH_RULE;
  return { rule, updatedAt: row?.updatedAt ?? null };
}

/**
 * After a wage_overdue event: count the subject's wage_overdue events in the rule's window and,
 * at the threshold, add it to the watch list with the reason and the rule (a no-op when already
 * on it). Runs in the caller's transaction.
 */
export async function applyWatchRule(
  tx: DbOrTx,
  subject: { type: CreditSubject; id: string; regionCode: string | null },
  at: Date,
): Promise<boolean> {
  const { rule } = await loadWatchRule(tx);
  if (!rule.enabled) return false;
  const since = new Date(at.getTime() - rule.withinDays * 86_400_000);
  const [n] = await tx
    .select({ n: count() })
    .from(creditEvents)
    .where(
      and(
        eq(creditEvents.subjectType, subject.type),
        eq(creditEvents.subjectId, subject.id),
        eq(creditEvents.kind, 'wage_overdue'),
        gte(creditEvents.at, since),
      ),
    );
  const overdue = n?.n ?? 0;
  if (overdue < rule.overdueCount) return false;
  const [row] = await tx
    .insert(creditWatchlist)
    .values({
      subjectType: subject.type,
      subjectId: subject.id,
      reason: `近${rule.withinDays}天内${overdue}笔工资逾期未付`,
      rule: watchRuleText(rule),
      regionCode: subject.regionCode ?? '',
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: creditWatchlist.id });
  return !!row;
}
