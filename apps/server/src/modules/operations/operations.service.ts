import type {
  CreateDutyBody,
  CreateFacilityCheckBody,
  CreateVisitBody,
  DutyDay,
  DutyDayQuery,
  DutyQuery,
  OperationsExportQuery,
  OperationsListQuery,
} from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { isWithinRegion } from '../reference/index.js';
import { getSetting } from '../settings/index.js';
import { checkDay, daysOf } from './duty-check.js';
import {
  DUTY_DAY_SHEET,
  DUTY_SHEET,
  FACILITY_SHEET,
  VISIT_SHEET,
  checkFetcher,
  dutyFetcher,
  visitFetcher,
} from './operations.ledger.js';
import * as repo from './operations.repository.js';
import {
  addSheet,
  collectAll,
  newWorkbook,
  shanghaiDay,
  type Fetched,
  type Slice,
  type Window,
  windowOf,
  windowPage,
} from '../../platform/reporting/index.js';

export type OperationsDeps = { db: DbOrTx; now: () => Date };
type Meta = { ip?: string; requestId?: string };

const countyOf = (code: string) => `${code.slice(0, 6)}000000`;
/** The presented row of a record just written. */
async function one<T>(fetch: (w: Window, s: Slice) => Promise<Fetched<T>>, regionCode: string): Promise<T> {
  const row = (await fetch({ regionPattern: regionCode }, { limit: 1, offset: 0 })).items[0];
  if (!row) throw new Error('record just written not found');
  return row;
}

function notFuture(deps: OperationsDeps, field: string, day: string, label: string): void {
  if (day > shanghaiDay(deps.now())) throw AppError.field(field, `${label}不能晚于今天`);
}

async function stationInScope(deps: OperationsDeps, actor: StaffActor, stationId: string) {
  const station = await repo.findStationRef(deps.db, stationId);
  if (!station || !isWithinRegion(actor.regionCode, station.townCode))
    throw AppError.field('stationId', '驿站不存在或不在管辖区域内');
  return station;
}

/** Record a shift: the staff member in scope, no overlap with their other shifts that day; audited. */
export async function createDuty(deps: OperationsDeps, actor: StaffActor, body: CreateDutyBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  const person = await repo.findStaffRef(deps.db, body.staffId);
  if (!person || person.disabledAt || !isWithinRegion(actor.regionCode, person.regionCode))
    throw AppError.field('staffId', '值班人员不存在或不在管辖区域内');
  const regionCode =
    body.place === 'station' && body.stationId
      ? (await stationInScope(deps, actor, body.stationId)).townCode
      : countyOf(actor.regionCode);
  assertWritableRegion(actor, regionCode);
  const clash = (await repo.findStaffShiftsOn(deps.db, body.staffId, body.dutyDate)).find(
    (s) => s.onTime < body.offTime && body.onTime < s.offTime,
  );
  if (clash) throw AppError.field('onTime', `该人员当日已有${clash.onTime}-${clash.offTime}的值班，时间不能重叠`);
  const row = await deps.db.transaction(async (tx) => {
    const d = await repo.insertDuty(tx, {
      ...body,
      stationId: body.place === 'station' ? body.stationId : null,
      regionCode,
      recorderStaffId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'duty_shift',
      entityId: d.id,
      regionCode,
      details: { staffId: d.staffId, dutyDate: d.dutyDate, onTime: d.onTime, offTime: d.offTime },
      ...meta,
    });
    return d;
  });
  return one(dutyFetcher(deps.db, { id: row.id }), row.regionCode);
}

/** Remove a shift recorded in error; audited with what it was. */
export async function deleteDuty(deps: OperationsDeps, actor: StaffActor, id: string, meta: Meta): Promise<void> {
  requirePermission(actor, 'services.write');
  const d = await repo.findDuty(deps.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, d.regionCode);
  assertWritableRegion(actor, d.regionCode);
  await deps.db.transaction(async (tx) => {
    await repo.deleteDuty(tx, id);
    await writeAudit(tx, {
      actor,
      action: 'delete',
      entity: 'duty_shift',
      entityId: id,
      regionCode: d.regionCode,
      details: { staffId: d.staffId, dutyDate: d.dutyDate, onTime: d.onTime, offTime: d.offTime, place: d.place },
      ...meta,
    });
  });
}

export const listDuties = (deps: OperationsDeps, actor: StaffActor, q: DutyQuery) =>
  windowPage(q, windowOf(actor, q), dutyFetcher(deps.db, { place: q.place }));

