import { and, eq, gte, inArray, like, lt, lte, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { emptyPage, paged, shanghaiDay } from '../../platform/reporting/index.js';
import type { WageStatement } from '@lingong/contracts';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import {
  requirePermission,
  assertReadableRegion,
  scopedRegionPattern,
  type StaffActor,
  type UserActor,
} from '../../platform/rbac/actor.js';
import { findApplication } from '../applications/index.js';
import { attendanceOf } from '../attendance/index.js';
import { findEmployerNames, findMembershipsByUser, requireRole } from '../employers/index.js';
import { findJobById, findJobsByIds } from '../jobs/index.js';
import { getSetting } from '../settings/index.js';
import { findWorkerByUserId, findWorkersByIds } from '../workers/index.js';
import { addDays, computeWage, quantityFromAttendance, type WageLine, type WageUnit } from './wage-calc.js';
import { nextStatus, type WageAction, type WageActorSide } from './wage-states.js';
import type { PaymentProvider } from './payment-provider.js';
import { presentStatement } from './wages.presenter.js';
import { escalationsOf } from './wage-overdue.js';
import { readWageFigures } from './wage-figures.js';
import * as repo from './wages.repository.js';
import { wageStatements } from './wages.schema.js';

export type WagesDeps = { db: Db; pii: Pii; now: () => Date; payments?: PaymentProvider };
export type Meta = { ip?: string; requestId?: string };
export type Actor = { side: WageActorSide; id: string | null };

const WORKING_STATUSES = ['hired', 'confirmed', 'working', 'completed'] as const;

/** Days after the period end when the rate was agreed without a pay day (older hires). */
export const DEFAULT_PAY_WITHIN_DAYS = 3;

/** The caller's side on a statement: its worker, or a member of its employer; others see nothing. */
async function userSide(db: DbOrTx, actor: UserActor, row: repo.StatementRow): Promise<WageActorSide> {
  const worker = await findWorkerByUserId(db, actor.id);
  if (worker && worker.id === row.workerId) return 'worker';
  const memberships = await findMembershipsByUser(db, actor.id);
  if (memberships.some((m) => m.employerId === row.employerId)) return 'employer';
  throw new AppError('NOT_FOUND', { message: '工资单不存在' });
}

export async function loadForUser(db: DbOrTx, actor: UserActor, id: string) {
  const row = await repo.findStatement(db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '工资单不存在' });
  return { row, side: await userSide(db, actor, row) };
}

