import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../src/background.js';
import { creditEvents } from '../src/modules/credit/credit.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { revealDueRatings } from '../src/modules/ratings/index.js';
import { ratings } from '../src/modules/ratings/ratings.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { backgroundJobs } from '../src/platform/queue/queue.schema.js';
import {
  appUser,
  buildPair,
  completedApplication,
  createTestApp,
  hiredApplication,
  json,
  type Pair,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

type View = { stars: number; tags: string[]; comment: string; raterSide: string } | null;
type State = {
  side: string;
  canRate: boolean;
  blockedReason: string | null;
  tagOptions: string[];
  mine: View;
  theirs: View;
  revealed: boolean;
  rateeName: string;
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const url = (id: string) => `/api/v1/app/applications/${id}/rating`;
const rate = (id: string, token: string, payload: Record<string, unknown>) => ctx.as(token).post(url(id), payload);
const stateOf = async (id: string, token: string) => json<State>(await ctx.as(token).get(url(id)));
const countRatings = async () => (await db().select({ n: count() }).from(ratings))[0]?.n ?? 0;
const eventsOf = (subjectId: string) => db().select().from(creditEvents).where(eq(creditEvents.subjectId, subjectId));

describe('rating after completion', () => {
  let pair: Pair;
  let appId: string;
  beforeAll(async () => {
    pair = await buildPair(ctx, { employerName: '中渡建材有限公司', workerName: '覃秀英' });
    appId = await completedApplication(ctx, pair);
  });

  it('keeps each rating hidden until both have rated, then reveals both, scores credit and notifies by SMS', async () => {
    const before = await stateOf(appId, pair.worker.token);
    expect(before).toMatchObject({
      side: 'worker',
      canRate: true,
      rateeName: '中渡建材有限公司',
      mine: null,
      theirs: null,
    });
    expect(before.tagOptions).toContain('按时结算');

    const first = await rate(appId, pair.worker.token, {
      stars: 5,
      tags: ['按时结算', '态度友善'],
      comment: '老板人很好，工钱当天结清',
    });
    expect(first.statusCode).toBe(201);
    expect(json<State>(first)).toMatchObject({
      mine: { stars: 5 },
      theirs: null,
      revealed: false,
      canRate: false,
      blockedReason: '您已评价',
    });
    const employerView = await stateOf(appId, pair.owner.token);
    expect(employerView).toMatchObject({ side: 'employer', rateeName: '覃**', canRate: true, theirs: null });
    expect(employerView.tagOptions).toContain('准时到岗');
    expect(await eventsOf(pair.employerId)).toEqual([]);

    const second = await rate(appId, pair.owner.token, { stars: 4, tags: ['准时到岗'], comment: '干活踏实' });
    expect(second.statusCode).toBe(201);
    expect(json<State>(second)).toMatchObject({
      revealed: true,
      theirs: { stars: 5, tags: ['按时结算', '态度友善'], comment: '老板人很好，工钱当天结清' },
    });
    expect(await stateOf(appId, pair.worker.token)).toMatchObject({
      revealed: true,
      theirs: { stars: 4, comment: '干活踏实', raterSide: 'employer' },
    });

    expect((await eventsOf(pair.employerId)).map((e) => [e.kind, e.points])).toEqual([['rating_5', 2]]);
    expect((await eventsOf(pair.worker.workerId)).map((e) => [e.kind, e.points])).toEqual([['rating_4', 1]]);
    const notes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'rated'), eq(notifications.userId, pair.worker.userId)));
    expect(notes).toEqual([expect.objectContaining({ smsQueued: 'yes', body: expect.stringContaining('4星') })]);
    const sms = await db()
      .select()
      .from(backgroundJobs)
      .where(eq(backgroundJobs.dedupeKey, `notify:${notes[0]!.id}`));
    expect(sms).toHaveLength(1);
  });

  it('rates once per side; a second try is refused and changes nothing', async () => {
    const n = await countRatings();
    const again = await rate(appId, pair.worker.token, { stars: 1 });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toBe('您已评价过本次用工，不能重复评价');
    expect(await countRatings()).toBe(n);
  });
});

