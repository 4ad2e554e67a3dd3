import {
  APPEAL_STATUS_LABELS,
  BLACKLIST_SCOPE_LABELS,
  CREDIT_EVENT_KIND_LABELS,
  type AppealView,
  type BlacklistView,
  type CreditEventView,
} from '@lingong/contracts';
import type { AppealRow, BlacklistRow, CreditEventRow } from './credit.repository.js';
import { isActive } from './credit.repository.js';

const kindLabel = (kind: string) => CREDIT_EVENT_KIND_LABELS[kind as keyof typeof CREDIT_EVENT_KIND_LABELS] ?? kind;
const pointsText = (n: number) => (n > 0 ? `+${n}分` : `${n}分`);

/** Reversal events and manual adjustments cannot be appealed; everything else once. */
const APPEALABLE = new Set(['no_show', 'late_cancel', 'rating_1', 'rating_2', 'rating_3']);

export function presentEvent(row: CreditEventRow, appeal: AppealRow | undefined): CreditEventView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kindLabel(row.kind),
    points: row.points,
    reason: row.reason,
    at: row.at.toISOString(),
    appealStatus: appeal?.status ?? null,
    appealable: !appeal && row.points < 0 && APPEALABLE.has(row.kind),
  };
}

export function presentLedgerRow(row: CreditEventRow, subjectName: string) {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName,
    kind: row.kind,
    kindLabel: kindLabel(row.kind),
    points: row.points,
    reason: row.reason,
    regionCode: row.regionCode,
    at: row.at.toISOString(),
  };
}

export function presentBlacklist(row: BlacklistRow, subjectName: string, now: Date, appeal?: AppealRow): BlacklistView {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName,
    scope: row.scope,
    scopeLabel: BLACKLIST_SCOPE_LABELS[row.scope],
    reason: row.reason,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    regionCode: row.regionCode,
    active: isActive(row, now),
    createdAt: row.createdAt.toISOString(),
    liftedAt: row.liftedAt?.toISOString() ?? null,
    liftReason: row.liftReason,
    appealStatus: appeal?.status ?? null,
  };
}

/** What an appeal contests, in words: the event kind and points, or the blacklist scope. */
export function targetSummary(appeal: AppealRow, event?: CreditEventRow, entry?: BlacklistRow): string {
  if (appeal.targetType === 'event' && event) return `${kindLabel(event.kind)} ${pointsText(event.points)}`;
  if (appeal.targetType === 'blacklist' && entry)
    return `黑名单：${BLACKLIST_SCOPE_LABELS[entry.scope]}（${entry.reason}）`;
  return '';
}

export function presentAppeal(row: AppealRow, subjectName: string, summary: string): AppealView {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName,
    targetType: row.targetType,
    targetId: row.targetId,
    targetSummary: summary,
    reason: row.reason,
    status: row.status,
    statusLabel: APPEAL_STATUS_LABELS[row.status],
    decisionReason: row.decisionReason,
    regionCode: row.regionCode,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
