import {
  CREDIT_EVENT_KIND_LABELS,
  CREDIT_SUBJECT_LABELS,
  type CreditEventQuery,
  type ManualAdjustBody,
} from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged, sheetWorkbook, type ExportFile, type SheetSpec } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { recordCreditEvent } from './credit.core.js';
import { creditLevel, DEFAULT_CREDIT_POINTS, type CreditEventKind, type CreditSubject } from './credit-rules.js';
import { subjectInfo, subjectInfos } from './credit-subjects.js';
import { creditOf, type CreditDeps } from './credit-owner.service.js';
import * as repo from './credit.repository.js';
import { presentLedgerRow } from './credit.presenter.js';

export type Meta = { ip?: string; requestId?: string };
const EXPORT_LIMIT = 20_000;
/** The owner's credit page in the mobile app. */
export const creditLink = (type: CreditSubject, id: string) =>
  type === 'worker' ? '/me/credit' : `/employer/${id}/credit`;
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
  hour12: false,
});

/** Names of the subjects of many rows (workers masked). */
export async function namesOf(
  deps: CreditDeps,
  rows: { subjectType: CreditSubject; subjectId: string }[],
): Promise<(r: { subjectType: CreditSubject; subjectId: string }) => string> {
  const workers = await subjectInfos(
    deps.db,
    deps.pii,
    'worker',
    rows.filter((r) => r.subjectType === 'worker').map((r) => r.subjectId),
  );
  const employers = await subjectInfos(
    deps.db,
    deps.pii,
    'employer',
    rows.filter((r) => r.subjectType === 'employer').map((r) => r.subjectId),
  );
  return (r) => (r.subjectType === 'worker' ? workers : employers).get(r.subjectId)?.name ?? '';
}

/** A subject in the actor's region (404 outside, so its existence is not revealed). */
export async function scopedSubject(deps: CreditDeps, actor: StaffActor, type: CreditSubject, id: string) {
  const info = await subjectInfo(deps.db, deps.pii, type, id);
  if (!info) throw AppError.field('subjectId', type === 'worker' ? '零工不存在' : '用工主体不存在');
  assertReadableRegion(actor, info.regionCode);
  return info;
}

/** One subject's score, level, history, blacklist and appeals for the detail drawers (in scope only). */
export async function subjectCredit(deps: CreditDeps, actor: StaffActor, type: CreditSubject, id: string) {
  requirePermission(actor, 'credit.read');
  const info = await subjectInfo(deps.db, deps.pii, type, id);
  if (!info) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, info.regionCode);
  return creditOf(deps, type, id);
}

// ---------- rules ----------

