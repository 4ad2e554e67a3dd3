import type {
  CheckinBody,
  ConfirmDeliveryBody,
  CreateDeliveryBody,
  CreateEventBody,
  EventEmployerBody,
  EventListQuery,
  EventOutcomeBody,
} from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { maskName } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
  type UserActor,
} from '../../platform/rbac/actor.js';
import { findEmployerRef } from '../employers/index.js';
import { findJobRef } from '../jobs/index.js';
import { findWorkerNames, findWorkerRef, findWorkerRefByUser } from '../workers/index.js';
import { isWithinRegion } from '../reference/index.js';
import { currentToken, newCheckinSecret, tokenValid } from './checkin-token.js';
import * as repo from './events.repository.js';
import { presentDelivery, presentEvent } from './events.presenter.js';

export type EventsDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };

/** An event in the actor's region; otherwise NOT_FOUND (its existence is not revealed). */
async function scopedEvent(deps: EventsDeps, actor: StaffActor, id: string) {
  const event = await repo.findEvent(deps.db, id);
  if (!event || !isWithinRegion(actor.regionCode, event.regionCode)) throw new AppError('NOT_FOUND');
  return event;
}

async function presentOne(deps: EventsDeps, event: repo.EventRow) {
  const details = await repo.findEventDetails(deps.db, [event.id]);
  return presentEvent(event, details.employers, details.attendees.get(event.id) ?? 0);
}

/** Record an event (offline / online fair, livestream, station event) in the actor's region; audited. */
export async function createEvent(deps: EventsDeps, actor: StaffActor, body: CreateEventBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  assertWritableRegion(actor, body.regionCode);
  const row = await deps.db.transaction(async (tx) => {
    const event = await repo.insertEvent(tx, {
      ...body,
      heldAt: new Date(body.heldAt),
      checkinSecret: newCheckinSecret(),
      recorderStaffId: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'recruitment_event',
      entityId: event.id,
      regionCode: event.regionCode,
      details: { kind: event.kind, stationKind: event.stationKind, title: event.title },
      ...meta,
    });
    return event;
  });
  return presentEvent(row, [], 0);
}

export async function listEvents(deps: EventsDeps, actor: StaffActor, q: EventListQuery) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findEvents(deps.db, scopeLikePattern(actor), q.kind, slice);
    const details = await repo.findEventDetails(
      deps.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentEvent(r, details.employers, details.attendees.get(r.id) ?? 0)), total };
  });
}

export async function getEvent(deps: EventsDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'dashboard.read');
  return presentOne(deps, await scopedEvent(deps, actor, id));
}

/** Add (or update) a participating employer and the jobs it brings; the jobs must be the employer's. */
export async function addEventEmployer(
  deps: EventsDeps,
  actor: StaffActor,
  id: string,
  body: EventEmployerBody,
  meta: Meta,
) {
  requirePermission(actor, 'services.write');
  const event = await scopedEvent(deps, actor, id);
  if (!(await findEmployerRef(deps.db, body.employerId))) throw AppError.field('employerId', '用工主体不存在');
  const jobIds = [...new Set(body.jobIds)];
  for (const jobId of jobIds) {
    const job = await findJobRef(deps.db, jobId);
    if (!job || job.employerId !== body.employerId) throw AppError.field('jobIds', '岗位不存在或不属于该用工主体');
  }
  await deps.db.transaction(async (tx) => {
    await repo.upsertEventEmployer(tx, { eventId: event.id, employerId: body.employerId, jobIds });
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'recruitment_event',
      entityId: event.id,
      regionCode: event.regionCode,
      details: { employerId: body.employerId, jobs: jobIds.length },
      ...meta,
    });
  });
  return presentOne(deps, event);
}

/** Record the event's outcomes: workers with a hiring intention and workers hired. */
export async function setOutcome(deps: EventsDeps, actor: StaffActor, id: string, body: EventOutcomeBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const event = await scopedEvent(deps, actor, id);
  if (body.hires > body.intentions) throw AppError.field('hires', '录用人数不能多于达成意向人数');
  const row = await deps.db.transaction(async (tx) => {
    const updated = await repo.updateOutcome(tx, event.id, body);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'recruitment_event',
      entityId: event.id,
      regionCode: event.regionCode,
      details: { ...body },
      ...meta,
    });
    return updated;
  });
  return presentOne(deps, row);
}

/** The QR check-in token to show at the venue now (it rotates every 5 minutes). */
export async function checkinToken(deps: EventsDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'services.write');
  const event = await scopedEvent(deps, actor, id);
  const { token, expiresAt } = currentToken(event.checkinSecret, event.id, deps.now());
  return { token, expiresAt: expiresAt.toISOString() };
}