describe('bad input and access', () => {
  let pair: Pair;
  let appId: string;
  beforeAll(async () => {
    pair = await buildPair(ctx);
    appId = await completedApplication(ctx, pair);
  });

  it('rejects wrong stars, tags, long or blocked comments with Chinese field messages, writing nothing', async () => {
    const n = await countRatings();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ stars: 6 }, 'stars', '星级最多5星'],
      [{ stars: 0 }, 'stars', '星级至少1星'],
      [{ stars: 'five' }, 'stars', '请选择星级'],
      [{ stars: 5, tags: ['不存在的标签'] }, 'tags.0', '标签不在可选范围内'],
      [{ stars: 5, comment: '好'.repeat(201) }, 'comment', '评语最多200个字'],
    ];
    for (const [payload, field, message] of cases) {
      const res = await rate(appId, pair.worker.token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<Err>(res).error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message })]),
      );
    }
    // A tag of the other side's list (a worker cannot call the employer 准时到岗).
    const wrongSide = await rate(appId, pair.worker.token, { stars: 5, tags: ['准时到岗'] });
    expect(json<Err>(wrongSide).error.details).toEqual([{ field: 'tags', message: '标签不适用于本次评价：准时到岗' }]);
    const blocked = await rate(appId, pair.worker.token, { stars: 1, comment: '这老板叫人刷单，骗子' });
    expect(blocked.statusCode).toBe(400);
    expect(json<Err>(blocked).error.details).toEqual([
      { field: 'comment', message: '评语含有不允许的词语：刷单，请修改' },
    ]);
    expect(await countRatings()).toBe(n);
  });

  it('refuses strangers (404), unfinished work (409) and anonymous callers (401)', async () => {
    const stranger = await appUser(ctx);
    expect((await rate(appId, stranger.token, { stars: 3 })).statusCode).toBe(404);
    expect((await ctx.as(stranger.token).get(url(appId))).statusCode).toBe(404);
    expect((await ctx.anon.post(url(appId), { stars: 3 })).statusCode).toBe(401);
    const other = await buildPair(ctx);
    const { applicationId } = await hiredApplication(ctx, other);
    const early = await rate(applicationId, other.worker.token, { stars: 3 });
    expect(early.statusCode).toBe(409);
    expect(json<Err>(early).error.message).toBe('完工确认后才能评价');
    expect(await stateOf(applicationId, other.owner.token)).toMatchObject({
      canRate: false,
      blockedReason: '完工确认后才能评价',
    });
  });
});

describe('moderation of comments and the review queue', () => {
  it('masks contact words, flags review words for the console and hides the comment until approved', async () => {
    const pair = await buildPair(ctx, { townCode: TOWNS.zhongdu });
    const appId = await completedApplication(ctx, pair);
    const res = await rate(appId, pair.owner.token, { stars: 2, comment: '说要押金才肯来，加微信联系' });
    expect(res.statusCode).toBe(201);
    const [row] = await db().select().from(ratings).where(eq(ratings.applicationId, appId));
    expect(row).toMatchObject({ reviewStatus: 'flagged', reviewHits: ['押金'] });
    expect(row!.comment).not.toContain('微信');
    await rate(appId, pair.worker.token, { stars: 4 });
    expect(await stateOf(appId, pair.worker.token)).toMatchObject({ theirs: { stars: 2, comment: '' } });

    const reviewer = await staffToken(ctx, { roles: ['reviewer'] });
    const zhaishaReviewer = await staffToken(ctx, { roles: ['reviewer'], regionCode: TOWNS.zhaisha });
    const queue = (token: string) => ctx.as(token).get('/api/v1/admin/ratings');
    const listed = json<{ items: { id: string; hits: string[]; comment: string }[] }>(await queue(reviewer));
    expect(listed.items).toEqual([expect.objectContaining({ id: row!.id, hits: ['押金'] })]);
    expect(json<{ items: unknown[] }>(await queue(zhaishaReviewer)).items).toEqual([]);
    const counts = (token: string) => ctx.as(token).get('/api/v1/admin/dashboard/queues');
    expect(json(await counts(reviewer))).toMatchObject({ flaggedRatings: 1 });
    expect(json(await counts(zhaishaReviewer))).toMatchObject({ flaggedRatings: 0 });

    const review = (token: string, payload: Record<string, unknown>) =>
      ctx.as(token).post(`/api/v1/admin/ratings/${row!.id}/review`, payload);
    expect((await review(zhaishaReviewer, { action: 'approve', reason: '核实无误' })).statusCode).toBe(404);
    const bad = await review(reviewer, { action: 'delete', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'action', message: '处理方式应为 通过/隐藏' })]),
    );
    const ok = await review(reviewer, { action: 'approve', reason: '押金为工具押金，核实无误' });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ reviewStatus: 'approved', reviewReason: '押金为工具押金，核实无误' });
    expect((await review(reviewer, { action: 'hide', reason: '再次处理' })).statusCode).toBe(409);
    expect((await stateOf(appId, pair.worker.token)).theirs?.comment).toContain('押金');
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'rating'), eq(auditLog.entityId, row!.id), eq(auditLog.action, 'approve')));
    expect(audit).toHaveLength(1);
    const agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    expect((await review(agent, { action: 'hide', reason: '无权限' })).statusCode).toBe(403);
  });
});

