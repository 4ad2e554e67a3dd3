import { RATING_TAGS, type RatingState, type ReviewRatingBody, type SubmitRatingBody } from '@lingong/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { maskName } from '../../platform/crypto/mask.js';
import { AppError } from '../../platform/errors/app-error.js';
import { currentMatcher, maskHits } from '../../platform/moderation/index.js';
import type { Pii } from '../../platform/pii.js';
import {
  requirePermission,
  scopeLikePattern,
  assertReadableRegion,
  type StaffActor,
  type UserActor,
} from '../../platform/rbac/actor.js';
import { paged, type PageQuery } from '../../platform/reporting/index.js';
import { loadRatingContext } from '../applications/index.js';
import { recordCreditEvent, subjectInfos } from '../credit/index.js';
import { findEmployerNames } from '../employers/index.js';
import { findJobById, findJobsByIds } from '../jobs/index.js';
import { notify } from '../notifications/index.js';
import { getSetting } from '../settings/index.js';
import { findWorkersByIds } from '../workers/index.js';
import * as repo from './ratings.repository.js';
import { presentAdminRating, presentRating } from './ratings.presenter.js';

export type RatingsDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip?: string; requestId?: string };
const DAY = 86_400_000;
const STAR_KIND = { 1: 'rating_1', 2: 'rating_2', 3: 'rating_3', 4: 'rating_4', 5: 'rating_5' } as const;

/** The tag list of the side being rated: a worker rates the employer, and the reverse. */
const tagsFor = (raterSide: 'worker' | 'employer'): readonly string[] =>
  raterSide === 'worker' ? RATING_TAGS.employer : RATING_TAGS.worker;

async function rateeName(
  deps: RatingsDeps,
  side: 'worker' | 'employer',
  app: { workerId: string; employerId: string },
): Promise<string> {
  if (side === 'worker') return (await findEmployerNames(deps.db, [app.employerId])).get(app.employerId) ?? '';
  const [worker] = await findWorkersByIds(deps.db, [app.workerId]);
  return worker ? (maskName(deps.pii.decrypt(worker.nameEnc)) ?? '') : '';
}

/**
 * Reveal an application's hidden ratings: each moves its ratee's credit (rating_N, once per
 * rating) and the ratee is told by message and SMS. Runs in the caller's transaction.
 */
export async function revealRatings(tx: DbOrTx, pii: Pii, applicationId: string, now: Date): Promise<number> {
  const rows = await repo.revealApplication(tx, applicationId, now);
  for (const r of rows) {
    const rateeType = r.raterSide === 'worker' ? 'employer' : 'worker';
    await recordCreditEvent(tx, {
      subjectType: rateeType,
      subjectId: r.rateeId,
      kind: STAR_KIND[r.stars as 1 | 2 | 3 | 4 | 5],
      refType: 'rating',
      refId: r.id,
      reason: `获得${r.stars}星评价`,
      at: now,
    });
    const info = (await subjectInfos(tx, pii, rateeType, [r.rateeId])).get(r.rateeId);
    for (const userId of info?.userIds ?? []) {
      await notify(tx, {
        userId,
        kind: 'rated',
        title: '您收到了新评价',
        body: `您在一次用工中获得了${r.stars}星评价，可在“我的信用”中查看。`,
        link: `/rate/${r.applicationId}`,
        refType: 'rating',
        refId: r.id,
        sms: true,
        smsTemplate: { code: 'rated', params: { stars: r.stars } },
        at: now,
      });
    }
  }
  return rows.length;
}

/** The rating page of a completed application for the caller's side. */
export async function getRatingState(deps: RatingsDeps, actor: UserActor, applicationId: string): Promise<RatingState> {
  const ctx = await loadRatingContext(deps.db, actor, applicationId);
  const job = await findJobById(deps.db, ctx.app.jobId);
  const rows = await repo.findRatingsOfApplication(deps.db, applicationId);
  const mine = rows.find((r) => r.raterSide === ctx.side);
  const theirs = rows.find((r) => r.raterSide !== ctx.side);
  const days = await getSetting(deps.db, 'ratingWindowDays');
  const windowEndsAt = ctx.completedAt ? new Date(ctx.completedAt.getTime() + days * DAY) : null;
  const now = deps.now();
  const blockedReason = !ctx.completedAt
    ? '完工确认后才能评价'
    : mine
      ? '您已评价'
      : windowEndsAt && now >= windowEndsAt
        ? '评价期限已过'
        : null;
  return {
    applicationId,
    jobTitle: job?.title ?? '',
    side: ctx.side,
    rateeName: await rateeName(deps, ctx.side, ctx.app),
    canRate: blockedReason === null,
    blockedReason,
    windowEndsAt: windowEndsAt?.toISOString() ?? null,
    tagOptions: [...tagsFor(ctx.side)],
    mine: mine ? presentRating(mine) : null,
    theirs: theirs?.revealedAt ? presentRating(theirs) : null,
    revealed: Boolean(mine?.revealedAt),
  };
}

/**
 * Rate the other side of a completed application, once, within the window. The comment is
 * moderated: a block word is a field error naming it, a review word flags the rating for the
 * console queue, mask words are masked. When both sides have rated, both are revealed.
 */
