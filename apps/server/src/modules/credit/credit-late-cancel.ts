import type { DbOrTx } from '../../db/client.js';
import { workStartAt } from '../../platform/reporting/index.js';
import { getSetting } from '../settings/index.js';
import { recordCreditEvent } from './credit.core.js';

/** When a job starts: its start date at the first HH:MM of its work hours (08:00 if none), Asia/Shanghai. */
export function jobStartAt(startDate: string, workHours: string): Date {
  return workStartAt(startDate, workHours);
}

/**
 * 临时取消: a hire cancelled by either side less than `lateCancelHours` before the job starts (or
 * after it started) records late_cancel on the cancelling side, in the caller's transaction.
 */
export async function recordLateCancel(
  tx: DbOrTx,
  input: {
    side: 'worker' | 'employer';
    workerId: string;
    employerId: string;
    applicationId: string;
    startDate: string;
    workHours: string;
    now: Date;
    actorUserId: string;
  },
): Promise<boolean> {
  const hours = await getSetting(tx, 'lateCancelHours');
  const start = jobStartAt(input.startDate, input.workHours);
  if (start.getTime() - input.now.getTime() > hours * 3_600_000) return false;
  const ev = await recordCreditEvent(tx, {
    subjectType: input.side,
    subjectId: input.side === 'worker' ? input.workerId : input.employerId,
    kind: 'late_cancel',
    refType: 'application',
    refId: input.applicationId,
    reason: `开工前${hours}小时内取消录用`,
    actorUserId: input.actorUserId,
    at: input.now,
  });
  return ev !== null;
}