describe('the rating window', () => {
  it('reveals a lone rating when the window passes (background) and refuses late ratings', async () => {
    const pair = await buildPair(ctx);
    const appId = await completedApplication(ctx, pair);
    expect((await rate(appId, pair.owner.token, { stars: 1, tags: ['迟到早退'] })).statusCode).toBe(201);
    expect(await revealDueRatings({ db: db(), pii: ctx.deps.pii }, ctx.deps.now())).toBe(0);
    expect(await eventsOf(pair.worker.workerId)).toEqual([]);

    ctx.clock.advance(7 * 86_400_000 + 60_000);
    // The hourly schedule (background.ts) reveals it through the durable queue.
    const runner = createJobRunner(ctx.deps);
    await runner.enqueueSchedules();
    while ((await runner.runOnce()) > 0);
    await runner.stop();
    expect((await eventsOf(pair.worker.workerId)).map((e) => [e.kind, e.points])).toEqual([['rating_1', -4]]);
    expect(await revealDueRatings({ db: db(), pii: ctx.deps.pii }, ctx.deps.now())).toBe(0);
    expect(await stateOf(appId, pair.worker.token)).toMatchObject({
      canRate: false,
      blockedReason: '评价期限已过',
      theirs: { stars: 1, tags: ['迟到早退'] },
    });
    const late = await rate(appId, pair.worker.token, { stars: 5 });
    expect(late.statusCode).toBe(409);
    expect(json<Err>(late).error.message).toBe('评价期限已过（完工后7天内可评价）');
    const res = await ctx.as(pair.worker.token).get('/api/v1/app/me/credit');
    expect(json(res)).toMatchObject({
      score: 76,
      level: 'good',
      levelLabel: '信用良好',
      events: [expect.objectContaining({ kind: 'rating_1', kindLabel: '获评1星', points: -4, appealable: true })],
    });
  });
});

describe('late cancellation', () => {
  it('records late_cancel on the side that cancels within 24 hours of the start, not earlier', async () => {
    const pair = await buildPair(ctx);
    const start = new Date(ctx.clock.now.getTime() + 5 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Asia/Shanghai',
    });
    const early = await hiredApplication(ctx, pair, { startDate: start, endDate: start });
    const cancel = (id: string, token: string) =>
      ctx.as(token).post(`/api/v1/app/applications/${id}/cancel`, { reason: '临时有事' });
    expect((await cancel(early.applicationId, pair.worker.token)).statusCode).toBe(200);
    expect(await eventsOf(pair.worker.workerId)).toEqual([]);

    const late = await hiredApplication(ctx, pair, { startDate: start, endDate: start });
    const saved = ctx.clock.now;
    ctx.clock.now = new Date(new Date(`${start}T08:00:00+08:00`).getTime() - 2 * 3_600_000);
    try {
      expect((await cancel(late.applicationId, pair.owner.token)).statusCode).toBe(200);
    } finally {
      ctx.clock.now = saved;
    }
    expect(await eventsOf(pair.worker.workerId)).toEqual([]);
    expect((await eventsOf(pair.employerId)).map((e) => [e.kind, e.points, e.refId])).toEqual([
      ['late_cancel', -5, late.applicationId],
    ]);
  });
});