function fieldErrors(problems: { field: string; message: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', { details: problems });
}

/** Compute amounts from attendance (or the piece count) × the agreed rate, checking the rules. */
export async function compute(
  db: DbOrTx,
  row: { applicationId: string; unit: WageUnit; rateFen: number; periodStart: string; periodEnd: string },
  pieces: number,
  lines: WageLine[],
) {
  const records = await attendanceOf(db, row.applicationId);
  const q = quantityFromAttendance(records, row.periodStart, row.periodEnd, pieces);
  if (row.unit === 'piece' && pieces <= 0) throw AppError.field('pieces', '计件工作请填写件数');
  if (row.unit !== 'piece' && q.days === 0)
    throw AppError.field('periodEnd', '该结算期间没有完整的考勤记录（签到并签退），不能生成工资单');
  const rules = await getSetting(db, 'wageRules');
  const { result, problems } = computeWage(row.unit, row.rateFen, q, lines, rules);
  if (problems.length) throw fieldErrors(problems);
  return { q, result };
}

export async function transitionTo(
  tx: DbOrTx,
  id: string,
  action: Exclude<WageAction, 'create'>,
  actor: Actor,
  now: Date,
  changes: Partial<repo.StatementRow> = {},
  note: string | null = null,
) {
  const current = await repo.lockStatement(tx, id);
  if (!current) throw new AppError('NOT_FOUND', { message: '工资单不存在' });
  const next = nextStatus(current.status, action, actor.side);
  if (!next.ok) throw new AppError('INVALID_STATE', { message: next.message });
  const row = await repo.updateStatement(tx, id, { ...changes, status: next.to, updatedAt: now });
  await repo.insertEvent(tx, {
    statementId: id,
    action,
    fromStatus: current.status,
    toStatus: next.to,
    actorSide: actor.side,
    actorId: actor.id,
    note,
    totalFen: row.totalFen,
    at: now,
  });
  return row;
}

/** The employer drafts a statement for one pay period of a hire (computed, never typed). */
export async function createStatement(
  deps: WagesDeps,
  actor: UserActor,
  applicationId: string,
  body: { periodStart: string; periodEnd: string; pieces?: number | undefined; lines: WageLine[] },
) {
  const app = await findApplication(deps.db, applicationId);
  if (!app) throw new AppError('NOT_FOUND', { message: '报名记录不存在' });
  await requireRole(deps.db, actor, app.employerId);
  if (!(WORKING_STATUSES as readonly string[]).includes(app.status))
    throw new AppError('INVALID_STATE', { message: '只有已录用的工人可以生成工资单' });
  const job = await findJobById(deps.db, app.jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  const rateFen = app.agreedWageFen ?? job.wageMinFen;
  if (body.periodStart < job.startDate)
    throw AppError.field('periodStart', `结算开始日期不能早于开工日期${job.startDate}`);
  if (body.periodEnd > shanghaiDay(deps.now())) throw AppError.field('periodEnd', '结算结束日期不能晚于今天');
  const base = { applicationId, unit: job.wageUnit, rateFen, periodStart: body.periodStart, periodEnd: body.periodEnd };
  const { q, result } = await compute(deps.db, base, body.pieces ?? 0, body.lines);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await repo.insertStatement(tx, {
      ...base,
      jobId: app.jobId,
      workerId: app.workerId,
      employerId: app.employerId,
      townCode: job.townCode,
      days: q.days,
      minutes: q.minutes,
      pieces: q.pieces,
      baseFen: result.baseFen,
      additionsFen: result.additionsFen,
      deductionsFen: result.deductionsFen,
      totalFen: result.totalFen,
      status: 'draft',
      dueDate: addDays(body.periodEnd, app.payWithinDays ?? DEFAULT_PAY_WITHIN_DAYS),
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) throw AppError.field('periodStart', '该结算期间已有工资单');
    await repo.replaceLines(tx, inserted.id, body.lines);
    await repo.insertEvent(tx, {
      statementId: inserted.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorSide: 'employer',
      actorId: actor.id,
      totalFen: inserted.totalFen,
      at: now,
    });
    return inserted;
  });
  return presentOne(deps, row);
}

/** Recompute a statement with new lines / piece count (edit a draft, or correct a dispute). */
async function recompute(
  deps: WagesDeps,
  row: repo.StatementRow,
  action: 'edit' | 'correct',
  actor: Actor,
  body: { pieces?: number | undefined; lines: WageLine[]; note?: string | undefined },
) {
  if (action === 'correct' && !body.note) throw AppError.field('note', '更正工资单请说明更正内容');
  const { q, result } = await compute(deps.db, row, body.pieces ?? row.pieces, body.lines);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const updated = await transitionTo(
      tx,
      row.id,
      action,
      actor,
      now,
      {
        days: q.days,
        minutes: q.minutes,
        pieces: q.pieces,
        baseFen: result.baseFen,
        additionsFen: result.additionsFen,
        deductionsFen: result.deductionsFen,
        totalFen: result.totalFen,
        ...(action === 'correct' ? { version: row.version + 1, issuedAt: now } : {}),
      },
      body.note ?? null,
    );
    await repo.replaceLines(tx, row.id, body.lines);
    return updated;
  });
}

export async function editStatement(
  deps: WagesDeps,
  actor: UserActor,
  id: string,
  body: { pieces?: number | undefined; lines: WageLine[]; note?: string | undefined },
) {
  const { row, side } = await loadForUser(deps.db, actor, id);
  const action = row.status === 'disputed' ? 'correct' : 'edit';
  return presentOne(deps, await recompute(deps, row, action, { side, id: actor.id }, body));
}

/** A simple transition by a user (issue, confirm, dispute, receive). */
export async function actOnStatement(
  deps: WagesDeps,
  actor: UserActor,
  id: string,
  action: 'issue' | 'confirm' | 'dispute' | 'receive',
  extra: { reason?: string; photoFileId?: string | undefined } = {},
) {
  const { side } = await loadForUser(deps.db, actor, id);
  const now = deps.now();
  const changes: Partial<repo.StatementRow> =
    action === 'issue'
      ? { issuedAt: now }
      : action === 'dispute'
        ? { disputeReason: extra.reason ?? null, disputePhotoFileId: extra.photoFileId ?? null }
        : action === 'receive'
          ? { receivedAt: now }
          : {};
  const row = await deps.db.transaction((tx) =>
    transitionTo(tx, id, action, { side, id: actor.id }, now, changes, extra.reason ?? null),
  );
  return presentOne(deps, row);
}

// ---- reads ----

export async function presentMany(deps: WagesDeps, rows: repo.StatementRow[]) {
  const ids = rows.map((r) => r.id);
  const [details, escalations, jobs, employers, workers] = [
    await repo.findDetails(deps.db, ids),
    await escalationsOf(deps.db, ids),
    await findJobsByIds(deps.db, [...new Set(rows.map((r) => r.jobId))]),
    await findEmployerNames(
      deps.db,
      rows.map((r) => r.employerId),
    ),
    await findWorkersByIds(deps.db, [...new Set(rows.map((r) => r.workerId))]),
  ];
  const titles = new Map(jobs.map((j) => [j.id, j.title]));
  const names = new Map(workers.map((w) => [w.id, deps.pii.decrypt(w.nameEnc)]));
  const today = shanghaiDay(deps.now());
  return rows.map((r) =>
    presentStatement(
      r,
      {
        jobTitle: titles.get(r.jobId) ?? '',
        employerName: employers.get(r.employerId) ?? '',
        workerName: names.get(r.workerId) ?? '',
      },
      {
        lines: details.lines.filter((l) => l.statementId === r.id),
        events: details.events.filter((e) => e.statementId === r.id),
        payment: details.payments.find((p) => p.statementId === r.id) ?? null,
        escalations: escalations.filter((e) => e.statementId === r.id),
      },
      today,
    ),
  );
}

