import {
  GRIEVANCE_KIND_LABELS,
  GRIEVANCE_SIDE_LABELS,
  GRIEVANCE_STATUS_LABELS,
  WAGE_GRIEVANCE_OUTCOME_LABELS,
  type AdminGrievance,
  type GrievanceEvent,
  type MyGrievance,
} from '@lingong/contracts';
import type { GrievanceEventRow, GrievanceRow } from './grievances.repository.js';

const HOUR = 3_600_000;
export type SlaHours = { accept: number; resolve: number };

/** The current stage's deadline: accept (from filing) or resolve (from acceptance); none once closed. */
export function slaOf(row: Pick<GrievanceRow, 'status' | 'createdAt' | 'acceptedAt'>, hours: SlaHours, now: Date) {
  let dueAt: Date | null = null;
  let stageLabel: string | null = null;
  if (row.status === 'submitted') {
    dueAt = new Date(row.createdAt.getTime() + hours.accept * HOUR);
    stageLabel = '受理';
  } else if ((row.status === 'accepted' || row.status === 'in_progress') && row.acceptedAt) {
    dueAt = new Date(row.acceptedAt.getTime() + hours.resolve * HOUR);
    stageLabel = '办结';
  }
  return {
    dueAt: dueAt?.toISOString() ?? null,
    overdue: dueAt !== null && now.getTime() > dueAt.getTime(),
    stageLabel,
  };
}

/** A timeline entry; staff are shown by name, parties by side only. */
export function presentEvent(e: GrievanceEventRow, staffNames: Map<string, string>): GrievanceEvent {
  const actorLabel =
    e.actorKind === 'staff'
      ? `工作人员 ${staffNames.get(e.actorId) ?? ''}`.trim()
      : e.actorSide
        ? GRIEVANCE_SIDE_LABELS[e.actorSide]
        : '当事人';
  return {
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    toStatusLabel: GRIEVANCE_STATUS_LABELS[e.toStatus],
    actorKind: e.actorKind,
    actorLabel,
    note: e.note,
    at: e.at.toISOString(),
  };
}

export function presentMine(
  row: GrievanceRow,
  ctx: { jobTitle: string; mine: boolean; events: GrievanceEvent[] },
): MyGrievance {
  return {
    id: row.id,
    applicationId: row.applicationId,
    jobTitle: ctx.jobTitle,
    side: row.filerSide,
    mine: ctx.mine,
    kind: row.kind,
    kindLabel: GRIEVANCE_KIND_LABELS[row.kind],
    content: row.content,
    hasPhoto: row.photoFileId !== null,
    status: row.status,
    statusLabel: GRIEVANCE_STATUS_LABELS[row.status],
    resolution: row.resolution,
    escalationReason: row.escalationReason,
    createdAt: row.createdAt.toISOString(),
    events: ctx.events,
  };
}

/** Console row: the worker's name arrives masked, the employer's in full. */
export function presentAdmin(
  row: GrievanceRow,
  ctx: {
    jobTitle: string;
    workerName: string;
    employerName: string;
    handlerName: string | null;
    hours: SlaHours;
    now: Date;
  },
): AdminGrievance {
  return {
    id: row.id,
    applicationId: row.applicationId,
    jobId: row.jobId,
    jobTitle: ctx.jobTitle,
    workerId: row.workerId,
    workerName: ctx.workerName,
    employerId: row.employerId,
    employerName: ctx.employerName,
    filerSide: row.filerSide,
    filerSideLabel: GRIEVANCE_SIDE_LABELS[row.filerSide],
    kind: row.kind,
    kindLabel: GRIEVANCE_KIND_LABELS[row.kind],
    content: row.content,
    photoFileId: row.photoFileId,
    status: row.status,
    statusLabel: GRIEVANCE_STATUS_LABELS[row.status],
    regionCode: row.regionCode,
    handlerStaffId: row.handlerStaffId,
    handlerName: ctx.handlerName,
    resolution: row.resolution,
    escalationReason: row.escalationReason,
    wageOutcome: row.wageOutcome,
    wageOutcomeLabel: row.wageOutcome ? WAGE_GRIEVANCE_OUTCOME_LABELS[row.wageOutcome] : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: slaOf(row, ctx.hours, ctx.now),
  };
}