/** The daily check for each day of a range (future days excluded). */
export async function dutyDays(
  deps: OperationsDeps,
  actor: StaffActor,
  q: DutyDayQuery,
): Promise<{ items: DutyDay[]; metDays: number; totalDays: number }> {
  const w = windowOf(actor, q);
  const today = shanghaiDay(deps.now());
  const to = q.to < today ? q.to : today;
  if (!w || q.from > to) return { items: [], metDays: 0, totalDays: 0 };
  const [shifts, hours] = [
    await repo.findShiftsForCheck(deps.db, w, q.place),
    await getSetting(deps.db, 'serviceHours'),
  ];
  const items = daysOf(q.from, to).map((day) =>
    checkDay(
      day,
      shifts.filter((s) => s.dutyDate === day),
      hours,
    ),
  );
  return { items, metDays: items.filter((d) => d.met).length, totalDays: items.length };
}

/** Record a guidance visit to a station in scope; audited. */
export async function createVisit(deps: OperationsDeps, actor: StaffActor, body: CreateVisitBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  notFuture(deps, 'visitedOn', body.visitedOn, '指导日期');
  const station = await stationInScope(deps, actor, body.stationId);
  assertWritableRegion(actor, station.townCode);
  const visitor = await repo.findStaffRef(deps.db, body.visitorStaffId);
  if (!visitor) throw AppError.field('visitorStaffId', '指导人员不存在');
  const row = await deps.db.transaction(async (tx) => {
    const v = await repo.insertVisit(tx, {
      ...body,
      regionCode: station.townCode,
      recorderStaffId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'station_visit',
      entityId: v.id,
      regionCode: v.regionCode,
      details: { stationId: v.stationId, visitedOn: v.visitedOn },
      ...meta,
    });
    return v;
  });
  return one(visitFetcher(deps.db, row.id), row.regionCode);
}

export const listVisits = (deps: OperationsDeps, actor: StaffActor, q: OperationsListQuery) =>
  windowPage(q, windowOf(actor, q), visitFetcher(deps.db));

/** Record a facility check at the market (county staff) or a station in scope; audited. */
export async function createCheck(deps: OperationsDeps, actor: StaffActor, body: CreateFacilityCheckBody, meta: Meta) {
  requirePermission(actor, 'services.write');
  notFuture(deps, 'checkedOn', body.checkedOn, '检查日期');
  const regionCode = body.stationId
    ? (await stationInScope(deps, actor, body.stationId)).townCode
    : countyOf(actor.regionCode);
  assertWritableRegion(actor, regionCode);
  const row = await deps.db.transaction(async (tx) => {
    const c = await repo.insertCheck(tx, { ...body, regionCode, recorderStaffId: actor.id, createdAt: deps.now() });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'facility_check',
      entityId: c.id,
      regionCode,
      details: { stationId: c.stationId, result: c.result },
      ...meta,
    });
    return c;
  });
  return one(checkFetcher(deps.db, row.id), row.regionCode);
}

export const listChecks = (deps: OperationsDeps, actor: StaffActor, q: OperationsListQuery) =>
  windowPage(q, windowOf(actor, q), checkFetcher(deps.db));

/** All operations sheets for a window and day range (the daily check runs from `from` to min(to, today)). */
export async function operationsSheets(
  deps: OperationsDeps,
  actor: StaffActor,
  w: Window | null,
  range: { from: string; to: string; town?: string },
) {
  const duties = await collectAll(w, dutyFetcher(deps.db));
  const days = (await dutyDays(deps, actor, { ...range, place: 'market' })).items;
  const visits = await collectAll(w, visitFetcher(deps.db));
  const checks = await collectAll(w, checkFetcher(deps.db));
  return { duties, days, visits, checks };
}

export function addOperationsSheets(
  wb: ReturnType<typeof newWorkbook>,
  s: Awaited<ReturnType<typeof operationsSheets>>,
): void {
  addSheet(wb, DUTY_DAY_SHEET, s.days);
  addSheet(wb, DUTY_SHEET, s.duties);
  addSheet(wb, VISIT_SHEET, s.visits);
  addSheet(wb, FACILITY_SHEET, s.checks);
}

/** The 运营日志 workbook; without a period it covers the current month to date. Audited. */
export async function exportOperations(deps: OperationsDeps, actor: StaffActor, q: OperationsExportQuery, meta: Meta) {
  const today = shanghaiDay(deps.now());
  const range = { from: q.from ?? `${today.slice(0, 7)}-01`, to: q.to ?? today, town: q.town };
  const sheets = await operationsSheets(deps, actor, windowOf(actor, range), range);
  const wb = newWorkbook(deps.now());
  addOperationsSheets(wb, sheets);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'ledger',
    entityId: 'operations',
    regionCode: actor.regionCode,
    details: {
      rows: { duties: sheets.duties.length, visits: sheets.visits.length, checks: sheets.checks.length },
      query: q,
    },
    ...meta,
  });
  return { name: '运营日志', buffer };
}
