import {
  GRIEVANCE_STATUS_LABELS,
  type AdminGrievance,
  type AdminGrievanceDetail,
  type AdminGrievanceExportQuery,
  type AdminGrievanceQuery,
  type GrievanceActionBody,
} from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile, readFileBytes } from '../../platform/files/files.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { findStaffNames, staffActorFor } from '../accounts/index.js';
import { subjectInfos } from '../credit/index.js';
import { findJobsByIds } from '../jobs/index.js';
import { isWithinRegion } from '../reference/index.js';
import { getSetting } from '../settings/index.js';
import { closeWageGrievance } from './grievance-wage-case.js';
import * as repo from './grievances.repository.js';
import { presentAdmin, presentEvent, type SlaHours } from './grievances.presenter.js';
import { noticeParties, type GrievancesDeps, type Meta } from './grievances.service.js';

const HOUR = 3_600_000;
type Filters = Omit<AdminGrievanceExportQuery, 'town'> & { town?: string };

/** The query filter for the actor (null when the requested town is outside the scope). */
function filterOf(actor: StaffActor, q: Filters, hours: SlaHours, now: Date): repo.AdminFilter | null {
  const regionPattern = scopedRegionPattern(actor, q.town);
  if (!regionPattern) return null;
  return {
    regionPattern,
    status: q.status,
    kind: q.kind,
    employerId: q.employerId,
    workerId: q.workerId,
    overdue:
      q.overdue === undefined
        ? undefined
        : {
            value: q.overdue,
            acceptCutoff: new Date(now.getTime() - hours.accept * HOUR),
            resolveCutoff: new Date(now.getTime() - hours.resolve * HOUR),
          },
  };
}

async function presentRows(
  deps: GrievancesDeps,
  rows: repo.GrievanceRow[],
  hours: SlaHours,
  now: Date,
): Promise<AdminGrievance[]> {
  const titles = new Map(
    (await findJobsByIds(deps.db, [...new Set(rows.map((r) => r.jobId))])).map((j) => [j.id, j.title]),
  );
  const workers = await subjectInfos(
    deps.db,
    deps.pii,
    'worker',
    rows.map((r) => r.workerId),
  );
  const employers = await subjectInfos(
    deps.db,
    null,
    'employer',
    rows.map((r) => r.employerId),
  );
  const handlers = await findStaffNames(
    deps.db,
    rows.flatMap((r) => (r.handlerStaffId ? [r.handlerStaffId] : [])),
  );
  return rows.map((r) =>
    presentAdmin(r, {
      jobTitle: titles.get(r.jobId) ?? '',
      workerName: workers.get(r.workerId)?.name ?? '',
      employerName: employers.get(r.employerId)?.name ?? '',
      handlerName: r.handlerStaffId ? (handlers.get(r.handlerStaffId) ?? null) : null,
      hours,
      now,
    }),
  );
}

/** 投诉处理 list: region-scoped, filtered by status, kind, town, overdue, employer or worker. */
export async function listGrievances(deps: GrievancesDeps, actor: StaffActor, q: AdminGrievanceQuery) {
  requirePermission(actor, 'grievances.read');
  const now = deps.now();
  const hours = await getSetting(deps.db, 'grievanceSlaHours');
  const filter = filterOf(actor, q, hours, now);
  if (!filter) return emptyPage<AdminGrievance>(q);
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findAdminPage(deps.db, filter, slice);
    return { items: await presentRows(deps, rows, hours, now), total };
  });
}