export async function presentOne(deps: WagesDeps, row: repo.StatementRow) {
  const [one] = await presentMany(deps, [row]);
  if (!one) throw new Error('presentOne: nothing presented');
  return one;
}

export async function getStatementForUser(deps: WagesDeps, actor: UserActor, id: string) {
  const { row } = await loadForUser(deps.db, actor, id);
  return presentOne(deps, row);
}

/** 我的工钱: the worker's statements (not drafts) with owed and paid totals. */
export async function myWages(deps: WagesDeps, actor: UserActor) {
  const worker = await findWorkerByUserId(deps.db, actor.id);
  if (!worker) return { owedFen: 0, paidThisMonthFen: 0, paidThisYearFen: 0, items: [] };
  const rows = (await repo.findStatements(deps.db, eq(wageStatements.workerId, worker.id))).filter(
    (r) => r.status !== 'draft',
  );
  const today = shanghaiDay(deps.now());
  const paid = rows.filter((r) => r.paidAt);
  const paidIn = (prefix: string) =>
    paid.filter((r) => shanghaiDay(r.paidAt as Date).startsWith(prefix)).reduce((s, r) => s + r.totalFen, 0);
  return {
    owedFen: rows.filter((r) => !r.paidAt).reduce((s, r) => s + r.totalFen, 0),
    paidThisMonthFen: paidIn(today.slice(0, 7)),
    paidThisYearFen: paidIn(today.slice(0, 4)),
    items: await presentMany(deps, rows),
  };
}

/** 待结算: statements of the employers the caller belongs to, optionally of one hire. */
export async function employerStatements(deps: WagesDeps, actor: UserActor, applicationId?: string) {
  const memberships = await findMembershipsByUser(deps.db, actor.id);
  if (!memberships.length) return { items: [] };
  const conds: SQL[] = [
    inArray(
      wageStatements.employerId,
      memberships.map((m) => m.employerId),
    ),
  ];
  if (applicationId) conds.push(eq(wageStatements.applicationId, applicationId));
  return { items: await presentMany(deps, await repo.findStatements(deps.db, and(...conds))) };
}

/** 薪酬台账: statements in the staff member's region, by town, employer, status, overdue. */
export async function wageLedger(
  deps: WagesDeps,
  actor: StaffActor,
  q: {
    page: number;
    pageSize: number;
    townCode?: string | undefined;
    employerId?: string | undefined;
    status?: repo.StatementRow['status'] | undefined;
    overdue?: 'true' | 'false' | undefined;
    /** Statements whose pay period ends within these days (the acceptance pack's period). */
    periodFrom?: string | undefined;
    periodTo?: string | undefined;
  },
) {
  requirePermission(actor, 'wages.read');
  const pattern = scopedRegionPattern(actor, q.townCode);
  if (!pattern) return emptyPage<WageStatement>(q);
  const conds: SQL[] = [like(wageStatements.townCode, pattern)];
  if (q.employerId) conds.push(eq(wageStatements.employerId, q.employerId));
  if (q.status) conds.push(eq(wageStatements.status, q.status));
  if (q.periodFrom) conds.push(gte(wageStatements.periodEnd, q.periodFrom));
  if (q.periodTo) conds.push(lte(wageStatements.periodEnd, q.periodTo));
  if (q.overdue === 'true') {
    const overdue = and(
      inArray(wageStatements.status, ['issued', 'confirmed', 'disputed']),
      lt(wageStatements.dueDate, shanghaiDay(deps.now())),
    );
    if (overdue) conds.push(overdue);
  }
  const where = and(...conds);
  return paged(q, async (slice) => ({
    items: await presentMany(deps, await repo.findStatements(deps.db, where, slice.limit, slice.offset)),
    total: await repo.countStatements(deps.db, where),
  }));
}

export async function getStatementForStaff(deps: WagesDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'wages.read');
  const row = await repo.findStatement(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '工资单不存在' });
  assertReadableRegion(actor, row.townCode);
  return presentOne(deps, row);
}

/**
 * 薪酬指标 for the dashboard, in the staff member's region, from the rollups (as of `refreshedAt`);
 * each figure drills down through the ledger filters.
 */
export async function wageKpi(deps: WagesDeps, actor: StaffActor) {
  requirePermission(actor, 'wages.read');
  const pattern = scopedRegionPattern(actor) as string;
  return readWageFigures(deps.db, pattern);
}
