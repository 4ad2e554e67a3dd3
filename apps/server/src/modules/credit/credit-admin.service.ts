import {
  CREDIT_EVENT_KIND_LABELS,
  CREDIT_SUBJECT_LABELS,
  type AddBlacklistBody,
  type CreditEventQuery,
  type DecideAppealBody,
  type ManualAdjustBody,
} from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  dayEnd,
  emptyPage,
  paged,
  sheetWorkbook,
  type ExportFile,
  type PageQuery,
  type SheetSpec,
} from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopedRegionPattern,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { notify } from '../notifications/index.js';
import { recordCreditEvent } from './credit.core.js';
import {
  CREDIT_LEVEL_LABELS,
  creditLevel,
  DEFAULT_CREDIT_POINTS,
  type CreditEventKind,
  type CreditSubject,
} from './credit-rules.js';
import { subjectInfo, subjectInfos } from './credit-subjects.js';
import { creditOf, type CreditDeps } from './credit-owner.service.js';
import * as repo from './credit.repository.js';
import { presentAppeal, presentBlacklist, presentLedgerRow, targetSummary } from './credit.presenter.js';

type Meta = { ip?: string; requestId?: string };
const EXPORT_LIMIT = 20_000;
/** The owner's credit page in the mobile app. */
const creditLink = (type: CreditSubject, id: string) => (type === 'worker' ? '/me/credit' : `/employer/${id}/credit`);
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
  hour12: false,
});

/** Names of the subjects of many rows (workers masked). */
async function namesOf(
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
async function scopedSubject(deps: CreditDeps, actor: StaffActor, type: CreditSubject, id: string) {
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

// ---------- blacklist ----------

export async function listBlacklist(
  deps: CreditDeps,
  actor: StaffActor,
  q: PageQuery & { status: 'active' | 'all'; subjectType?: CreditSubject },
) {
  requirePermission(actor, 'credit.read');
  const now = deps.now();
  const filter = {
    regionPattern: scopeLikePattern(actor),
    activeOnly: q.status === 'active',
    subjectType: q.subjectType,
    now,
  };
  return paged(q, async (slice) => {
    const { rows, total } = await repo.findBlacklistPage(deps.db, filter, slice);
    const name = await namesOf(deps, rows);
    const appeals = new Map(
      (
        await repo.findAppealsForTargets(
          deps.db,
          rows.map((r) => r.id),
        )
      ).map((a) => [a.targetId, a]),
    );
    return { items: rows.map((r) => presentBlacklist(r, name(r), now, appeals.get(r.id))), total };
  });
}

export async function addBlacklist(deps: CreditDeps, actor: StaffActor, body: AddBlacklistBody, meta: Meta) {
  requirePermission(actor, 'credit.write');
  if (body.subjectType === 'worker' && body.scope === 'posting')
    throw AppError.field('scope', '零工不发布岗位，请选择“禁止报名”或“全部禁止”');
  if (body.subjectType === 'employer' && body.scope === 'applying')
    throw AppError.field('scope', '用工主体不报名岗位，请选择“禁止发布岗位”或“全部禁止”');
  const info = await scopedSubject(deps, actor, body.subjectType, body.subjectId);
  assertWritableRegion(actor, info.regionCode);
  const now = deps.now();
  // Inclusive last day: the entry ends at the start of the next day (Asia/Shanghai).
  const expiresAt = body.expiresOn ? dayEnd(body.expiresOn) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw AppError.field('expiresOn', '到期日不能早于今天');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertBlacklist(tx, {
      subjectType: body.subjectType,
      subjectId: body.subjectId,
      scope: body.scope,
      reason: body.reason,
      expiresAt,
      regionCode: info.regionCode,
      createdByStaffId: actor.id,
      createdAt: now,
    });
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'credit_blacklist',
      entityId: row.id,
      regionCode: row.regionCode,
      details: {
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        scope: row.scope,
        expiresOn: body.expiresOn ?? null,
        reason: row.reason,
      },
      ...meta,
    });
    for (const userId of info.userIds) {
      await notify(tx, {
        userId,
        kind: 'system',
        title: '诚信黑名单通知',
        body: `因“${row.reason}”，您已被列入诚信黑名单（${presentBlacklist(row, '', now).scopeLabel}）。如有异议可在“我的信用”中申诉。`,
        link: creditLink(row.subjectType, row.subjectId),
        refType: 'credit_blacklist',
        refId: row.id,
      });
    }
    return presentBlacklist(row, info.name, now);
  });
}

