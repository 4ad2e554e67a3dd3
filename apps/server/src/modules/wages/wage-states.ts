/**
 * 工资单状态机: draft → issued (employer) → confirmed | disputed (worker) → (disputed: corrected by
 * the employer → issued) → paid (payment recorded) → received (worker, or silence after N days).
 * 调解更正 (mediate): staff closing a wage grievance may correct an unpaid statement (issued,
 * confirmed or disputed); like a correction after a dispute it goes back to issued (version + 1)
 * and the worker confirms the corrected amount before it can be paid.
 */
import { WAGE_ACTIONS, WAGE_ACTOR_SIDES, WAGE_STATUSES } from '@lingong/contracts';

export { WAGE_ACTIONS, WAGE_ACTOR_SIDES, WAGE_STATUSES };
export type WageStatus = (typeof WAGE_STATUSES)[number];
export type WageAction = (typeof WAGE_ACTIONS)[number];
export type WageActorSide = (typeof WAGE_ACTOR_SIDES)[number];

type Rule = { from: readonly WageStatus[]; to: WageStatus; sides: readonly WageActorSide[]; refused: string };

/** Which action moves which states to which, who may take it, and the Chinese refusal. */
export const WAGE_TRANSITIONS: Record<Exclude<WageAction, 'create'>, Rule> = {
  edit: { from: ['draft'], to: 'draft', sides: ['employer'], refused: '只有草稿状态的工资单可以修改' },
  issue: { from: ['draft'], to: 'issued', sides: ['employer'], refused: '只有草稿状态的工资单可以发出' },
  confirm: { from: ['issued'], to: 'confirmed', sides: ['worker'], refused: '只有已发出的工资单可以确认' },
  dispute: { from: ['issued'], to: 'disputed', sides: ['worker'], refused: '只有已发出的工资单可以提出异议' },
  correct: {
    from: ['disputed'],
    to: 'issued',
    sides: ['employer', 'staff'],
    refused: '只有有异议的工资单可以更正',
  },
  mediate: {
    from: ['issued', 'confirmed', 'disputed'],
    to: 'issued',
    sides: ['staff'],
    refused: '只有未支付的已发出工资单（待确认、待支付、有异议）可以在调解中更正',
  },
  pay: {
    from: ['confirmed'],
    to: 'paid',
    sides: ['employer', 'staff'],
    refused: '工资单须经工人确认后才能登记支付',
  },
  receive: { from: ['paid'], to: 'received', sides: ['worker', 'system'], refused: '只有已支付的工资单可以确认收款' },
};

export const WAGE_STATUS_LABELS: Record<WageStatus, string> = {
  draft: '草稿',
  issued: '待确认',
  confirmed: '待支付',
  disputed: '有异议',
  paid: '已支付',
  received: '已收款',
};

/** The next status, or the Chinese reason the action is refused. */
export function nextStatus(
  current: WageStatus,
  action: Exclude<WageAction, 'create'>,
  side: WageActorSide,
): { ok: true; to: WageStatus } | { ok: false; message: string } {
  const rule = WAGE_TRANSITIONS[action];
  if (!rule.sides.includes(side)) return { ok: false, message: '无权进行此操作' };
  if (!rule.from.includes(current)) return { ok: false, message: rule.refused };
  return { ok: true, to: rule.to };
}
