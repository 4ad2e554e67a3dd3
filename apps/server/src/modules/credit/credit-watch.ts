// 重点关注 (console): the rule shown and edited next to the credit rules, and the watch list.
import type { CreditWatchRule, WatchlistQuery } from '@lingong/contracts';
import { and, count, desc, isNull, like } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { requirePermission, scopeLikePattern, type StaffActor } from '../../platform/rbac/actor.js';
import { paged } from '../../platform/reporting/index.js';
import { namesOf, type Meta } from './credit-admin.service.js';
import type { CreditDeps } from './credit-owner.service.js';
import { loadWatchRule as loadRule, watchRuleText } from './credit-watch-rule.js';
import { creditWatchlist, creditWatchRules } from './credit.schema.js';

export async function getWatchRule(deps: CreditDeps, actor: StaffActor) {
  requirePermission(actor, 'credit.read');
  const { rule, updatedAt } = await loadRule(deps.db);
  return { ...rule, text: watchRuleText(rule), updatedAt: updatedAt?.toISOString() ?? null };
}

export async function updateWatchRule(deps: CreditDeps, actor: StaffActor, body: CreditWatchRule, meta: Meta) {
  requirePermission(actor, 'credit.write');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { rule: old } = await loadRule(tx);
    const values = { ...body, updatedByStaffId: actor.id, updatedAt: now };
    await tx
      .insert(creditWatchRules)
      .values({ kind: 'wage_overdue', ...values })
      .onConflictDoUpdate({ target: creditWatchRules.kind, set: values });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'credit_watch_rule',
      entityId: null,
      regionCode: actor.regionCode,
      details: { old, new: body },
      ...meta,
    });
  });
  return getWatchRule(deps, actor);
}

/** The watch list in the staff member's region, newest first. */
export async function listWatchlist(deps: CreditDeps, actor: StaffActor, q: WatchlistQuery) {
  requirePermission(actor, 'credit.read');
  const where = and(
    like(creditWatchlist.regionCode, scopeLikePattern(actor)),
    q.status === 'active' ? isNull(creditWatchlist.removedAt) : undefined,
  );
  return paged(q, async (slice) => {
    const rows = await deps.db
      .select()
      .from(creditWatchlist)
      .where(where)
      .orderBy(desc(creditWatchlist.createdAt), desc(creditWatchlist.id))
      .limit(slice.limit)
      .offset(slice.offset);
    const [total] = await deps.db.select({ n: count() }).from(creditWatchlist).where(where);
    const name = await namesOf(deps, rows);
    return {
      items: rows.map((r) => ({
        id: r.id,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        subjectName: name(r),
        reason: r.reason,
        rule: r.rule,
        createdAt: r.createdAt.toISOString(),
        removedAt: r.removedAt?.toISOString() ?? null,
      })),
      total: total?.n ?? 0,
    };
  });
}
