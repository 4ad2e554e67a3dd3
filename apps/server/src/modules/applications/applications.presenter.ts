import { APPLICATION_STATUS_LABELS, type Application } from '@lingong/contracts';
import { maskName } from '../../platform/crypto/mask.js';
import type { ApplicationRow, EventRow } from './applications.repository.js';

export type Viewer = 'worker' | 'employer';
export type ApplicationNames = {
  jobTitle: string;
  employerName: string;
  workerName: string;
  wageUnit?: Application['wageUnit'];
  settlement?: Application['settlement'];
};

/**
 * An application for one side. The worker sees their own name; the employer sees it masked
 * (张**) until the agreement step reveals it. Events carry the side, never the user id.
 */
export function presentApplication(
  row: ApplicationRow,
  names: ApplicationNames,
  events: EventRow[],
  viewer: Viewer,
): Application {
  return {
    id: row.id,
    jobId: row.jobId,
    jobTitle: names.jobTitle,
    employerId: row.employerId,
    employerName: names.employerName,
    workerId: row.workerId,
    workerName: viewer === 'worker' ? names.workerName : maskName(names.workerName),
    status: row.status,
    statusLabel: APPLICATION_STATUS_LABELS[row.status],
    origin: row.origin,
    endedBy: row.endedBy,
    endReason: row.endReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    agreedWageFen: row.agreedWageFen,
    payWithinDays: row.payWithinDays,
    ...(names.wageUnit ? { wageUnit: names.wageUnit } : {}),
    ...(names.settlement ? { settlement: names.settlement } : {}),
    events: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorSide: e.actorSide,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
  };
}
