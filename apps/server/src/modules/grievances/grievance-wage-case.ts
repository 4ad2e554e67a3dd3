import {
  AGREEMENT_STATUS_LABELS,
  GRIEVANCE_STATUS_LABELS,
  WAGE_GRIEVANCE_OUTCOME_LABELS,
  type AdminGrievanceDetail,
  type GrievanceActionBody,
  type WageCaseFile,
} from '@lingong/contracts';
import { SETTLEMENT_LABELS, WAGE_UNIT_LABELS } from '@lingong/contracts/labels';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { shanghaiDay } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { agreementSummaryOf } from '../agreements/index.js';
import { findApplication } from '../applications/index.js';
import { attendanceOf } from '../attendance/index.js';
import { findJobById } from '../jobs/index.js';
import { detailOf, MOVES } from './grievances-admin.service.js';
import * as repo from './grievances.repository.js';
import { noticeParties, type GrievancesDeps, type Meta } from './grievances.service.js';
import { wageLinks } from './wage-links.js';

/** Days after the period end when a hire was agreed without a pay day (as the wages module assumes). */
const DEFAULT_PAY_WITHIN_DAYS = 3;
type CloseBody = Extract<GrievanceActionBody, { action: 'close_wage' }>;
const yuan = (fen: number) => (fen / 100).toFixed(2);

async function loadWageGrievance(deps: GrievancesDeps, actor: StaffActor, id: string) {
  const row = await repo.findGrievance(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
  assertReadableRegion(actor, row.regionCode);
  return row;
}

/**
 * 欠薪案卷 of a wage grievance: the terms agreed at hire, attendance, the wage statements and the
 * payments recorded, in the grievance's scope (a station agent: its town only).
 */
export async function getWageCase(deps: GrievancesDeps, actor: StaffActor, id: string): Promise<WageCaseFile> {
  requirePermission(actor, 'grievances.read');
  const row = await loadWageGrievance(deps, actor, id);
  if (row.kind !== 'wage_arrears')
    throw new AppError('NOT_FOUND', { message: '该投诉不是拖欠工资类投诉，没有工资案卷' });
  const [app, job, agreement, records] = [
    await findApplication(deps.db, row.applicationId),
    await findJobById(deps.db, row.jobId),
    await agreementSummaryOf(deps.db, row.applicationId),
    await attendanceOf(deps.db, row.applicationId),
  ];
  if (!app || !job) throw new AppError('NOT_FOUND', { message: '投诉涉及的用工不存在' });
  const worked = records.filter((r) => r.checkOutAt);
  const minutes = worked.reduce(
    (s, r) => s + Math.floor(((r.checkOutAt as Date).getTime() - r.checkInAt.getTime()) / 60_000),
    0,
  );
  const wage = await wageLinks().wageCaseOf(deps.db, row.applicationId, shanghaiDay(deps.now()));
  return {
    agreement: {
      number: agreement?.number ?? null,
      statusLabel: agreement ? AGREEMENT_STATUS_LABELS[agreement.status] : null,
      rateFen: app.agreedWageFen ?? job.wageMinFen,
      unit: job.wageUnit,
      unitLabel: WAGE_UNIT_LABELS[job.wageUnit],
      settlement: job.settlement,
      settlementLabel: SETTLEMENT_LABELS[job.settlement],
      payWithinDays: app.payWithinDays ?? DEFAULT_PAY_WITHIN_DAYS,
    },
    attendance: {
      days: worked.length,
      minutes,
      firstDay: records[0]?.day ?? null,
      lastDay: records.at(-1)?.day ?? null,
    },
    ...wage,
  };
}

/**
 * 欠薪结案: staff close a wage grievance with its outcome (调解后已支付 / 撤回 → resolved,
 * 移送劳动保障监察 → escalated) and may correct one statement of the hire (调解更正: the
 * statement goes back to 待确认 for the worker). The grievance, its event, the statement, the
 * audit entries and both parties' messages commit in one transaction.
 */
export async function closeWageGrievance(
  deps: GrievancesDeps,
  actor: StaffActor,
  id: string,
  body: CloseBody,
  meta: Meta,
): Promise<AdminGrievanceDetail> {
  requirePermission(actor, 'grievances.write');
  const found = await loadWageGrievance(deps, actor, id);
  assertWritableRegion(actor, found.regionCode);
  if (found.kind !== 'wage_arrears')
    throw AppError.field('outcome', '只有“拖欠工资”类投诉可以按欠薪结果结案，请使用办结或移交');
  const referred = body.outcome === 'referred_to_inspection';
  const move = referred ? MOVES.escalate : MOVES.resolve;
  const label = WAGE_GRIEVANCE_OUTCOME_LABELS[body.outcome];
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.lockGrievance(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
    if (!(move.from as readonly string[]).includes(current.status))
      throw new AppError('INVALID_STATE', {
        message: `该投诉当前为“${GRIEVANCE_STATUS_LABELS[current.status]}”，不能以“${label}”结案`,
      });
    const corrected = body.correction
      ? await wageLinks().mediateStatement(tx, {
          statementId: body.correction.statementId,
          applicationId: current.applicationId,
          grievanceId: id,
          lines: body.correction.lines,
          reason: body.correction.reason,
          staffId: actor.id,
          now,
        })
      : null;
    const correctionText = corrected
      ? `；更正${corrected.periodStart}至${corrected.periodEnd}工资单：${yuan(corrected.beforeFen)}元→${yuan(corrected.afterFen)}元（${body.correction?.reason}），请工人重新确认`
      : '';
    const text = `${label}：${body.note}${correctionText}`;
    const updated = await repo.updateGrievance(tx, id, {
      status: move.to,
      wageOutcome: body.outcome,
      updatedAt: now,
      closedAt: now,
      ...(referred ? { escalationReason: text } : { resolution: text }),
    });
    await repo.insertEvent(tx, {
      grievanceId: id,
      fromStatus: current.status,
      toStatus: move.to,
      actorKind: 'staff',
      actorId: actor.id,
      actorSide: null,
      note: text,
      at: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'close_wage',
      entity: 'grievance',
      entityId: id,
      regionCode: updated.regionCode,
      details: { from: current.status, to: move.to, outcome: body.outcome, note: body.note, correction: corrected },
      ...meta,
    });
    if (corrected && body.correction)
      await writeAudit(tx, {
        actor,
        action: 'mediate',
        entity: 'wage_statement',
        entityId: corrected.statementId,
        regionCode: updated.regionCode,
        details: { ...corrected, grievanceId: id, lines: body.correction.lines, reason: body.correction.reason },
        ...meta,
      });
    await noticeParties(
      tx,
      deps.pii,
      updated,
      { filer: `您的欠薪投诉已结案（${text}）。`, other: `与您有关的欠薪投诉已结案（${text}）。`, sms: true },
      now,
    );
    return updated;
  });
  return detailOf(deps, row);
}