/** A worker checks in by scanning the event's current QR token; a repeat scan keeps the first time. */
export async function checkin(deps: EventsDeps, user: UserActor, id: string, body: CheckinBody) {
  const event = await repo.findEvent(deps.db, id);
  if (!event) throw new AppError('NOT_FOUND');
  if (!tokenValid(event.checkinSecret, event.id, body.token, deps.now()))
    throw AppError.field('token', '签到码已过期或不正确，请重新扫码');
  const worker = await findWorkerRefByUser(deps.db, user.id);
  if (!worker) throw AppError.field('token', '请先完成求职登记再签到');
  const firstTime = await repo.insertAttendee(deps.db, {
    eventId: event.id,
    workerId: worker.id,
    checkedInAt: deps.now(),
  });
  const row = await repo.findAttendee(deps.db, event.id, worker.id);
  return {
    eventId: event.id,
    workerId: worker.id,
    checkedInAt: (row?.checkedInAt ?? deps.now()).toISOString(),
    firstTime,
  };
}

/** The event's attendees, masked names. Attendees from outside the actor's region are listed without a name. */
export async function listAttendees(deps: EventsDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'dashboard.read');
  const event = await scopedEvent(deps, actor, id);
  const rows = await repo.findAttendees(deps.db, event.id);
  const names = await findWorkerNames(
    deps.db,
    rows.map((r) => r.workerId),
  );
  return {
    items: rows.map((r) => {
      const w = names.get(r.workerId);
      const visible = w && isWithinRegion(actor.regionCode, w.homeRegionCode);
      return {
        workerId: r.workerId,
        workerNameMasked: visible ? (maskName(deps.pii.decrypt(w.nameEnc)) ?? '') : '（外区域）',
        checkedInAt: r.checkedInAt.toISOString(),
      };
    }),
  };
}

// ---- 送工 --------------------------------------------------------------------------------

/** Record a 送工 delivery: workers (in the actor's region) sent to an enterprise by a sender on a date. */
export async function createDelivery(deps: EventsDeps, actor: StaffActor, body: CreateDeliveryBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  assertWritableRegion(actor, body.regionCode);
  const employer = await findEmployerRef(deps.db, body.employerId);
  if (!employer) throw AppError.field('employerId', '用工企业不存在');
  const workerIds = [...new Set(body.workerIds)];
  for (const workerId of workerIds) {
    const worker = await findWorkerRef(deps.db, workerId);
    if (!worker || !isWithinRegion(actor.regionCode, worker.homeRegionCode))
      throw AppError.field('workerIds', '送工人员不存在或不在管辖区域内');
  }
  const row = await deps.db.transaction(async (tx) => {
    const d = await repo.insertDelivery(tx, {
      employerId: employer.id,
      sender: body.sender,
      deliveredOn: body.deliveredOn,
      workerIds,
      regionCode: body.regionCode,
      note: body.note,
      recorderStaffId: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'worker_delivery',
      entityId: d.id,
      regionCode: d.regionCode,
      details: { employerId: d.employerId, workers: workerIds.length, deliveredOn: d.deliveredOn },
      ...meta,
    });
    return d;
  });
  return presentDelivery(row, employer.name, []);
}

export async function listDeliveries(deps: EventsDeps, actor: StaffActor, q: PageQuery) {
  requirePermission(actor, 'dashboard.read');
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findDeliveries(deps.db, scopeLikePattern(actor), slice);
    const confirmations = await repo.findConfirmations(
      deps.db,
      rows.map((r) => r.delivery.id),
    );
    return { items: rows.map((r) => presentDelivery(r.delivery, r.employerName, confirmations)), total };
  });
}

/**
 * One party (enterprise, sender, HR bureau) confirms the number of workers delivered. A count
 * unlike the list is kept as a discrepancy (confirmed minus listed); audited.
 */
export async function confirmDelivery(
  deps: EventsDeps,
  actor: StaffActor,
  id: string,
  body: ConfirmDeliveryBody,
  meta: Meta,
) {
  requirePermission(actor, 'services.write');
  const delivery = await repo.findDelivery(deps.db, id);
  if (!delivery || !isWithinRegion(actor.regionCode, delivery.regionCode)) throw new AppError('NOT_FOUND');
  const discrepancy = body.confirmedCount - delivery.workerIds.length;
  if (discrepancy !== 0 && body.note.length < 2)
    throw AppError.field('note', `确认人数与送工名单（${delivery.workerIds.length}人）不一致，请填写差异说明`);
  await deps.db.transaction(async (tx) => {
    await repo.upsertConfirmation(tx, {
      deliveryId: delivery.id,
      ...body,
      discrepancy,
      recorderStaffId: actor.id,
      confirmedAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'confirm',
      entity: 'worker_delivery',
      entityId: delivery.id,
      regionCode: delivery.regionCode,
      details: { party: body.party, confirmedCount: body.confirmedCount, discrepancy },
      ...meta,
    });
  });
  const employer = await findEmployerRef(deps.db, delivery.employerId);
  return presentDelivery(delivery, employer?.name ?? null, await repo.findConfirmations(deps.db, [delivery.id]));
}
