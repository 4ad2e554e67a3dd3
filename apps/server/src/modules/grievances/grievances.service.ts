import {
  GRIEVANCE_KIND_LABELS,
  OPEN_GRIEVANCE_STATUSES,
  type FileGrievanceBody,
  type MyGrievance,
  type WithdrawGrievanceBody,
} from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile, readFileBytes, storeImage } from '../../platform/files/files.js';
import { currentMatcher, maskHits } from '../../platform/moderation/index.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { findStaffNames } from '../accounts/index.js';
import { loadRatingContext } from '../applications/index.js';
import { subjectInfos } from '../credit/index.js';
import { findMembershipsByUser } from '../employers/index.js';
import { findJobById, findJobsByIds } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { findWorkerByUserId } from '../workers/index.js';
import * as repo from './grievances.repository.js';
import { presentEvent, presentMine } from './grievances.presenter.js';

export type GrievancesDeps = { db: Db; pii: Pii; now: () => Date; dataDir: string };
export type Meta = { ip?: string; requestId?: string };

export const GRIEVANCE_PHOTO = 'grievance_photo';
export const MAX_PHOTO_BYTES = 600 * 1024;
/** Applications not yet hired have no working relation to complain about. */
const NOT_YET = new Set(['applied', 'invited']);

/** Tell the filer and the other party's users about a grievance event (same transaction). */
export async function noticeParties(
  tx: DbOrTx,
  pii: Pii,
  row: repo.GrievanceRow,
  text: { filer: string; other: string; sms?: boolean },
  at: Date,
): Promise<void> {
  const otherType = row.filerSide === 'worker' ? 'employer' : 'worker';
  const otherId = otherType === 'worker' ? row.workerId : row.employerId;
  const others = (await subjectInfos(tx, pii, otherType, [otherId])).get(otherId)?.userIds ?? [];
  const base = { kind: 'system' as const, link: `/grievances/${row.id}`, refType: 'grievance', refId: row.id, at };
  await notify(tx, { ...base, userId: row.filerUserId, title: '投诉进度', body: text.filer, sms: text.sms ?? false });
  for (const userId of others.filter((u) => u !== row.filerUserId))
    await notify(tx, { ...base, userId, title: '投诉进度', body: text.other, sms: text.sms ?? false });
}

/** Store a grievance photo of the caller (JPG/PNG/WebP); the filing then refers to it. */
export async function uploadPhoto(deps: GrievancesDeps, actor: UserActor, imageBase64: string) {
  const row = await storeImage(
    { db: deps.db, dataDir: deps.dataDir, pii: deps.pii },
    {
      ownerKind: 'user',
      ownerId: actor.id,
      purpose: GRIEVANCE_PHOTO,
      bytes: Buffer.from(imageBase64, 'base64'),
      maxBytes: MAX_PHOTO_BYTES,
      field: 'image',
    },
  );
  return { fileId: row.id, mime: row.mime, sizeBytes: row.sizeBytes };
}

/**
 * A party of an application files a grievance about the other side. The text is moderated (a
 * block word is a field error naming it; mask words are masked); one open grievance per side.
 */
export async function fileGrievance(
  deps: GrievancesDeps,
  actor: UserActor,
  applicationId: string,
  body: FileGrievanceBody,
  meta: Meta,
): Promise<MyGrievance> {
  const { app, side } = await loadRatingContext(deps.db, actor, applicationId);
  if (NOT_YET.has(app.status)) throw new AppError('INVALID_STATE', { message: '录用后才能投诉' });
  if (await repo.findOpenOfApplication(deps.db, applicationId, side))
    throw new AppError('CONFLICT', { message: '您对这次用工的投诉正在处理中，请勿重复提交' });
  const hits = (await currentMatcher(deps.db)).scan(body.content);
  const blocked = [...new Set(hits.filter((h) => h.action === 'block').map((h) => h.word))];
  if (blocked.length > 0) throw AppError.field('content', `投诉内容含有不允许的词语：${blocked.join('、')}，请修改`);
  const content = maskHits(
    body.content,
    hits.filter((h) => h.action === 'mask'),
  );
  if (body.photoFileId) {
    const file = await findFile(deps.db, body.photoFileId);
    if (!file || file.ownerKind !== 'user' || file.ownerId !== actor.id || file.purpose !== GRIEVANCE_PHOTO)
      throw AppError.field('photoFileId', '照片不存在，请重新上传');
  }
  const job = await findJobById(deps.db, app.jobId);
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await repo.insertGrievance(tx, {
      applicationId,
      jobId: app.jobId,
      workerId: app.workerId,
      employerId: app.employerId,
      filerSide: side,
      filerUserId: actor.id,
      kind: body.kind,
      content,
      photoFileId: body.photoFileId ?? null,
      regionCode: job?.townCode ?? '',
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) throw new AppError('CONFLICT', { message: '您对这次用工的投诉正在处理中，请勿重复提交' });
    await repo.insertEvent(tx, {
      grievanceId: inserted.id,
      fromStatus: null,
      toStatus: 'submitted',
      actorKind: 'user',
      actorId: actor.id,
      actorSide: side,
      note: null,
      at: now,
    });
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'create',
      entity: 'grievance',
      entityId: inserted.id,
      regionCode: inserted.regionCode,
      details: { applicationId, side, kind: body.kind },
      ...meta,
    });
    const title = job?.title ?? '';
    await noticeParties(
      tx,
      deps.pii,
      inserted,
      {
        filer: `您对“${title}”的投诉（${GRIEVANCE_KIND_LABELS[body.kind]}）已提交，工作人员将尽快受理。`,
        other: `对方就“${title}”提出了投诉（${GRIEVANCE_KIND_LABELS[body.kind]}），工作人员可能会联系您了解情况。`,
      },
      now,
    );
    return inserted;
  });
  return getMine(deps, actor, row.id);
}

