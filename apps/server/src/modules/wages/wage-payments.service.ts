// 工资支付: offline payments (employer or staff), the idempotent in-transaction payment that
// entrusted batches share, and receipt by silence.
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { requirePermission, assertReadableRegion, type StaffActor, type UserActor } from '../../platform/rbac/actor.js';
import { shanghaiDay } from '../../platform/reporting/index.js';
import { recordCreditEvent } from '../credit/index.js';
import { getSetting } from '../settings/index.js';
import { offlinePaymentProvider, type PaymentProvider } from './payment-provider.js';
import { nextStatus } from './wage-states.js';
import * as repo from './wages.repository.js';
import { loadForUser, presentOne, transitionTo, type Actor, type Meta, type WagesDeps } from './wages.service.js';

export type PayInput = {
  method: 'cash' | 'bank_transfer' | 'entrusted';
  reference?: string | undefined;
  photoFileId?: string | undefined;
  idempotencyKey: string;
};

/**
 * Record a payment inside the caller's transaction: lock the statement, answer a repeated key
 * with nothing new, check the transition, ask the provider, insert the payment (unique per
 * statement and per key), move the statement to paid and audit it. Returns the statement.
 */
export async function payInTx(
  tx: DbOrTx,
  provider: PaymentProvider,
  actor: Actor,
  statementId: string,
  body: PayInput,
  now: Date,
  meta: Meta,
): Promise<repo.StatementRow> {
  const locked = await repo.lockStatement(tx, statementId);
  if (!locked) throw new AppError('NOT_FOUND', { message: '工资单不存在' });
  // The first request committed while we waited for the lock: answer with its result.
  const again = await repo.findPaymentByKey(tx, body.idempotencyKey);
  if (again) {
    if (again.statementId !== statementId) throw new AppError('CONFLICT', { message: '幂等键已用于另一张工资单' });
    return locked;
  }
  const next = nextStatus(locked.status, 'pay', actor.side);
  if (!next.ok) throw new AppError('INVALID_STATE', { message: next.message });
  const outcome = await provider.pay({
    statementId,
    amountFen: locked.totalFen,
    method: body.method,
    reference: body.reference ?? null,
    photoFileId: body.photoFileId ?? null,
  });
  const payment = await repo.insertPayment(tx, {
    statementId,
    idempotencyKey: body.idempotencyKey,
    provider: outcome.provider,
    method: body.method,
    amountFen: locked.totalFen,
    reference: outcome.reference,
    photoFileId: body.photoFileId ?? null,
    recordedBySide: actor.side,
    recordedById: actor.id,
    paidAt: now,
  });
  if (!payment) return locked;
  const updated = await transitionTo(tx, statementId, 'pay', actor, now, { paidAt: now }, body.reference ?? null);
  // Paid by the pay day: a good credit event for the employer (overdue ones come from the sweep).
  if (shanghaiDay(now) <= locked.dueDate)
    await recordCreditEvent(tx, {
      subjectType: 'employer',
      subjectId: locked.employerId,
      kind: 'wage_paid_on_time',
      refType: 'wage_statement',
      refId: statementId,
      reason: `按时支付工资${locked.totalFen / 100}元`,
      at: now,
    });
  await writeAudit(tx, {
    actor: { kind: actor.side === 'staff' ? 'staff' : 'user', id: actor.id ?? undefined },
    action: 'wage.pay',
    entity: 'wage_statement',
    entityId: statementId,
    regionCode: locked.townCode,
    details: { amountFen: locked.totalFen, method: body.method, reference: body.reference ?? null },
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  });
  return updated;
}

/**
 * Record an offline payment. The idempotency key makes a retry return the first payment; two
 * concurrent requests serialise on the statement row lock, and the unique indexes (one payment
 * per statement, one per key) hold even if they did not.
 */
export async function recordPayment(deps: WagesDeps, actor: Actor, row: repo.StatementRow, body: PayInput, meta: Meta) {
  const earlier = await repo.findPaymentByKey(deps.db, body.idempotencyKey);
  if (earlier) {
    if (earlier.statementId !== row.id) throw new AppError('CONFLICT', { message: '幂等键已用于另一张工资单' });
    return presentOne(deps, (await repo.findStatement(deps.db, row.id)) ?? row);
  }
  const provider = deps.payments ?? offlinePaymentProvider;
  const now = deps.now();
  const result = await deps.db.transaction((tx) => payInTx(tx, provider, actor, row.id, body, now, meta));
  return presentOne(deps, result);
}

export async function payAsEmployer(
  deps: WagesDeps,
  actor: UserActor,
  id: string,
  body: Parameters<typeof recordPayment>[3],
  meta: Meta,
) {
  const { row, side } = await loadForUser(deps.db, actor, id);
  if (side !== 'employer') throw new AppError('FORBIDDEN', { message: '只有用工主体可以登记支付' });
  return recordPayment(deps, { side, id: actor.id }, row, body, meta);
}

export async function payAsStaff(
  deps: WagesDeps,
  actor: StaffActor,
  id: string,
  body: Parameters<typeof recordPayment>[3],
  meta: Meta,
) {
  requirePermission(actor, 'wages.write');
  const row = await repo.findStatement(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '工资单不存在' });
  assertReadableRegion(actor, row.townCode);
  return recordPayment(deps, { side: 'staff', id: actor.id }, row, body, meta);
}

/** 3 days (系统配置) of silence after payment count as receipt; run by the background queue. */
export async function autoReceive(db: Db, now: Date): Promise<number> {
  const rules = await getSetting(db, 'wageRules');
  const cutoff = new Date(now.getTime() - rules.autoReceiveDays * 86_400_000);
  const rows = await repo.findPaidBefore(db, cutoff);
  for (const r of rows)
    await db.transaction((tx) =>
      transitionTo(
        tx,
        r.id,
        'receive',
        { side: 'system', id: null },
        now,
        { receivedAt: now },
        '逾期未确认，视为已收款',
      ),
    );
  return rows.length;
}
