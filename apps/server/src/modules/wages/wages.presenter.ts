import type { WageStatement } from '@lingong/contracts';
import { quantityText } from './wage-calc.js';
import { WAGE_STATUS_LABELS } from './wage-states.js';
import type { EventRow, LineRow, PaymentRow, StatementRow } from './wages.repository.js';

const ACTION_LABELS: Record<EventRow['action'], string> = {
  create: '生成工资单',
  edit: '修改工资单',
  issue: '发出工资单',
  confirm: '工人确认',
  dispute: '工人提出异议',
  correct: '更正工资单',
  mediate: '调解更正',
  pay: '登记支付',
  receive: '确认收款',
};

/** Open statements past their pay day are overdue (shown in red; the sweep files a grievance). */
export function isOverdue(row: StatementRow, today: string): boolean {
  return ['issued', 'confirmed', 'disputed'].includes(row.status) && row.dueDate < today;
}

/** A statement for either side or staff; no user ids, no bank accounts. */
export function presentStatement(
  row: StatementRow,
  names: { jobTitle: string; employerName: string; workerName: string },
  details: {
    lines: LineRow[];
    events: EventRow[];
    payment: PaymentRow | null;
    escalations: { level: 'station' | 'county' | 'inspection'; at: Date }[];
  },
  today: string,
): WageStatement {
  return {
    id: row.id,
    applicationId: row.applicationId,
    jobId: row.jobId,
    jobTitle: names.jobTitle,
    employerName: names.employerName,
    workerName: names.workerName,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    unit: row.unit,
    rateFen: row.rateFen,
    quantityText: quantityText(row.unit, { days: row.days, minutes: row.minutes, pieces: row.pieces }),
    days: row.days,
    minutes: row.minutes,
    pieces: row.pieces,
    baseFen: row.baseFen,
    additionsFen: row.additionsFen,
    deductionsFen: row.deductionsFen,
    totalFen: row.totalFen,
    status: row.status,
    statusLabel: WAGE_STATUS_LABELS[row.status],
    dueDate: row.dueDate,
    overdue: isOverdue(row, today),
    version: row.version,
    disputeReason: row.disputeReason,
    lines: details.lines.map((l) => ({ kind: l.kind, amountFen: l.amountFen, reason: l.reason })),
    events: details.events.map((e) => ({
      action: e.action,
      actionLabel: ACTION_LABELS[e.action],
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorSide: e.actorSide,
      note: e.note,
      totalFen: e.totalFen,
      at: e.at.toISOString(),
    })),
    payment: details.payment
      ? {
          id: details.payment.id,
          provider: details.payment.provider,
          method: details.payment.method,
          amountFen: details.payment.amountFen,
          reference: details.payment.reference,
          paidAt: details.payment.paidAt.toISOString(),
        }
      : null,
    grievanceId: row.grievanceId,
    escalations: details.escalations.map((e) => ({
      level: e.level,
      levelLabel: LEVEL_LABELS[e.level],
      at: e.at.toISOString(),
    })),
  };
}

const LEVEL_LABELS = { station: '零工驿站', county: '县就业服务中心', inspection: '劳动保障监察' } as const;
