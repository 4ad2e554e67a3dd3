import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { backgroundJobs, notifications } from '../src/db/schema.js';
import { createJobRunner } from '../src/background.js';
import { sendShiftReminders, shanghaiDate } from '../src/modules/applications/index.js';
import { JobRunner } from '../src/platform/queue/index.js';
import {
  appUser,
  makeEmployer,
  makeWorker,
  createTestApp,
  json,
  messagesOf,
  occupationIdByName,
  phoneOf,
  postJob,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Msg = { id: string; kind: string; title: string; body: string; link: string | null; read: boolean };
type MsgPage = { items: Msg[]; total: number; page: number; pageSize: number; unread: number };
type Err = { error: { code: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let owner: { token: string; userId: string };
let employer: string;
let porter: string;
let worker: { token: string; userId: string; workerId: string };
let worker2: { token: string; userId: string; workerId: string };

const db = () => ctx.deps.database.db;
const smsJobCount = async () =>
  (await db().select({ n: count() }).from(backgroundJobs).where(eq(backgroundJobs.kind, 'sms.send')))[0]?.n ?? 0;
const messageCount = async () => (await db().select({ n: count() }).from(notifications))[0]?.n ?? 0;
const applyTo = async (jobId: string, token: string) =>
  json<{ id: string }>(await ctx.as(token).request('POST', `/api/v1/app/jobs/${jobId}/apply`)).id;

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  employer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name: '中渡建材有限公司' });
  porter = await occupationIdByName(ctx, '搬运工');
  worker = await makeWorker(ctx, { app: true, name: '覃秀英', occupationIds: [porter] });
  worker2 = await makeWorker(ctx, { app: true, name: '韦大山', occupationIds: [porter] });
});
afterAll(async () => ctx?.close());

