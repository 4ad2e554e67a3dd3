import type { FileAppealBody, MyCredit } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { CREDIT_BASE_SCORE, CREDIT_LEVEL_LABELS, creditLevel, type CreditSubject } from './credit-rules.js';
import { creditEmployers, creditWorkers, subjectInfo } from './credit-subjects.js';
import * as repo from './credit.repository.js';
import { presentAppeal, presentBlacklist, presentEvent, targetSummary } from './credit.presenter.js';

export type CreditDeps = { db: Db; pii: Pii; now: () => Date };

/**
 * Stop a blacklisted subject: `posting` (jobs create / edit) or `applying` (apply, accept an
 * invitation). An entry of scope `all` stops both.
 */
export async function assertNotBlacklisted(
  db: DbOrTx,
  type: CreditSubject,
  id: string,
  action: 'posting' | 'applying',
  now: Date,
): Promise<void> {
  const entries = await repo.findActiveBlacklist(db, type, id, now);
  const hit = entries.find((e) => e.scope === 'all' || e.scope === action);
  if (!hit) return;
  const until = hit.expiresAt
    ? `，限制至${new Date(hit.expiresAt.getTime() - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}`
    : '';
  throw new AppError('BLACKLISTED', {
    message: `${action === 'posting' ? '您的用工主体已被列入诚信黑名单，暂不能发布或修改岗位' : '您已被列入诚信黑名单，暂不能报名岗位'}（原因：${hit.reason}${until}）。如有异议，可在“我的信用”中申诉。`,
  });
}

/** The full credit picture of one subject, for its owner. */
export async function creditOf(deps: CreditDeps, type: CreditSubject, id: string): Promise<MyCredit> {
  const now = deps.now();
  const [score, events, entries, appeals] = [
    (await repo.findScore(deps.db, type, id)) ?? CREDIT_BASE_SCORE,
    await repo.findEventsOfSubject(deps.db, type, id),
    await repo.findBlacklistOfSubject(deps.db, type, id),
    await repo.findAppealsOfSubject(deps.db, type, id),
  ];
  const byTarget = new Map(appeals.map((a) => [a.targetId, a]));
  const eventsById = new Map(events.map((e) => [e.id, e]));
  const entriesById = new Map(entries.map((e) => [e.id, e]));
  const level = creditLevel(score);
  return {
    subjectType: type,
    subjectId: id,
    score,
    level,
    levelLabel: CREDIT_LEVEL_LABELS[level],
    events: events.map((e) => presentEvent(e, byTarget.get(e.id))),
    blacklist: entries.map((b) => presentBlacklist(b, '', now, byTarget.get(b.id))),
    appeals: appeals.map((a) =>
      presentAppeal(a, '', targetSummary(a, eventsById.get(a.targetId), entriesById.get(a.targetId))),
    ),
  };
}

/** 我的信用 (worker identity). */
export async function myWorkerCredit(deps: CreditDeps, actor: UserActor): Promise<MyCredit> {
  const workerId = await creditWorkers().workerIdOfUser(deps.db, actor.id);
  if (!workerId) throw new AppError('PROFILE_REQUIRED', { message: '请先完善个人信息（个人画像）' });
  return creditOf(deps, 'worker', workerId);
}

/** An employer's credit, for its members. */
export async function employerCredit(deps: CreditDeps, actor: UserActor, employerId: string): Promise<MyCredit> {
  await creditEmployers().requireMember(deps.db, actor, employerId);
  return creditOf(deps, 'employer', employerId);
}

/** The subject the caller appeals for: their worker profile, or an employer they belong to. */
async function appellant(
  deps: CreditDeps,
  actor: UserActor,
  body: FileAppealBody,
): Promise<{ type: CreditSubject; id: string }> {
  if (body.subjectType === 'worker') {
    const workerId = await creditWorkers().workerIdOfUser(deps.db, actor.id);
    if (!workerId) throw new AppError('PROFILE_REQUIRED', { message: '请先完善个人信息（个人画像）' });
    return { type: 'worker', id: workerId };
  }
  if (!body.employerId) throw AppError.field('employerId', '请选择用工主体');
  await creditEmployers().requireMember(deps.db, actor, body.employerId);
  return { type: 'employer', id: body.employerId };
}

/** File an appeal against one of the subject's own credit events or blacklist entries (once each). */
export async function fileAppeal(deps: CreditDeps, actor: UserActor, body: FileAppealBody) {
  const subject = await appellant(deps, actor, body);
  let summary = '';
  if (body.targetType === 'event') {
    const event = await repo.findEventById(deps.db, body.targetId);
    if (!event || event.subjectType !== subject.type || event.subjectId !== subject.id)
      throw AppError.field('targetId', '信用记录不存在');
    if (!presentEvent(event, undefined).appealable) throw AppError.field('targetId', '该信用记录不能申诉');
    summary = targetSummary({ targetType: 'event' } as repo.AppealRow, event);
  } else {
    const entry = await repo.findBlacklistById(deps.db, body.targetId);
    if (!entry || entry.subjectType !== subject.type || entry.subjectId !== subject.id)
      throw AppError.field('targetId', '黑名单记录不存在');
    if (!repo.isActive(entry, deps.now())) throw AppError.field('targetId', '该黑名单已解除或已到期，无需申诉');
    summary = targetSummary({ targetType: 'blacklist' } as repo.AppealRow, undefined, entry);
  }
  const info = await subjectInfo(deps.db, null, subject.type, subject.id);
  const row = await deps.db.transaction(async (tx) => {
    const created = await repo.insertAppeal(tx, {
      subjectType: subject.type,
      subjectId: subject.id,
      targetType: body.targetType,
      targetId: body.targetId,
      reason: body.reason,
      filedByUserId: actor.id,
      regionCode: info?.regionCode ?? '',
      createdAt: deps.now(),
    });
    if (!created) throw AppError.field('targetId', '已对该记录提出过申诉，请勿重复提交');
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'create',
      entity: 'credit_appeal',
      entityId: created.id,
      regionCode: created.regionCode,
      details: { targetType: body.targetType, targetId: body.targetId },
    });
    return created;
  });
  return presentAppeal(row, '', summary);
}