export async function listRules(deps: CreditDeps, actor: StaffActor) {
  requirePermission(actor, 'credit.read');
  const saved = new Map((await repo.findRules(deps.db)).map((r) => [r.kind, r]));
  const kinds = Object.keys(DEFAULT_CREDIT_POINTS) as CreditEventKind[];
  return {
    items: kinds.map((kind) => {
      const row = saved.get(kind);
      return {
        kind,
        kindLabel: CREDIT_EVENT_KIND_LABELS[kind],
        points: row?.points ?? DEFAULT_CREDIT_POINTS[kind],
        defaultPoints: DEFAULT_CREDIT_POINTS[kind],
        isDefault: !row,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

/** Change the points of an event kind (applies to future events only); audited old → new. */
export async function updateRule(
  deps: CreditDeps,
  actor: StaffActor,
  kind: CreditEventKind,
  points: number,
  meta: Meta,
) {
  requirePermission(actor, 'credit.write');
  if (kind === 'manual_adjust' || kind === 'appeal_upheld')
    throw AppError.field('kind', '人工调整和申诉冲正按每次填写的分值计，不设规则');
  await deps.db.transaction(async (tx) => {
    const old = (await repo.findRules(tx)).find((r) => r.kind === kind)?.points ?? DEFAULT_CREDIT_POINTS[kind];
    await repo.upsertRule(tx, kind, points, actor.id, deps.now());
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'credit_rule',
      entityId: null,
      regionCode: actor.regionCode,
      details: { kind, old, new: points },
      ...meta,
    });
  });
  return listRules(deps, actor);
}

// ---------- ledger ----------

function ledgerFilter(actor: StaffActor, q: Omit<CreditEventQuery, 'page' | 'pageSize'>) {
  const regionPattern = scopedRegionPattern(actor, q.regionCode);
  return regionPattern ? { regionPattern, subjectType: q.subjectType, kind: q.kind, from: q.from, to: q.to } : null;
}

export async function listEvents(deps: CreditDeps, actor: StaffActor, q: CreditEventQuery) {
  requirePermission(actor, 'credit.read');
  const filter = ledgerFilter(actor, q);
  if (!filter) return emptyPage<ReturnType<typeof presentLedgerRow>>(q);
  return paged(q, async (slice) => {
    const { rows, total } = await repo.findEventsPage(deps.db, filter, slice);
    const name = await namesOf(deps, rows);
    return { items: rows.map((r) => presentLedgerRow(r, name(r))), total };
  });
}

type LedgerExportRow = { event: repo.CreditEventRow; name: string };
/** 信用记录: the ledger export's one sheet. */
const LEDGER_SHEET: SheetSpec<LedgerExportRow> = {
  name: '信用记录',
  columns: [
    { header: '时间', width: 18, value: (r) => shanghai.format(r.event.at) },
    { header: '对象类型', width: 10, value: (r) => CREDIT_SUBJECT_LABELS[r.event.subjectType] },
    { header: '对象', width: 24, value: (r) => r.name },
    { header: '事件', width: 16, value: (r) => CREDIT_EVENT_KIND_LABELS[r.event.kind] },
    { header: '分值', width: 8, value: (r) => r.event.points },
    { header: '说明', width: 40, value: (r) => r.event.reason ?? '' },
    { header: '区域代码', width: 14, value: (r) => r.event.regionCode ?? '' },
  ],
};

/** The ledger as .xlsx (same filters as the list); audited. */
export async function exportEvents(
  deps: CreditDeps,
  actor: StaffActor,
  q: Omit<CreditEventQuery, 'page' | 'pageSize'>,
  meta: Meta,
): Promise<ExportFile> {
  requirePermission(actor, 'credit.read');
  const filter = ledgerFilter(actor, q);
  const total = filter ? await repo.countEvents(deps.db, filter) : 0;
  if (total > EXPORT_LIMIT) throw new AppError('EXPORT_TOO_LARGE');
  const rows = filter ? (await repo.findEventsPage(deps.db, filter, { limit: EXPORT_LIMIT, offset: 0 })).rows : [];
  const name = await namesOf(deps, rows);
  const buffer = await sheetWorkbook(
    LEDGER_SHEET,
    rows.map((event) => ({ event, name: name(event) })),
    deps.now(),
  );
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'credit_event',
    regionCode: actor.regionCode,
    details: { filter: q, rows: rows.length },
    ...meta,
  });
  return { name: '信用记录', buffer };
}

// ---------- manual adjustment ----------

export async function adjust(deps: CreditDeps, actor: StaffActor, body: ManualAdjustBody, meta: Meta) {
  requirePermission(actor, 'credit.write');
  const info = await scopedSubject(deps, actor, body.subjectType, body.subjectId);
  assertWritableRegion(actor, info.regionCode);
  return deps.db.transaction(async (tx) => {
    const ev = await recordCreditEvent(tx, {
      subjectType: body.subjectType,
      subjectId: body.subjectId,
      kind: 'manual_adjust',
      points: body.points,
      reason: body.reason,
      actorStaffId: actor.id,
      regionCode: info.regionCode,
      at: deps.now(),
    });
    if (!ev) throw new Error('manual adjustment not recorded');
    await writeAudit(tx, {
      actor,
      action: 'adjust',
      entity: 'credit_score',
      entityId: body.subjectId,
      regionCode: info.regionCode,
      details: { subjectType: body.subjectType, points: body.points, reason: body.reason, newScore: ev.score },
      ...meta,
    });
    return { eventId: ev.id, score: ev.score, level: creditLevel(ev.score) };
  });
}
