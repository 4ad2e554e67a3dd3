import { eq } from 'drizzle-orm';
import type { WageCaseFile, WageLineInput } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { quantityText } from './wage-calc.js';
import { WAGE_STATUS_LABELS } from './wage-states.js';
import { isOverdue } from './wages.presenter.js';
import * as repo from './wages.repository.js';
import { wageStatements } from './wages.schema.js';
import { compute, transitionTo } from './wages.service.js';

// 欠薪投诉 support: the statements and payments of a hire for the case file, and the staff
// correction (调解更正) made when a wage grievance is closed.

const PAY_LABELS = { cash: '现金', bank_transfer: '银行转账', entrusted: '委托结算' } as const;

/** The hire's issued statements (drafts are the employer's own) and their payments, oldest first. */
export async function wageCaseOf(
  db: DbOrTx,
  applicationId: string,
  today: string,
): Promise<Pick<WageCaseFile, 'statements' | 'payments'>> {
  const rows = (await repo.findStatements(db, eq(wageStatements.applicationId, applicationId))).filter(
    (r) => r.status !== 'draft',
  );
  rows.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const details = await repo.findDetails(
    db,
    rows.map((r) => r.id),
  );
  return {
    statements: rows.map((r) => ({
      id: r.id,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      status: r.status,
      statusLabel: WAGE_STATUS_LABELS[r.status],
      quantityText: quantityText(r.unit, { days: r.days, minutes: r.minutes, pieces: r.pieces }),
      baseFen: r.baseFen,
      additionsFen: r.additionsFen,
      deductionsFen: r.deductionsFen,
      totalFen: r.totalFen,
      dueDate: r.dueDate,
      overdue: isOverdue(r, today),
      version: r.version,
      disputeReason: r.disputeReason,
      lines: details.lines
        .filter((l) => l.statementId === r.id)
        .map((l) => ({ kind: l.kind, amountFen: l.amountFen, reason: l.reason })),
    })),
    payments: details.payments
      .sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime())
      .map((p) => ({
        statementId: p.statementId,
        method: p.method,
        methodLabel: PAY_LABELS[p.method],
        amountFen: p.amountFen,
        reference: p.reference,
        paidAt: p.paidAt.toISOString(),
      })),
  };
}

export type MediationResult = {
  statementId: string;
  periodStart: string;
  periodEnd: string;
  fromStatus: string;
  beforeFen: number;
  afterFen: number;
  version: number;
};

/**
 * 调解更正 inside the caller's transaction: staff replace a statement's addition/deduction lines
 * with a reason. Only a statement of the grievance's hire (else a field error on
 * correction.statementId); amounts are recomputed by the usual rules and the statement goes back to
 * 待确认 (issued, version + 1) for the worker to confirm, linked to the grievance. Refused once paid.
 */
export async function mediateStatement(
  tx: DbOrTx,
  input: {
    statementId: string;
    applicationId: string;
    grievanceId: string;
    lines: WageLineInput[];
    reason: string;
    staffId: string;
    now: Date;
  },
): Promise<MediationResult> {
  const row = await repo.lockStatement(tx, input.statementId);
  if (!row || row.applicationId !== input.applicationId)
    throw AppError.field('correction.statementId', '该工资单不属于本投诉涉及的用工');
  let computed: Awaited<ReturnType<typeof compute>>;
  try {
    computed = await compute(tx, row, row.pieces, input.lines);
  } catch (err) {
    throw prefixed(err);
  }
  const { q, result } = computed;
  const updated = await transitionTo(
    tx,
    row.id,
    'mediate',
    { side: 'staff', id: input.staffId },
    input.now,
    {
      days: q.days,
      minutes: q.minutes,
      baseFen: result.baseFen,
      additionsFen: result.additionsFen,
      deductionsFen: result.deductionsFen,
      totalFen: result.totalFen,
      version: row.version + 1,
      issuedAt: input.now,
      // Linked to the grievance that settled it, so the overdue sweep does not file another one
      // for the old pay day (a new grievance can still be filed by the worker).
      grievanceId: row.grievanceId ?? input.grievanceId,
    },
    input.reason,
  );
  await repo.replaceLines(tx, row.id, input.lines);
  return {
    statementId: row.id,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    fromStatus: row.status,
    beforeFen: row.totalFen,
    afterFen: updated.totalFen,
    version: updated.version,
  };
}

/** Field errors from the wage rules, named under `correction.` (the close body's field). */
function prefixed(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.details) return err;
  return new AppError(err.code, { details: err.details.map((d) => ({ ...d, field: `correction.${d.field}` })) });
}
