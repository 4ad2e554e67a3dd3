import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { subjectInfo } from './credit-subjects.js';
import { applyWatchRule } from './credit-watch-rule.js';
import {
  clampScore,
  CREDIT_BASE_SCORE,
  creditLevel,
  DEFAULT_CREDIT_POINTS,
  type CreditEventKind,
  type CreditSubject,
} from './credit-rules.js';
import { creditEvents, creditRules, creditScores } from './credit.schema.js';

export type CreditEventInput = {
  subjectType: CreditSubject;
  subjectId: string;
  kind: CreditEventKind;
  /** Overrides the rule's points (manual adjustments, appeal reversals). */
  points?: number;
  refType?: string;
  refId?: string;
  reason?: string;
  actorUserId?: string;
  actorStaffId?: string;
  regionCode?: string;
  at?: Date;
};

/** Points a kind is worth now: the staff rule when set, else the default. */
export async function creditRulePoints(db: DbOrTx, kind: CreditEventKind): Promise<number> {
  const [row] = await db.select({ points: creditRules.points }).from(creditRules).where(eq(creditRules.kind, kind));
  return row?.points ?? DEFAULT_CREDIT_POINTS[kind];
}

/**
 * Record one credit event and move the subject's score, inside the caller's transaction.
 * Idempotent per (subject, kind, refId): a repeat returns null and changes nothing.
 */
export async function recordCreditEvent(
  tx: DbOrTx,
  input: CreditEventInput,
): Promise<{ id: string; points: number; score: number } | null> {
  const points = input.points ?? (await creditRulePoints(tx, input.kind));
  // The ledger is region-scoped: take the subject's region when the caller gives none.
  const regionCode =
    input.regionCode ?? (await subjectInfo(tx, null, input.subjectType, input.subjectId))?.regionCode ?? null;
  const [row] = await tx
    .insert(creditEvents)
    .values({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      kind: input.kind,
      points,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
      reason: input.reason ?? null,
      actorUserId: input.actorUserId ?? null,
      actorStaffId: input.actorStaffId ?? null,
      regionCode,
      ...(input.at ? { at: input.at } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: creditEvents.id });
  if (!row) return null;
  const start = clampScore(CREDIT_BASE_SCORE + points);
  const [score] = await tx
    .insert(creditScores)
    .values({
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      score: start,
      eventCount: 1,
      updatedAt: input.at ?? new Date(),
    })
    .onConflictDoUpdate({
      target: [creditScores.subjectType, creditScores.subjectId],
      set: {
        score: sql`least(100, greatest(0, ${creditScores.score} + ${points}))`,
        eventCount: sql`${creditScores.eventCount} + 1`,
        updatedAt: input.at ?? new Date(),
      },
    })
    .returning({ score: creditScores.score });
  if (input.kind === 'wage_overdue')
    await applyWatchRule(tx, { type: input.subjectType, id: input.subjectId, regionCode }, input.at ?? new Date());
  return { id: row.id, points, score: score!.score };
}

/** Current scores for many subjects of one type; subjects without events get the base score. */
export async function creditScoresOf(
  db: DbOrTx,
  subjectType: CreditSubject,
  ids: string[],
): Promise<Map<string, { score: number; level: ReturnType<typeof creditLevel> }>> {
  const out = new Map<string, { score: number; level: ReturnType<typeof creditLevel> }>();
  const unique = [...new Set(ids)];
  if (unique.length > 0) {
    const rows = await db
      .select({ id: creditScores.subjectId, score: creditScores.score })
      .from(creditScores)
      .where(and(eq(creditScores.subjectType, subjectType), inArray(creditScores.subjectId, unique)));
    for (const r of rows) out.set(r.id, { score: r.score, level: creditLevel(r.score) });
  }
  for (const id of unique)
    if (!out.has(id)) out.set(id, { score: CREDIT_BASE_SCORE, level: creditLevel(CREDIT_BASE_SCORE) });
  return out;
}

/**
 * An employer's wage record from its credit ledger: statements paid by the pay day and statements
 * the overdue sweep caught (one event of each kind per statement). `onTimeRate` is a whole percent,
 * null before any statement was settled or overdue. Reads the subject index, one employer at a time.
 */
export async function wagePayRecordOf(
  db: DbOrTx,
  employerId: string,
): Promise<{ onTime: number; overdue: number; onTimeRate: number | null }> {
  const rows = await db
    .select({ kind: creditEvents.kind, n: count() })
    .from(creditEvents)
    .where(
      and(
        eq(creditEvents.subjectType, 'employer'),
        eq(creditEvents.subjectId, employerId),
        inArray(creditEvents.kind, ['wage_paid_on_time', 'wage_overdue']),
      ),
    )
    .groupBy(creditEvents.kind);
  const onTime = rows.find((r) => r.kind === 'wage_paid_on_time')?.n ?? 0;
  const overdue = rows.find((r) => r.kind === 'wage_overdue')?.n ?? 0;
  const total = onTime + overdue;
  return { onTime, overdue, onTimeRate: total === 0 ? null : Math.round((onTime * 100) / total) };
}
