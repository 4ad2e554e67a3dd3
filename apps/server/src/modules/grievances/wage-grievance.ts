import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Pii } from '../../platform/pii.js';
import * as repo from './grievances.repository.js';
import { noticeParties } from './grievances.service.js';

/**
 * 诉求自动上传: the system files a wage-arrears grievance on the worker's behalf (filer = the
 * worker's user, who may withdraw it) inside the caller's transaction, and tells both sides.
 * Returns the grievance id, or null when the worker already has an open grievance on this hire.
 */
export async function fileWageGrievanceForWorker(
  tx: DbOrTx,
  pii: Pii,
  input: {
    applicationId: string;
    jobId: string;
    jobTitle: string;
    workerId: string;
    workerUserId: string;
    employerId: string;
    regionCode: string;
    content: string;
    now: Date;
  },
): Promise<string | null> {
  const inserted = await repo.insertGrievance(tx, {
    applicationId: input.applicationId,
    jobId: input.jobId,
    workerId: input.workerId,
    employerId: input.employerId,
    filerSide: 'worker',
    filerUserId: input.workerUserId,
    kind: 'wage_arrears',
    content: input.content,
    photoFileId: null,
    regionCode: input.regionCode,
    createdAt: input.now,
    updatedAt: input.now,
  });
  if (!inserted) return null;
  await repo.insertEvent(tx, {
    grievanceId: inserted.id,
    fromStatus: null,
    toStatus: 'submitted',
    actorKind: 'user',
    actorId: input.workerUserId,
    actorSide: 'worker',
    note: '系统代为提交：工资逾期未付',
    at: input.now,
  });
  await writeAudit(tx, {
    actor: { kind: 'system' },
    action: 'create',
    entity: 'grievance',
    entityId: inserted.id,
    regionCode: inserted.regionCode,
    details: { applicationId: input.applicationId, side: 'worker', kind: 'wage_arrears', auto: true },
  });
  await noticeParties(
    tx,
    pii,
    inserted,
    {
      filer: `“${input.jobTitle}”的工资已逾期未付，系统已代您提交欠薪投诉，工作人员将尽快处理；如已解决可撤回。`,
      other: `“${input.jobTitle}”的工资已逾期未付，系统已为工人提交欠薪投诉，请尽快支付。`,
      sms: true,
    },
    input.now,
  );
  return inserted.id;
}

/** Whether a grievance is still unresolved (any status but resolved). */
export async function isGrievanceUnresolved(db: DbOrTx, id: string): Promise<boolean> {
  const row = await repo.findGrievance(db, id);
  return !!row && row.status !== 'resolved';
}