export async function liftBlacklist(deps: CreditDeps, actor: StaffActor, id: string, reason: string, meta: Meta) {
  requirePermission(actor, 'credit.write');
  const entry = await repo.findBlacklistById(deps.db, id);
  if (!entry) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, entry.regionCode);
  assertWritableRegion(actor, entry.regionCode);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const lifted = await repo.liftBlacklist(tx, id, { liftedAt: now, liftedByStaffId: actor.id, liftReason: reason });
    if (!lifted) throw new AppError('INVALID_STATE', { message: '该黑名单已解除' });
    await writeAudit(tx, {
      actor,
      action: 'lift',
      entity: 'credit_blacklist',
      entityId: id,
      regionCode: lifted.regionCode,
      details: { reason },
      ...meta,
    });
    return lifted;
  });
  const info = await subjectInfo(deps.db, deps.pii, row.subjectType, row.subjectId);
  return presentBlacklist(row, info?.name ?? '', now);
}

// ---------- appeals ----------

async function presentAppeals(deps: CreditDeps, rows: repo.AppealRow[]) {
  const name = await namesOf(deps, rows);
  const events = new Map<string, repo.CreditEventRow>();
  const entries = new Map<string, repo.BlacklistRow>();
  for (const a of rows) {
    if (a.targetType === 'event') {
      const e = await repo.findEventById(deps.db, a.targetId);
      if (e) events.set(e.id, e);
    } else {
      const b = await repo.findBlacklistById(deps.db, a.targetId);
      if (b) entries.set(b.id, b);
    }
  }
  return rows.map((a) => presentAppeal(a, name(a), targetSummary(a, events.get(a.targetId), entries.get(a.targetId))));
}

export async function listAppeals(
  deps: CreditDeps,
  actor: StaffActor,
  q: PageQuery & { status?: repo.AppealRow['status'] },
) {
  requirePermission(actor, 'credit.read');
  const filter = { regionPattern: scopeLikePattern(actor), status: q.status };
  return paged(q, async (slice) => {
    const { rows, total } = await repo.findAppealsPage(deps.db, filter, slice);
    return { items: await presentAppeals(deps, rows), total };
  });
}

/**
 * Decide an appeal. Upheld: an event is reversed by an appeal_upheld event of the opposite
 * points; a blacklist entry is lifted. The subject is notified either way; audited.
 */
export async function decideAppeal(
  deps: CreditDeps,
  actor: StaffActor,
  id: string,
  body: DecideAppealBody,
  meta: Meta,
) {
  requirePermission(actor, 'credit.write');
  const appeal = await repo.findAppealById(deps.db, id);
  if (!appeal) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, appeal.regionCode);
  assertWritableRegion(actor, appeal.regionCode);
  const now = deps.now();
  const info = await subjectInfo(deps.db, deps.pii, appeal.subjectType, appeal.subjectId);
  const row = await deps.db.transaction(async (tx) => {
    const decided = await repo.decideAppeal(tx, id, {
      status: body.decision === 'uphold' ? 'upheld' : 'rejected',
      decisionReason: body.reason,
      decidedByStaffId: actor.id,
      decidedAt: now,
    });
    if (!decided) throw new AppError('INVALID_STATE', { message: '该申诉已处理' });
    let outcome = '';
    if (body.decision === 'uphold' && appeal.targetType === 'event') {
      const event = await repo.findEventById(tx, appeal.targetId);
      if (event) {
        const ev = await recordCreditEvent(tx, {
          subjectType: event.subjectType,
          subjectId: event.subjectId,
          kind: 'appeal_upheld',
          points: -event.points,
          refType: 'credit_event',
          refId: event.id,
          reason: body.reason,
          actorStaffId: actor.id,
          regionCode: appeal.regionCode,
          at: now,
        });
        outcome = ev ? `，已恢复${-event.points}分，当前${CREDIT_LEVEL_LABELS[creditLevel(ev.score)]}` : '';
      }
    } else if (body.decision === 'uphold') {
      await repo.liftBlacklist(tx, appeal.targetId, {
        liftedAt: now,
        liftedByStaffId: actor.id,
        liftReason: `申诉成立：${body.reason}`,
      });
      outcome = '，黑名单已解除';
    }
    await writeAudit(tx, {
      actor,
      action: body.decision === 'uphold' ? 'uphold' : 'reject',
      entity: 'credit_appeal',
      entityId: id,
      regionCode: appeal.regionCode,
      details: { targetType: appeal.targetType, targetId: appeal.targetId, reason: body.reason },
      ...meta,
    });
    const text =
      body.decision === 'uphold'
        ? `您的信用申诉已成立${outcome}。处理意见：${body.reason}`
        : `您的信用申诉未获支持。处理意见：${body.reason}`;
    const users = info?.userIds ?? [];
    const filer = appeal.filedByUserId;
    for (const userId of users.includes(filer) ? users : [...users, filer]) {
      await notify(tx, {
        userId,
        kind: 'system',
        title: '信用申诉处理结果',
        body: text,
        link: creditLink(appeal.subjectType, appeal.subjectId),
        refType: 'credit_appeal',
        refId: id,
        sms: userId === filer,
      });
    }
    return decided;
  });
  return (await presentAppeals(deps, [row]))[0]!;
}