describe('application events reach the other side', () => {
  it('a new application tells the employer members (no SMS); an invitation tells the worker with an SMS', async () => {
    const job = await postJob(ctx, owner.token, employer, porter, { title: '建材搬运工' });
    const sms = await smsJobCount();
    await applyTo(job, worker.token);
    const ownerMsgs = await messagesOf(ctx, owner.userId);
    expect(ownerMsgs.at(-1)).toMatchObject({
      kind: 'application',
      title: '新的报名',
      link: `/employer/jobs/${job}/applicants`,
      smsQueued: 'no',
    });
    expect(ownerMsgs.at(-1)?.body).toContain('“建材搬运工”');
    expect(await smsJobCount()).toBe(sms);

    const invite = await ctx.as(owner.token).request('POST', `/api/v1/app/jobs/${job}/invitations`, {
      workerId: worker2.workerId,
    });
    expect(invite.statusCode).toBe(201);
    const [invited] = (await messagesOf(ctx, worker2.userId)).filter((m) => m.kind === 'invited');
    expect(invited).toMatchObject({ title: '用工邀请', link: '/me/applications', smsQueued: 'yes' });
    expect(invited?.body).toContain('中渡建材有限公司');
    const queued = await db()
      .select()
      .from(backgroundJobs)
      .where(eq(backgroundJobs.dedupeKey, `notify:${invited!.id}`));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toMatchObject({ template: 'notice' });
    expect(JSON.stringify(queued[0]!.payload)).not.toContain(await phoneOf(ctx, worker2.userId));
  });

  it('hire (SMS), decline, withdraw and cancel each notify the other side; a refused transition sends nothing', async () => {
    const job = await postJob(ctx, owner.token, employer, porter, { title: '仓库装卸工', headcount: 5 });
    const a1 = await applyTo(job, worker.token);
    const a2 = await applyTo(job, worker2.token);
    expect((await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1}/hire`)).statusCode).toBe(200);
    const hired = (await messagesOf(ctx, worker.userId)).filter((m) => m.kind === 'hired');
    expect(hired).toHaveLength(1);
    expect(hired[0]).toMatchObject({ title: '您已被录用', smsQueued: 'yes' });

    const [before, sms] = [await messageCount(), await smsJobCount()];
    expect((await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1}/hire`)).statusCode).toBe(409);
    expect([await messageCount(), await smsJobCount()]).toEqual([before, sms]);

    expect(
      (await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a2}/decline`, { reason: '人已招够' }))
        .statusCode,
    ).toBe(200);
    expect((await messagesOf(ctx, worker2.userId)).at(-1)).toMatchObject({
      kind: 'application_update',
      title: '未被录用',
    });
    expect((await messagesOf(ctx, worker2.userId)).at(-1)?.body).toContain('原因：人已招够');

    const cancel = await ctx
      .as(worker.token)
      .request('POST', `/api/v1/app/applications/${a1}/cancel`, { reason: '家里有事' });
    expect(cancel.statusCode).toBe(200);
    expect((await messagesOf(ctx, owner.userId)).at(-1)).toMatchObject({
      kind: 'application_update',
      title: '求职者取消',
    });

    const job2 = await postJob(ctx, owner.token, employer, porter, { title: '水泥搬运' });
    const a3 = await applyTo(job2, worker.token);
    expect(
      (await ctx.as(worker.token).request('POST', `/api/v1/app/worker/applications/${a3}/withdraw`)).statusCode,
    ).toBe(200);
    expect((await messagesOf(ctx, owner.userId)).at(-1)).toMatchObject({
      kind: 'application_update',
      title: '报名已撤回',
    });
  });
});

describe("message centre API: only ever the caller's own messages", () => {
  it('lists paged with the unread count, marks one and all read', async () => {
    const all = json<MsgPage>(await ctx.as(worker.token).request('GET', '/api/v1/app/messages?pageSize=2'));
    const mine = await messagesOf(ctx, worker.userId);
    expect(all.total).toBe(mine.length);
    expect(all.items).toHaveLength(2);
    expect(all.unread).toBe(mine.length);
    expect(
      json<{ unread: number }>(await ctx.as(worker.token).request('GET', '/api/v1/app/messages/unread-count')).unread,
    ).toBe(mine.length);
    const page2 = json<MsgPage>(await ctx.as(worker.token).request('GET', '/api/v1/app/messages?pageSize=2&page=2'));
    expect(page2.items.map((m) => m.id)).not.toContain(all.items[0]!.id);

    const read = await ctx.as(worker.token).request('POST', `/api/v1/app/messages/${all.items[0]!.id}/read`);
    expect(json(read)).toEqual({ marked: 1, unread: mine.length - 1 });
    expect(json(await ctx.as(worker.token).request('POST', `/api/v1/app/messages/${all.items[0]!.id}/read`))).toEqual({
      marked: 0,
      unread: mine.length - 1,
    });
    const unreadOnly = json<MsgPage>(
      await ctx.as(worker.token).request('GET', '/api/v1/app/messages?unread=true&pageSize=50'),
    );
    expect(unreadOnly.items.every((m) => !m.read)).toBe(true);
    expect(unreadOnly.total).toBe(mine.length - 1);

    expect(json(await ctx.as(worker.token).request('POST', '/api/v1/app/messages/read-all'))).toEqual({
      marked: mine.length - 1,
      unread: 0,
    });
    expect(
      json<{ unread: number }>(await ctx.as(worker.token).request('GET', '/api/v1/app/messages/unread-count')).unread,
    ).toBe(0);
  });

  it("never lists, counts or marks another user's messages", async () => {
    const ownerMsgs = await messagesOf(ctx, owner.userId);
    const ownerUnread = ownerMsgs.filter((m) => !m.readAt).length;
    expect(ownerUnread).toBeGreaterThan(0);
    const list = json<MsgPage>(await ctx.as(worker2.token).request('GET', '/api/v1/app/messages?pageSize=200'));
    const ownerIds = new Set(ownerMsgs.map((m) => m.id));
    expect(list.items.some((m) => ownerIds.has(m.id))).toBe(false);
    const foreign = await ctx.as(worker2.token).request('POST', `/api/v1/app/messages/${ownerMsgs[0]!.id}/read`);
    expect(foreign.statusCode).toBe(404);
    await ctx.as(worker2.token).request('POST', '/api/v1/app/messages/read-all');
    expect((await messagesOf(ctx, owner.userId)).filter((m) => !m.readAt)).toHaveLength(ownerUnread);
  });

  it('rejects bad input with Chinese field messages and requires a login', async () => {
    const bad = await ctx.as(worker.token).request('POST', '/api/v1/app/messages/not-a-uuid/read');
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual([
      expect.objectContaining({ field: 'id', message: '消息ID格式不正确' }),
    ]);
    const badPage = await ctx.as(worker.token).request('GET', '/api/v1/app/messages?pageSize=500&unread=maybe');
    expect(json<Err>(badPage).error.details).toEqual(
      expect.arrayContaining([
        { field: 'pageSize', message: '每页条数最多200' },
        { field: 'unread', message: '未读筛选应为 true/false' },
      ]),
    );
    expect((await ctx.anon.get('/api/v1/app/messages')).statusCode).toBe(401);
  });
});

describe('shift reminder the day before (Asia/Shanghai)', () => {
  let phone = '';
  let appId = '';

  it('reminds hired workers of a job starting tomorrow once per application and date', async () => {
    const reminded = await makeWorker(ctx, { app: true, name: '黄明日', occupationIds: [porter] });
    phone = await phoneOf(ctx, reminded.userId);
    const tomorrow = shanghaiDate(ctx.clock.now, 1);
    const job = await postJob(ctx, owner.token, employer, porter, {
      title: '明日开工的搬运',
      startDate: tomorrow,
      endDate: tomorrow,
      workHours: '07:30-17:00',
    });
    const later = await postJob(ctx, owner.token, employer, porter, {
      title: '后天开工',
      startDate: shanghaiDate(ctx.clock.now, 2),
      endDate: shanghaiDate(ctx.clock.now, 3),
    });
    appId = await applyTo(job, reminded.token);
    const notHired = await applyTo(job, worker2.token);
    const laterApp = await applyTo(later, reminded.token);
    await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${appId}/hire`);
    await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${laterApp}/hire`);
    await ctx.as(reminded.token).request('POST', `/api/v1/app/worker/applications/${appId}/confirm`);

    expect(await sendShiftReminders(db(), ctx.clock.now)).toBe(1);
    expect(await sendShiftReminders(db(), ctx.clock.now)).toBe(0);
    const reminders = await db().select().from(notifications).where(eq(notifications.kind, 'shift_reminder'));
    expect(reminders.map((r) => r.refId)).toEqual([appId]);
    expect(reminders.map((r) => r.refId)).not.toContain(notHired);
    expect(reminders[0]).toMatchObject({
      userId: reminded.userId,
      title: '明日开工提醒',
      smsQueued: 'yes',
      dedupeKey: `shift:${appId}:${tomorrow}`,
    });
    expect(reminders[0]!.body).toContain('07:30-17:00');
  });

  it('nothing is lost by a restart: runner 1 enqueues and stops, runner 2 delivers the SMS', async () => {
    const db0 = db();
    await db0.delete(notifications).where(eq(notifications.kind, 'shift_reminder'));
    const before = ctx.sms.latest(phone);
    // Runner 1 only runs the reminder schedule, then the process "stops".
    const runner1 = createJobRunner(ctx.deps);
    await runner1.enqueueSchedules();
    await runner1.runOnce();
    await runner1.stop();
    const [reminder] = await db0.select().from(notifications).where(eq(notifications.kind, 'shift_reminder'));
    expect(reminder).toBeDefined();
    const [queued] = await db0
      .select()
      .from(backgroundJobs)
      .where(eq(backgroundJobs.dedupeKey, `notify:${reminder!.id}`));
    expect(queued).toMatchObject({ state: 'queued' });
    expect(ctx.sms.latest(phone)).toBe(before);

    // notify() stamps the SMS job with the wall clock; the runner's clock moves past it.
    ctx.clock.now = new Date(Date.now() + 1000);
    const runner2 = createJobRunner(ctx.deps);
    while ((await runner2.runOnce()) > 0);
    const sent = ctx.sms.latest(phone, 'notice');
    expect(sent?.text).toContain('明日开工的搬运');
    expect((await db0.select().from(backgroundJobs).where(eq(backgroundJobs.id, queued!.id)))[0]).toMatchObject({
      state: 'done',
    });
  });

  it('a runner that dies while sending leaves the SMS to the next runner after its lease', async () => {
    const db0 = db();
    const [reminder] = await db0.select().from(notifications).where(eq(notifications.kind, 'shift_reminder'));
    await db0.delete(notifications).where(eq(notifications.id, reminder!.id));
    await sendShiftReminders(db0, ctx.clock.now);
    ctx.clock.now = new Date(Date.now() + 1000);
    const [again] = await db0
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'shift_reminder'), eq(notifications.refId, appId)));
    const key = `notify:${again!.id}`;
    // Runner 1 claims the SMS job and hangs in the provider call: the process dies mid-send.
    const dying = new JobRunner(db0, { now: () => ctx.clock.now, leaseMs: 60_000 }).register(
      'sms.send',
      () => new Promise<void>(() => {}),
    );
    void dying.runOnce();
    for (let i = 0; i < 200; i++) {
      const [job] = await db0
        .select({ state: backgroundJobs.state })
        .from(backgroundJobs)
        .where(eq(backgroundJobs.dedupeKey, key));
      if (job?.state === 'running') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await db0.select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, key)))[0]).toMatchObject({
      state: 'running',
      attempts: 1,
    });
    const fresh = createJobRunner(ctx.deps);
    expect(await fresh.runOnce()).toBe(0);
    ctx.clock.advance(61_000);
    const sentBefore = ctx.sms.latest(phone)?.providerMessageId;
    expect(await fresh.runOnce()).toBeGreaterThanOrEqual(1);
    expect(ctx.sms.latest(phone)?.providerMessageId).not.toBe(sentBefore);
    expect((await db0.select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, key)))[0]).toMatchObject({
      state: 'done',
      attempts: 2,
    });
  });
});
