import { randomBytes } from 'node:crypto';
import type { CheckBody, CheckInQr } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { qrPng } from '../../platform/pdf/index.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { fulfilAgreement, terminateAgreement } from '../agreements/index.js';
import {
  findApplication,
  loadEmployerApplication,
  loadOwnApplication,
  reopenFreedPlace,
  sideOf,
  transition,
  type ApplicationRow,
} from '../applications/index.js';
import { recordCreditEvent } from '../credit/index.js';
import { requireRole } from '../employers/index.js';
import { findJobById, type JobRow } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { getSetting } from '../settings/index.js';
import { findWorkerById } from '../workers/index.js';
import {
  distanceMetres,
  QR_WINDOW_SECONDS,
  qrToken,
  qrTokenValid,
  qrWindow,
  shanghaiDay,
  shiftStart,
} from './attendance-rules.js';
import { presentSummary } from './attendance.presenter.js';
import * as repo from './attendance.repository.js';
import { shanghaiMinuteOf } from '../../platform/reporting/shanghai-time.js';

export type AttendanceDeps = { db: Db; now: () => Date };
type Meta = { ip: string; requestId?: string };

const notFound = () => new AppError('NOT_FOUND', { message: '报名记录不存在' });

/** An application of the caller's employer; another employer's is reported as not found. */
async function employerApplication(db: DbOrTx, actor: UserActor, id: string): Promise<ApplicationRow> {
  try {
    return await loadEmployerApplication(db, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') throw notFound();
    throw error;
  }
}

async function jobOf(db: DbOrTx, app: ApplicationRow): Promise<JobRow> {
  const job = await findJobById(db, app.jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  return job;
}

async function noShowAfter(db: DbOrTx, job: JobRow): Promise<Date> {
  const grace = await getSetting(db, 'noShowGraceMinutes');
  return new Date(shiftStart(job.startDate, job.workHours).getTime() + grace * 60_000);
}

/** Attendance, hours and completion of an application, for either of its sides. */
export async function getSummary(deps: AttendanceDeps, actor: UserActor, id: string) {
  await sideOf(deps.db, actor, id);
  return summaryOf(deps.db, id);
}

async function summaryOf(db: DbOrTx, id: string) {
  const app = await findApplication(db, id);
  if (!app) throw notFound();
  const job = await jobOf(db, app);
  const [records, completion, after] = await Promise.all([
    repo.recordsOf(db, id),
    repo.findCompletion(db, id),
    noShowAfter(db, job),
  ]);
  return presentSummary(app, records, completion, after);
}

/** Where the worker is: within the radius of the job's point, or holding a current QR token. */
async function placeCheck(
  db: DbOrTx,
  job: JobRow,
  body: CheckBody,
  now: Date,
): Promise<{ distance: number | null; lng: number | null; lat: number | null }> {
  if (body.method === 'qr') {
    const secret = await repo.findQrSecret(db, job.id);
    if (!secret || !qrTokenValid(secret, job.id, body.token, now))
      throw AppError.field('token', '签到二维码已过期或不属于该岗位，请重新扫描用工方当前显示的二维码');
    return { distance: null, lng: null, lat: null };
  }
  if (job.lat == null || job.lng == null)
    throw AppError.field('method', '该岗位没有设置工作地点坐标，请扫描用工方的签到二维码');
  const radius = await getSetting(db, 'checkInRadiusMetres');
  const distance = Math.round(distanceMetres({ lat: job.lat, lng: job.lng }, body));
  if (distance > radius) {
    const far = distance >= 1000 ? `${(distance / 1000).toFixed(1)}公里` : `${distance}米`;
    throw AppError.field(
      'lat',
      `您距离工作地点约${far}，超出签到范围（${radius}米），请到达工作地点后再签到或扫描用工方二维码`,
    );
  }
  return { distance, lng: body.lng, lat: body.lat };
}

/** 签到: once per work day, within the job's dates; moves the application to working. */
export async function checkIn(deps: AttendanceDeps, actor: UserActor, id: string, body: CheckBody) {
  const { app } = await loadOwnApplication(deps.db, actor, id);
  if (!['hired', 'confirmed', 'working'].includes(app.status))
    throw new AppError('INVALID_STATE', { message: '只有已录用的报名可以签到' });
  const job = await jobOf(deps.db, app);
  const now = deps.now();
  const day = shanghaiDay(now);
  if (day < job.startDate)
    throw new AppError('INVALID_STATE', { message: `该岗位${job.startDate}开工，开工当天才能签到` });
  if (job.endDate && day > job.endDate)
    throw new AppError('INVALID_STATE', { message: `该岗位已于${job.endDate}结束，不能签到` });
  const place = await placeCheck(deps.db, job, body, now);
  await deps.db.transaction(async (tx) => {
    if (app.status !== 'working') {
      await transition(tx, {
        id,
        from: ['hired', 'confirmed'],
        to: 'working',
        side: 'worker',
        actor,
        now,
        message: '只有已录用的报名可以签到',
      });
    }
    const row = await repo.insertCheckIn(tx, {
      applicationId: id,
      jobId: job.id,
      workerId: app.workerId,
      employerId: app.employerId,
      day,
      checkInAt: now,
      checkInMethod: body.method,
      checkInDistanceM: place.distance,
      checkInLng: place.lng,
      checkInLat: place.lat,
    });
    if (!row) throw new AppError('INVALID_STATE', { message: '您今天已经签到过了' });
  });
  return summaryOf(deps.db, id);
}

/** 签退: closes the open check-in; the minutes between count as hours worked that day. */
export async function checkOut(deps: AttendanceDeps, actor: UserActor, id: string, body: CheckBody) {
  const { app } = await loadOwnApplication(deps.db, actor, id);
  if (app.status !== 'working') throw new AppError('INVALID_STATE', { message: '请先签到再签退' });
  const job = await jobOf(deps.db, app);
  const now = deps.now();
  const place = await placeCheck(deps.db, job, body, now);
  await deps.db.transaction(async (tx) => {
    const open = await repo.lockOpenRecord(tx, id);
    if (!open) throw new AppError('INVALID_STATE', { message: '您还没有签到，或今天已经签退' });
    await repo.setCheckOut(tx, open.id, {
      checkOutAt: now,
      checkOutMethod: body.method,
      checkOutDistanceM: place.distance,
    });
  });
  return summaryOf(deps.db, id);
}

/** The employer's rotating check-in QR for a job (PNG as data URL, app URL inside). */
export async function checkInQr(
  deps: AttendanceDeps,
  actor: UserActor,
  jobId: string,
  origin: string,
): Promise<CheckInQr> {
  const job = await findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  try {
    await requireRole(deps.db, actor, job.employerId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN')
      throw new AppError('NOT_FOUND', { message: '岗位不存在' });
    throw error;
  }
  const now = deps.now();
  const secret = await repo.qrSecretOf(deps.db, job.id, () => randomBytes(32).toString('hex'));
  const window = qrWindow(now);
  const token = qrToken(secret, job.id, window);
  const url = `/checkin?job=${job.id}&t=${token}`;
  const png = await qrPng(`${origin}${url}`, 320);
  return {
    url,
    token,
    pngDataUrl: `data:image/png;base64,${png.toString('base64')}`,
    windowSeconds: QR_WINDOW_SECONDS,
    expiresAt: new Date((window + 1) * QR_WINDOW_SECONDS * 1000).toISOString(),
  };
}

/** 未到岗: after the shift start plus the grace period, for a hire that never checked in. */
export async function markNoShow(
  deps: AttendanceDeps,
  actor: UserActor,
  id: string,
  reason: string | undefined,
  meta: Meta,
) {
  const app = await employerApplication(deps.db, actor, id);
  if (app.status !== 'hired' && app.status !== 'confirmed')
    throw new AppError('INVALID_STATE', { message: '只有已录用且未签到的工人可以标记未到岗' });
  const job = await jobOf(deps.db, app);
  const now = deps.now();
  const after = await noShowAfter(deps.db, job);
  if (now < after) {
    const at = shanghaiMinuteOf(after);
    throw new AppError('INVALID_STATE', { message: `开工后宽限时间内不能标记未到岗，请在${at}之后再操作` });
  }
  await deps.db.transaction(async (tx) => {
    await transition(tx, {
      id,
      from: ['hired', 'confirmed'],
      to: 'no_show',
      side: 'employer',
      actor,
      now,
      reason: reason || null,
      message: '只有已录用且未签到的工人可以标记未到岗',
    });
    // The absent worker's place opens again so the employer can hire someone else.
    await reopenFreedPlace(tx, app.jobId, now);
    await recordCreditEvent(tx, {
      subjectType: 'worker',
      subjectId: app.workerId,
      kind: 'no_show',
      refType: 'application',
      refId: id,
      reason: reason || '用工方标记未到岗',
      actorUserId: actor.id,
      at: now,
    });
    await terminateAgreement(tx, id, now);
    const worker = await findWorkerById(tx, app.workerId);
    if (worker?.userId) {
      await notify(tx, {
        userId: worker.userId,
        kind: 'no_show',
        title: '您被标记为未到岗',
        body: `“${job.title}”开工后您未签到，用工方已标记未到岗，将影响您的信用分。如有异议请联系服务窗口。`,
        link: `/applications/${id}`,
        refType: 'application',
        refId: id,
        at: now,
      });
    }
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'application.no_show',
      entity: 'application',
      entityId: id,
      details: { reason: reason ?? null },
      ip: meta.ip,
      requestId: meta.requestId ?? null,
    });
  });
  return summaryOf(deps.db, id);
}

/**
 * 完工确认: the employer confirms completion. No amount: what is owed is settled by wage
 * statements (待结算 → 出具工资单), so the employer is pointed there and the worker told so.
 */
export async function confirmCompletion(
  deps: AttendanceDeps,
  actor: UserActor,
  id: string,
  body: { note?: string | undefined } | null | undefined,
  meta: Meta,
) {
  const app = await employerApplication(deps.db, actor, id);
  if (app.status !== 'working') throw new AppError('INVALID_STATE', { message: '工人签到开工后才能确认完工' });
  const job = await jobOf(deps.db, app);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await transition(tx, {
      id,
      from: ['working'],
      to: 'completed',
      side: 'employer',
      actor,
      now,
      message: '工人签到开工后才能确认完工',
    });
    const records = await repo.recordsOf(tx, id);
    const totalMinutes = presentSummary(app, records, undefined, now).totalMinutes;
    await repo.insertCompletion(tx, {
      applicationId: id,
      jobId: job.id,
      workerId: app.workerId,
      employerId: app.employerId,
      amountDueFen: null,
      totalMinutes,
      note: body?.note || null,
      confirmedByUserId: actor.id,
      confirmedAt: now,
    });
    await recordCreditEvent(tx, {
      subjectType: 'worker',
      subjectId: app.workerId,
      kind: 'completed',
      refType: 'application',
      refId: id,
      actorUserId: actor.id,
      at: now,
    });
    await fulfilAgreement(tx, id, now);
    const worker = await findWorkerById(tx, app.workerId);
    if (worker?.userId) {
      await notify(tx, {
        userId: worker.userId,
        kind: 'completed',
        title: '工作已完工',
        body: `“${job.title}”已确认完工，工资以用工方出具的工资单为准，请在“我的工钱”中查收确认，并对用工方进行评价。`,
        link: `/applications/${id}`,
        refType: 'application',
        refId: id,
        sms: true,
        smsTemplate: { code: 'work_completed', params: { job: job.title } },
        at: now,
      });
    }
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'application.complete',
      entity: 'application',
      entityId: id,
      details: { totalMinutes },
      ip: meta.ip,
      requestId: meta.requestId ?? null,
    });
  });
  return summaryOf(deps.db, id);
}