/** A grievance with its timeline; outside the actor's region it does not exist. */
export async function getGrievance(deps: GrievancesDeps, actor: StaffActor, id: string): Promise<AdminGrievanceDetail> {
  requirePermission(actor, 'grievances.read');
  const row = await repo.findGrievance(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
  assertReadableRegion(actor, row.regionCode);
  return detailOf(deps, row);
}

export async function detailOf(deps: GrievancesDeps, row: repo.GrievanceRow): Promise<AdminGrievanceDetail> {
  const now = deps.now();
  const hours = await getSetting(deps.db, 'grievanceSlaHours');
  const [base] = await presentRows(deps, [row], hours, now);
  if (!base) throw new Error('grievance vanished');
  const events = await repo.findEvents(deps.db, [row.id]);
  const names = await findStaffNames(
    deps.db,
    events.filter((e) => e.actorKind === 'staff').map((e) => e.actorId),
  );
  return { ...base, events: events.map((e) => presentEvent(e, names)) };
}

/** Allowed source statuses and the target of each staff action. */
export const MOVES = {
  accept: { from: ['submitted'], to: 'accepted', verb: '受理' },
  start: { from: ['accepted'], to: 'in_progress', verb: '开始处理' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', verb: '办结' },
  escalate: { from: ['submitted', 'accepted', 'in_progress'], to: 'escalated', verb: '移交劳动保障监察' },
} as const satisfies Record<
  Exclude<GrievanceActionBody['action'], 'close_wage'>,
  { from: readonly repo.GrievanceStatusValue[]; to: repo.GrievanceStatusValue; verb: string }
>;

/** A handler must be live staff who may handle grievances in the grievance's region. */
async function checkHandler(db: DbOrTx, handlerId: string, regionCode: string): Promise<void> {
  const handler = await staffActorFor({ db }, handlerId, 'handler-check');
  if (!handler || !handler.permissions.has('grievances.write') || !isWithinRegion(handler.regionCode, regionCode)) {
    throw AppError.field('handlerStaffId', '经办人不存在或无权处理该区域的投诉');
  }
}

/**
 * Staff moves a grievance: accept, start handling (with a handler), resolve (resolution) or
 * escalate to 劳动保障监察 (reason). The event, audit entry and both parties' messages commit together.
 */
export async function actOnGrievance(
  deps: GrievancesDeps,
  actor: StaffActor,
  id: string,
  body: GrievanceActionBody,
  meta: Meta,
): Promise<AdminGrievanceDetail> {
  if (body.action === 'close_wage') return closeWageGrievance(deps, actor, id, body, meta);
  requirePermission(actor, 'grievances.write');
  const found = await repo.findGrievance(deps.db, id);
  if (!found) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
  assertReadableRegion(actor, found.regionCode);
  assertWritableRegion(actor, found.regionCode);
  const move = MOVES[body.action];
  const handlerId = body.action === 'start' ? (body.handlerStaffId ?? actor.id) : null;
  if (handlerId) await checkHandler(deps.db, handlerId, found.regionCode);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.lockGrievance(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
    if (!(move.from as readonly string[]).includes(current.status)) {
      throw new AppError('INVALID_STATE', {
        message: `该投诉当前为“${GRIEVANCE_STATUS_LABELS[current.status]}”，不能${move.verb}`,
      });
    }
    const closing = move.to === 'resolved' || move.to === 'escalated';
    const note =
      body.action === 'resolve'
        ? body.resolution
        : body.action === 'escalate'
          ? body.reason
          : (body.note ?? null) || null;
    const updated = await repo.updateGrievance(tx, id, {
      status: move.to,
      updatedAt: now,
      ...(body.action === 'accept' ? { acceptedAt: now } : {}),
      ...(handlerId ? { handlerStaffId: handlerId } : {}),
      ...(body.action === 'resolve' ? { resolution: body.resolution, closedAt: now } : {}),
      ...(body.action === 'escalate' ? { escalationReason: body.reason, closedAt: now } : {}),
      // A wage grievance handed to 劳动保障监察 records that outcome (see grievance-wage-close.ts).
      ...(body.action === 'escalate' && current.kind === 'wage_arrears'
        ? { wageOutcome: 'referred_to_inspection' as const }
        : {}),
    });
    await repo.insertEvent(tx, {
      grievanceId: id,
      fromStatus: current.status,
      toStatus: move.to,
      actorKind: 'staff',
      actorId: actor.id,
      actorSide: null,
      note,
      at: now,
    });
    await writeAudit(tx, {
      actor,
      action: body.action,
      entity: 'grievance',
      entityId: id,
      regionCode: updated.regionCode,
      details: { from: current.status, to: move.to, note, handlerStaffId: handlerId },
      ...meta,
    });
    const label = GRIEVANCE_STATUS_LABELS[move.to];
    const tail =
      body.action === 'resolve'
        ? `处理结果：${body.resolution}`
        : body.action === 'escalate'
          ? `原因：${body.reason}`
          : '';
    await noticeParties(
      tx,
      deps.pii,
      updated,
      { filer: `您的投诉${label}。${tail}`.trim(), other: `与您有关的投诉${label}。${tail}`.trim(), sms: closing },
      now,
    );
    return updated;
  });
  return detailOf(deps, row);
}

/** Console home: open grievances in the region subtree. */
export const countOpenGrievances = (db: DbOrTx, regionPattern: string) => repo.countOpen(db, regionPattern);

/** A grievance photo for staff in scope (audited as a full view). */
export async function readPhotoForStaff(deps: GrievancesDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'grievances.read');
  const row = await repo.findGrievance(deps.db, id);
  if (!row || !row.photoFileId) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  const file = await findFile(deps.db, row.photoFileId);
  if (!file) throw new AppError('NOT_FOUND');
  await writeAudit(deps.db, {
    actor,
    action: 'view_photo',
    entity: 'grievance',
    entityId: id,
    regionCode: row.regionCode,
    ...meta,
  });
  return { mime: file.mime, bytes: await readFileBytes(deps, file) };
}