type Party = { userId: string; workerId: string | null; employerIds: string[] };

async function partyOf(db: DbOrTx, actor: UserActor): Promise<Party> {
  const worker = await findWorkerByUserId(db, actor.id);
  const memberships = await findMembershipsByUser(db, actor.id);
  return { userId: actor.id, workerId: worker?.id ?? null, employerIds: memberships.map((m) => m.employerId) };
}

const isParty = (p: Party, row: repo.GrievanceRow) =>
  row.filerUserId === p.userId || row.workerId === p.workerId || p.employerIds.includes(row.employerId);

async function presentMany(db: DbOrTx, party: Party, rows: repo.GrievanceRow[]): Promise<MyGrievance[]> {
  const titles = new Map((await findJobsByIds(db, [...new Set(rows.map((r) => r.jobId))])).map((j) => [j.id, j.title]));
  const events = await repo.findEvents(
    db,
    rows.map((r) => r.id),
  );
  const staffNames = await findStaffNames(
    db,
    events.filter((e) => e.actorKind === 'staff').map((e) => e.actorId),
  );
  return rows.map((r) =>
    presentMine(r, {
      jobTitle: titles.get(r.jobId) ?? '',
      mine:
        r.filerUserId === party.userId ||
        (r.filerSide === 'worker' ? r.workerId === party.workerId : party.employerIds.includes(r.employerId)),
      events: events.filter((e) => e.grievanceId === r.id).map((e) => presentEvent(e, staffNames)),
    }),
  );
}

/** 我的投诉: grievances the caller filed or that concern the caller (as worker or employer member). */
export async function listMine(deps: GrievancesDeps, actor: UserActor, q: PageQuery) {
  const party = await partyOf(deps.db, actor);
  return paged(q, async (slice) => {
    const { items: rows, total } = await repo.findPageForParty(deps.db, party, slice);
    return { items: await presentMany(deps.db, party, rows), total };
  });
}

/** One grievance with its timeline; a stranger's is NOT_FOUND. */
export async function getMine(deps: GrievancesDeps, actor: UserActor, id: string): Promise<MyGrievance> {
  const party = await partyOf(deps.db, actor);
  const row = await repo.findGrievance(deps.db, id);
  if (!row || !isParty(party, row)) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
  const [out] = await presentMany(deps.db, party, [row]);
  if (!out) throw new Error('grievance vanished');
  return out;
}

/**
 * The filer withdraws an open grievance (the auto-filed wage grievance says it may): it closes as
 * resolved with the reason, in the timeline and the audit log, and the other side is told.
 */
export async function withdrawMine(
  deps: GrievancesDeps,
  actor: UserActor,
  id: string,
  body: WithdrawGrievanceBody,
  meta: Meta,
): Promise<MyGrievance> {
  const found = await repo.findGrievance(deps.db, id);
  if (!found || found.filerUserId !== actor.id) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
  const now = deps.now();
  const resolution = `投诉人撤回：${body.reason}`;
  await deps.db.transaction(async (tx) => {
    const current = await repo.lockGrievance(tx, id);
    if (!current) throw new AppError('NOT_FOUND', { message: '投诉不存在' });
    if (!(OPEN_GRIEVANCE_STATUSES as readonly string[]).includes(current.status))
      throw new AppError('INVALID_STATE', { message: '该投诉已办结或已移交，不能撤回' });
    const updated = await repo.updateGrievance(tx, id, {
      status: 'resolved',
      resolution,
      ...(current.kind === 'wage_arrears' ? { wageOutcome: 'withdrawn' as const } : {}),
      closedAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      grievanceId: id,
      fromStatus: current.status,
      toStatus: 'resolved',
      actorKind: 'user',
      actorId: actor.id,
      actorSide: current.filerSide,
      note: resolution,
      at: now,
    });
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'withdraw',
      entity: 'grievance',
      entityId: id,
      regionCode: current.regionCode,
      details: { from: current.status, reason: body.reason },
      ...meta,
    });
    await noticeParties(
      tx,
      deps.pii,
      updated,
      { filer: `您已撤回投诉。${resolution}`, other: `与您有关的投诉已由投诉人撤回。`, sms: false },
      now,
    );
  });
  return getMine(deps, actor, id);
}

/** The photo of a grievance the caller filed. */
export async function readMyPhoto(deps: GrievancesDeps, actor: UserActor, id: string) {
  const row = await repo.findGrievance(deps.db, id);
  if (!row || row.filerUserId !== actor.id || !row.photoFileId) throw new AppError('NOT_FOUND');
  const file = await findFile(deps.db, row.photoFileId);
  if (!file) throw new AppError('NOT_FOUND');
  return { mime: file.mime, bytes: await readFileBytes(deps, file) };
}
