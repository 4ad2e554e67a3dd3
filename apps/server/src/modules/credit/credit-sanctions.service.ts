// 信用管理 (console): the blacklist (联合惩戒 list, add and lift) and appeals against credit events.
import { type AddBlacklistBody, type DecideAppealBody } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { dayEnd, paged, type PageQuery } from '../../platform/reporting/index.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { notify } from '../notifications/index.js';
import { recordCreditEvent } from './credit.core.js';
import { CREDIT_LEVEL_LABELS, creditLevel, type CreditSubject } from './credit-rules.js';
import { subjectInfo } from './credit-subjects.js';
import { type CreditDeps } from './credit-owner.service.js';
import * as repo from './credit.repository.js';
import { presentAppeal, presentBlacklist, targetSummary } from './credit.presenter.js';

import { creditLink, namesOf, scopedSubject, type Meta } from './credit-admin.service.js';

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
