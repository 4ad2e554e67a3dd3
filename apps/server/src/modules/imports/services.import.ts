import { FOLLOWUP_STATUS_LABELS, MATCHMAKING_KIND_LABELS } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { FieldError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import { isWithinRegion } from '../reference/index.js';
import { insertFollowups, insertGuidanceSessions, insertMatchmakings } from '../services/index.js';
import { recorderResolver } from './imports.lookups.js';
import { findEmployersByNames, findJobsOfEmployers, findWorkersByIdHashes } from './imports.repository.js';
import { cellAt, textAt, type Cell, type Sheet } from './imports.sheet.js';
import { dayOf, parseDay, parseIdCell, parseInstant, parseLabel, parseText, type Parsed } from './imports.values.js';

// Paper records of services (跟踪回访, 职业指导, 职业介绍) for job seekers already registered:
// each row names the person by ID number (and name, which must match), in the actor's region.

type Deps = { db: DbOrTx; pii: Pii; now: () => Date };
type Worker = { id: string; regionCode: string };
type Row = {
  fail(field: string, message: string): void;
  get<T>(field: string, p: Parsed<T>): T | undefined;
  text(h: string): string;
  cell(h: string): Cell;
};
type Planned = { errors: FieldError[]; count: number; insert(tx: DbOrTx): Promise<void> };

/** Shared row walk: worker by ID number + name, recorder, time; `build` adds the ledger's fields. */
async function walk<V>(
  deps: Deps,
  actor: StaffActor,
  sheet: Sheet,
  h: { name: string; time: string; recorder: string },
  build: (row: Row, at: Date | undefined) => V | undefined,
) {
  const now = deps.now();
  const errors: FieldError[] = [];
  const ids = new Map(sheet.rows.map((r) => [r.row, parseIdCell(textAt(sheet, r, '公民身份号码'), now)]));
  const hashOf = new Map(
    [...ids].flatMap(([row, p]) => (p.ok ? [[row, deps.pii.index('id_number', p.value.normalized)] as const] : [])),
  );
  const workers = new Map((await findWorkersByIdHashes(deps.db, [...hashOf.values()])).map((w) => [w.idNumberHash, w]));
  const recorder = await recorderResolver(deps.db, actor, [
    ...new Set(sheet.rows.map((r) => textAt(sheet, r, h.recorder))),
  ]);
  const out: (V & { worker: Worker; recorderStaffId: string; at: Date })[] = [];
  for (const r of sheet.rows) {
    const before = errors.length;
    const row: Row = {
      cell: (header) => cellAt(sheet, r, header),
      fail: (field, message) => errors.push({ row: r.row, field, message }),
      get: (field, p) => (p.ok ? p.value : (row.fail(field, p.message), undefined)),
      text: (header) => textAt(sheet, r, header),
    };
    const name = row.text(h.name);
    if (!name) row.fail(h.name, '请填写姓名');
    let worker: Worker | undefined;
    const id = ids.get(r.row);
    if (!row.text('公民身份号码')) row.fail('公民身份号码', '请填写身份证号码');
    else if (id && !id.ok) row.fail('公民身份号码', id.message);
    else {
      const w = workers.get(hashOf.get(r.row) ?? '');
      if (!w || !isWithinRegion(actor.regionCode, w.homeRegionCode))
        row.fail('公民身份号码', '该求职者未登记或不在管辖区域内，请先导入求职登记');
      else if (name && deps.pii.decrypt(w.nameEnc) !== name.replace(/\s+/g, ''))
        row.fail(h.name, '姓名与身份证号码登记的姓名不一致');
      else worker = { id: w.id, regionCode: w.homeRegionCode };
    }
    const timeCell = row.cell(h.time);
    const at = row.get(
      h.time,
      timeCell === '' ? { ok: false, message: `请填写${h.time}` } : parseInstant(timeCell, now),
    );
    const recorderStaffId = row.get(h.recorder, recorder(row.text(h.recorder)));
    const extra = build(row, at);
    if (errors.length === before && worker && at && recorderStaffId && extra)
      out.push({ ...extra, worker, recorderStaffId, at });
  }
  return { errors, rows: out };
}

/** An optional day not before the record's own day. */
function laterDay(row: Row, header: string, at: Date | undefined, message: string): string | null | undefined {
  const cell = row.cell(header);
  if (cell === '') return null;
  const day = row.get(header, parseDay(cell));
  if (day && at && day < dayOf(at)) return (row.fail(header, message), undefined);
  return day;
}

export async function planFollowups(deps: Deps, actor: StaffActor, sheet: Sheet): Promise<Planned> {
  const { errors, rows } = await walk(
    deps,
    actor,
    sheet,
    { name: '姓名', time: '联系时间', recorder: '记录人' },
    (row, at) => {
      const statusCell = row.text('跟踪状态');
      const status = row.get(
        '跟踪状态',
        statusCell
          ? parseLabel(statusCell, FOLLOWUP_STATUS_LABELS, '跟踪状态')
          : { ok: false, message: '请填写跟踪状态' },
      );
      const note = row.get('情况说明', parseText(row.text('情况说明'), 500, null));
      const nextDate = laterDay(row, '下次跟踪日期', at, '下次跟踪日期不能早于联系日期');
      return status && note !== undefined && nextDate !== undefined ? { status, note, nextDate } : undefined;
    },
  );
  const values = rows.map((v) => ({
    workerId: v.worker.id,
    contactedAt: v.at,
    status: v.status,
    note: v.note,
    nextDate: v.nextDate,
    regionCode: v.worker.regionCode,
    recorderStaffId: v.recorderStaffId,
  }));
  return { errors, count: values.length, insert: (tx) => insertFollowups(tx, values) };
}

export async function planGuidance(deps: Deps, actor: StaffActor, sheet: Sheet): Promise<Planned> {
  const { errors, rows } = await walk(
    deps,
    actor,
    sheet,
    { name: '姓名', time: '指导时间', recorder: '指导人' },
    (row, at) => {
      const topic = row.get('指导主题', parseText(row.text('指导主题'), 40, '请填写指导主题'));
      const advice = row.get('择业建议', parseText(row.text('择业建议'), 1000, '请填写择业建议'));
      const nextStep = row.get('下一步安排', parseText(row.text('下一步安排'), 500, null));
      const followupDate = laterDay(row, '回访日期', at, '回访日期不能早于指导日期');
      return topic && advice && nextStep !== undefined && followupDate !== undefined
        ? { topic, advice, nextStep, followupDate }
        : undefined;
    },
  );
  const values = rows.map((v) => ({
    workerId: v.worker.id,
    sessionAt: v.at,
    topic: v.topic,
    advice: v.advice,
    nextStep: v.nextStep,
    followupDate: v.followupDate,
    regionCode: v.worker.regionCode,
    recorderStaffId: v.recorderStaffId,
  }));
  return { errors, count: values.length, insert: (tx) => insertGuidanceSessions(tx, values) };
}

/** 职业介绍 (offline referrals): employer by full name; the job, when given, by its title. */
export async function planMatchmakings(deps: Deps, actor: StaffActor, sheet: Sheet): Promise<Planned> {
  const employerNames = [...new Set(sheet.rows.map((r) => textAt(sheet, r, '用工主体')).filter(Boolean))];
  const employerRows = await findEmployersByNames(deps.db, employerNames);
  const employers = new Map<string, string[]>();
  for (const e of employerRows) employers.set(e.name, [...(employers.get(e.name) ?? []), e.id]);
  const jobs = await findJobsOfEmployers(
    deps.db,
    employerRows.map((e) => e.id),
  );
  const { errors, rows } = await walk(
    deps,
    actor,
    sheet,
    { name: '求职者姓名', time: '对接时间', recorder: '记录人' },
    (row) => {
      const employerName = row.text('用工主体');
      const found = employers.get(employerName) ?? [];
      let employerId: string | undefined;
      if (!employerName) row.fail('用工主体', '请填写用工主体');
      else if (found.length !== 1)
        row.fail(
          '用工主体',
          found.length === 0
            ? `用工主体"${employerName}"不存在，请填写系统中的全称`
            : `有多个用工主体叫"${employerName}"，请在系统中登记`,
        );
      else employerId = found[0];
      const title = row.text('岗位');
      let jobId: string | null | undefined = null;
      if (title && employerId) {
        const matches = jobs.filter((j) => j.employerId === employerId && j.title === title);
        if (matches.length === 1) jobId = matches[0]?.id;
        else
          row.fail(
            '岗位',
            matches.length === 0 ? `该用工主体没有"${title}"岗位` : `该用工主体有多个"${title}"岗位，请留空`,
          );
      }
      const kindCell = row.text('对接方式');
      const kind = kindCell
        ? row.get('对接方式', parseLabel(kindCell, MATCHMAKING_KIND_LABELS, '对接方式'))
        : ('referral' as const);
      const note = row.get('备注', parseText(row.text('备注'), 500, null));
      return employerId && jobId !== undefined && kind && note !== undefined
        ? { employerId, jobId, kind, note }
        : undefined;
    },
  );
  const values = rows.map((v) => ({
    workerId: v.worker.id,
    jobId: v.jobId,
    employerId: v.employerId,
    channel: 'offline' as const,
    kind: v.kind,
    source: 'manual' as const,
    recorderStaffId: v.recorderStaffId,
    note: v.note,
    occurredAt: v.at,
    regionCode: v.worker.regionCode,
  }));
  return { errors, count: values.length, insert: (tx) => insertMatchmakings(tx, values) };
}