export async function submitRating(
  deps: RatingsDeps,
  actor: UserActor,
  applicationId: string,
  body: SubmitRatingBody,
  meta: Meta,
): Promise<RatingState> {
  const ctx = await loadRatingContext(deps.db, actor, applicationId);
  if (!ctx.completedAt) throw new AppError('INVALID_STATE', { message: '完工确认后才能评价' });
  const days = await getSetting(deps.db, 'ratingWindowDays');
  const windowEndsAt = new Date(ctx.completedAt.getTime() + days * DAY);
  const now = deps.now();
  if (now >= windowEndsAt) throw new AppError('INVALID_STATE', { message: `评价期限已过（完工后${days}天内可评价）` });
  const allowed = tagsFor(ctx.side);
  const wrong = body.tags.filter((t) => !allowed.includes(t));
  if (wrong.length > 0) throw AppError.field('tags', `标签不适用于本次评价：${wrong.join('、')}`);
  const hits = body.comment ? (await currentMatcher(deps.db)).scan(body.comment) : [];
  const blocked = [...new Set(hits.filter((h) => h.action === 'block').map((h) => h.word))];
  if (blocked.length > 0) throw AppError.field('comment', `评语含有不允许的词语：${blocked.join('、')}，请修改`);
  const review = [...new Set(hits.filter((h) => h.action === 'review').map((h) => h.word))];
  const comment = maskHits(
    body.comment,
    hits.filter((h) => h.action === 'mask'),
  );
  const job = await findJobById(deps.db, ctx.app.jobId);
  await deps.db.transaction(async (tx) => {
    const row = await repo.insertRating(tx, {
      applicationId,
      jobId: ctx.app.jobId,
      raterSide: ctx.side,
      raterUserId: actor.id,
      rateeId: ctx.side === 'worker' ? ctx.app.employerId : ctx.app.workerId,
      stars: body.stars,
      tags: [...new Set(body.tags)],
      comment,
      reviewStatus: review.length > 0 ? 'flagged' : 'clean',
      reviewHits: review,
      regionCode: job?.townCode ?? '',
      windowEndsAt,
      createdAt: now,
    });
    if (!row) throw new AppError('CONFLICT', { message: '您已评价过本次用工，不能重复评价' });
    await writeAudit(tx, {
      actor: { kind: 'user', id: actor.id },
      action: 'create',
      entity: 'rating',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { applicationId, side: ctx.side, stars: row.stars, flagged: review },
      ...meta,
    });
    const both = (await repo.findRatingsOfApplication(tx, applicationId)).length === 2;
    if (both) await revealRatings(tx, deps.pii, applicationId, now);
  });
  return getRatingState(deps, actor, applicationId);
}

/** Background: reveal ratings whose window has passed without the other side rating. */
export async function revealDueRatings(deps: { db: Db; pii: Pii }, now: Date): Promise<number> {
  let revealed = 0;
  for (const applicationId of await repo.findDueApplications(deps.db, now)) {
    revealed += await deps.db.transaction((tx) => revealRatings(tx, deps.pii, applicationId, now));
  }
  return revealed;
}

// ---------- console: flagged ratings ----------

export async function listForReview(
  deps: RatingsDeps,
  actor: StaffActor,
  q: PageQuery & { status: 'flagged' | 'approved' | 'hidden' },
) {
  requirePermission(actor, 'credit.read');
  return paged(q, async (slice) => {
    const { items, total } = await repo.findReviewPage(
      deps.db,
      { regionPattern: scopeLikePattern(actor), status: q.status },
      slice,
    );
    return { items: await presentReviewRows(deps, items), total };
  });
}

/** Console rows: the job title and the rated party's name beside each rating. */
async function presentReviewRows(deps: RatingsDeps, rows: repo.RatingRow[]) {
  const titles = new Map(
    (await findJobsByIds(deps.db, [...new Set(rows.map((r) => r.jobId))])).map((j) => [j.id, j.title]),
  );
  const workers = await subjectInfos(
    deps.db,
    deps.pii,
    'worker',
    rows.filter((r) => r.raterSide === 'employer').map((r) => r.rateeId),
  );
  const employers = await subjectInfos(
    deps.db,
    null,
    'employer',
    rows.filter((r) => r.raterSide === 'worker').map((r) => r.rateeId),
  );
  return rows.map((r) =>
    presentAdminRating(r, {
      jobTitle: titles.get(r.jobId) ?? '',
      rateeName: (r.raterSide === 'worker' ? employers : workers).get(r.rateeId)?.name ?? '',
    }),
  );
}

/** Approve (comment shown) or hide (comment withheld; stars still count) a flagged rating; audited. */
export async function reviewRating(
  deps: RatingsDeps,
  actor: StaffActor,
  id: string,
  body: ReviewRatingBody,
  meta: Meta,
) {
  requirePermission(actor, 'credit.write');
  const rating = await repo.findRatingById(deps.db, id);
  if (!rating) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, rating.regionCode);
  const row = await deps.db.transaction(async (tx) => {
    const done = await repo.reviewRating(tx, id, {
      reviewStatus: body.action === 'approve' ? 'approved' : 'hidden',
      reviewReason: body.reason,
      reviewedByStaffId: actor.id,
      reviewedAt: deps.now(),
    });
    if (!done) throw new AppError('INVALID_STATE', { message: '该评价已处理' });
    await writeAudit(tx, {
      actor,
      action: body.action,
      entity: 'rating',
      entityId: id,
      regionCode: done.regionCode,
      details: { reason: body.reason, hits: done.reviewHits },
      ...meta,
    });
    return done;
  });
  const job = await findJobById(deps.db, row.jobId);
  const info = (
    await subjectInfos(deps.db, deps.pii, row.raterSide === 'worker' ? 'employer' : 'worker', [row.rateeId])
  ).get(row.rateeId);
  return presentAdminRating(row, { jobTitle: job?.title ?? '', rateeName: info?.name ?? '' });
}

export { countFlagged as countFlaggedRatings } from './ratings.repository.js';
