import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { applicationEvents, applications } from '../src/modules/applications/applications.schema.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { matchmakings } from '../src/modules/services/services.schema.js';
import {
  appUser,
  makeEmployer,
  makeWorker,
  createTestApp,
  json,
  occupationIdByName,
  postJob,
  type TestContext,
  TOWNS,
} from './support/index.js';

type App = {
  id: string;
  status: string;
  workerName: string;
  endedBy: string | null;
  endReason: string | null;
  events: { fromStatus: string | null; toStatus: string; actorSide: string; reason: string | null }[];
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Detail = { contactPhone: string | null; contactPhoneHidden: boolean };

let ctx: TestContext;
let owner: { token: string; userId: string };
let otherOwner: { token: string; userId: string };
let employer: string;
let otherEmployer: string;
let porter: string;
let worker: { token: string; userId: string; workerId: string };
let worker2: { token: string; userId: string; workerId: string };

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  otherOwner = await appUser(ctx);
  employer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name: '中渡建材有限公司' });
  otherEmployer = await makeEmployer(ctx, { ownerUserId: otherOwner.userId, townCode: TOWNS.luzhai });
  porter = await occupationIdByName(ctx, '搬运工');
  worker = await makeWorker(ctx, { app: true, name: '覃秀英', occupationIds: [porter], expectedPayFen: 15_000 });
  worker2 = await makeWorker(ctx, { app: true, name: '韦大山', occupationIds: [porter] });
});
afterAll(async () => ctx?.close());

const apply = (jobId: string, token: string) => ctx.as(token).request('POST', `/api/v1/app/jobs/${jobId}/apply`);
const db = () => ctx.deps.database.db;
const countApps = async () => (await db().select({ n: count() }).from(applications))[0]?.n ?? 0;
const countEvents = async () => (await db().select({ n: count() }).from(applicationEvents))[0]?.n ?? 0;
const countMatch = async (kind: 'apply' | 'invite' | 'hire') =>
  (await db().select({ n: count() }).from(matchmakings).where(eq(matchmakings.kind, kind)))[0]?.n ?? 0;
const jobStatus = async (id: string) =>
  (await db().select({ s: jobPostings.status }).from(jobPostings).where(eq(jobPostings.id, id)))[0]?.s;

describe('applying (报名)', () => {
  it('applies in one tap, records the event and a matchmaking; a second apply is refused and writes nothing', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const before = await countMatch('apply');
    const res = await apply(job, worker.token);
    expect(res.statusCode).toBe(201);
    const app = json<App>(res);
    expect(app).toMatchObject({ status: 'applied', workerName: '覃秀英' });
    expect(app.events).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'applied', actorSide: 'worker' }),
    ]);
    expect(await countMatch('apply')).toBe(before + 1);

    const [apps, events] = [await countApps(), await countEvents()];
    const again = await apply(job, worker.token);
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error).toMatchObject({ code: 'ALREADY_APPLIED', message: '您已报名该岗位，请勿重复报名' });
    expect([await countApps(), await countEvents(), await countMatch('apply')]).toEqual([apps, events, before + 1]);
  });

  it('needs a profile and a published job; a bad id is a Chinese field error', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const draft = await postJob(ctx, owner.token, employer, porter, { submit: false });
    const before = await countApps();
    const nobody = await appUser(ctx);
    const noProfile = await apply(job, nobody.token);
    expect(noProfile.statusCode).toBe(409);
    expect(json<Err>(noProfile).error.code).toBe('PROFILE_REQUIRED');
    const notOpen = await apply(draft, worker.token);
    expect(notOpen.statusCode).toBe(409);
    expect(json<Err>(notOpen).error.message).toBe('该岗位尚未发布，不能报名');
    const bad = await apply('not-a-uuid', worker.token);
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual([expect.objectContaining({ field: 'id', message: 'ID格式不正确' })]);
    expect((await ctx.anon.post(`/api/v1/app/jobs/${job}/apply`)).statusCode).toBe(401);
    expect(await countApps()).toBe(before);
  });

  it('shows the contact phone only to a worker who has applied', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const pub = json<Detail>(await ctx.anon.get(`/api/v1/public/jobs/${job}`));
    expect(pub).toMatchObject({ contactPhone: null, contactPhoneHidden: true });
    const beforeApply = json<Detail>(await ctx.as(worker2.token).request('GET', `/api/v1/app/worker/jobs/${job}`));
    expect(beforeApply).toMatchObject({ contactPhone: null, contactPhoneHidden: true });
    await apply(job, worker2.token);
    const after = json<Detail>(await ctx.as(worker2.token).request('GET', `/api/v1/app/worker/jobs/${job}`));
    expect(after).toMatchObject({ contactPhone: '13977770000', contactPhoneHidden: false });
    const other = json<Detail>(await ctx.as(worker.token).request('GET', `/api/v1/app/worker/jobs/${job}`));
    expect(other.contactPhone).toBeNull();
  });
});

describe('access', () => {
  it("a worker cannot read or act on another worker's application; nothing changes", async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const mine = json<App>(await apply(job, worker.token));
    const list = json<{ items: App[] }>(await ctx.as(worker2.token).request('GET', '/api/v1/app/worker/applications'));
    expect(list.items.map((a) => a.id)).not.toContain(mine.id);
    expect((await ctx.as(worker2.token).request('GET', `/api/v1/app/applications/${mine.id}`)).statusCode).toBe(404);
    const events = await countEvents();
    expect(
      (await ctx.as(worker2.token).request('POST', `/api/v1/app/worker/applications/${mine.id}/withdraw`)).statusCode,
    ).toBe(404);
    expect(
      (
        await ctx
          .as(worker2.token)
          .request('POST', `/api/v1/app/applications/${mine.id}/cancel`, { reason: '不想去了' })
      ).statusCode,
    ).toBe(404);
    expect((await ctx.as(worker2.token).request('POST', `/api/v1/app/applications/${mine.id}/hire`)).statusCode).toBe(
      403,
    );
    expect(await countEvents()).toBe(events);
    expect(json<App>(await ctx.as(worker.token).request('GET', `/api/v1/app/applications/${mine.id}`)).status).toBe(
      'applied',
    );
  });

  it("an employer member sees only its own jobs' applicants, names masked", async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const app = json<App>(await apply(job, worker.token));
    const own = await ctx.as(owner.token).request('GET', `/api/v1/app/jobs/${job}/applications`);
    expect(own.statusCode).toBe(200);
    expect(json<{ items: App[] }>(own).items).toEqual([expect.objectContaining({ id: app.id, workerName: '覃**' })]);
    expect((await ctx.as(otherOwner.token).request('GET', `/api/v1/app/jobs/${job}/applications`)).statusCode).toBe(
      403,
    );
    expect((await ctx.as(otherOwner.token).request('GET', `/api/v1/app/applications/${app.id}`)).statusCode).toBe(404);
    expect((await ctx.as(otherOwner.token).request('POST', `/api/v1/app/applications/${app.id}/hire`)).statusCode).toBe(
      403,
    );
    expect(
      (
        await ctx
          .as(otherOwner.token)
          .request('POST', `/api/v1/app/applications/${app.id}/decline`, { reason: '人已招够' })
      ).statusCode,
    ).toBe(403);
    expect(json<App>(await ctx.as(worker.token).request('GET', `/api/v1/app/applications/${app.id}`)).status).toBe(
      'applied',
    );
    expect(otherEmployer).toBeTruthy();
  });
});

describe('hiring (录用 → 确认 → 取消)', () => {
  it('hire, confirm, cancel by the employer with reason; every step stored with its side', async () => {
    const job = await postJob(ctx, owner.token, employer, porter, { headcount: 2 });
    const app = json<App>(await apply(job, worker.token));
    const hires = await countMatch('hire');
    const hired = await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${app.id}/hire`);
    expect(hired.statusCode).toBe(200);
    expect(json<App>(hired).status).toBe('hired');
    expect(await countMatch('hire')).toBe(hires + 1);
    expect(
      (await ctx.as(worker.token).request('POST', `/api/v1/app/worker/applications/${app.id}/withdraw`)).statusCode,
    ).toBe(409);
    const confirmed = await ctx.as(worker.token).request('POST', `/api/v1/app/worker/applications/${app.id}/confirm`);
    expect(json<App>(confirmed).status).toBe('confirmed');

    const events = await countEvents();
    const noReason = await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${app.id}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    expect(json<Err>(noReason).error.details).toEqual([
      expect.objectContaining({ field: 'reason', message: '请填写原因' }),
    ]);
    const short = await ctx
      .as(owner.token)
      .request('POST', `/api/v1/app/applications/${app.id}/cancel`, { reason: '不' });
    expect(json<Err>(short).error.details).toEqual([
      expect.objectContaining({ field: 'reason', message: '原因至少2个字' }),
    ]);
    expect(await countEvents()).toBe(events);

    const cancelled = json<App>(
      await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${app.id}/cancel`, { reason: '工期推迟' }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', endedBy: 'employer', endReason: '工期推迟' });
    expect(cancelled.events.map((e) => [e.toStatus, e.actorSide])).toEqual([
      ['applied', 'worker'],
      ['hired', 'employer'],
      ['confirmed', 'worker'],
      ['cancelled', 'employer'],
    ]);
  });

  it('decline needs a reason; withdraw; the worker can cancel a hire too', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const a1 = json<App>(await apply(job, worker.token));
    const a2 = json<App>(await apply(job, worker2.token));
    const bad = await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1.id}/decline`, {
      reason: 'x'.repeat(201),
    });
    expect(json<Err>(bad).error.details).toEqual([
      expect.objectContaining({ field: 'reason', message: '原因最多200个字' }),
    ]);
    const declined = json<App>(
      await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1.id}/decline`, { reason: '需要有驾照' }),
    );
    expect(declined).toMatchObject({ status: 'declined', endedBy: 'employer', endReason: '需要有驾照' });
    expect((await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1.id}/hire`)).statusCode).toBe(409);
    await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a2.id}/hire`);
    const byWorker = json<App>(
      await ctx.as(worker2.token).request('POST', `/api/v1/app/applications/${a2.id}/cancel`, { reason: '家里有事' }),
    );
    expect(byWorker).toMatchObject({ status: 'cancelled', endedBy: 'worker' });

    const job2 = await postJob(ctx, owner.token, employer, porter);
    const a3 = json<App>(await apply(job2, worker.token));
    const withdrawn = json<App>(
      await ctx.as(worker.token).request('POST', `/api/v1/app/worker/applications/${a3.id}/withdraw`, {
        reason: '找到别的活了',
      }),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', endedBy: 'worker', endReason: '找到别的活了' });
  });

  it('the last place fills the job; another hire is refused; a cancellation opens it again', async () => {
    const job = await postJob(ctx, owner.token, employer, porter, { headcount: 1 });
    const a1 = json<App>(await apply(job, worker.token));
    const a2 = json<App>(await apply(job, worker2.token));
    await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a1.id}/hire`);
    expect(await jobStatus(job)).toBe('filled');
    const full = await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a2.id}/hire`);
    expect(full.statusCode).toBe(409);
    expect(json<Err>(full).error).toMatchObject({ code: 'JOB_FULL', message: '该岗位已招满（1人）' });
    expect(json<App>(await ctx.as(owner.token).request('GET', `/api/v1/app/applications/${a2.id}`)).status).toBe(
      'applied',
    );
    await ctx.as(worker.token).request('POST', `/api/v1/app/applications/${a1.id}/cancel`, { reason: '身体不适' });
    expect(await jobStatus(job)).toBe('published');
    expect(json<App>(await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${a2.id}/hire`)).status).toBe(
      'hired',
    );
  });
});

describe('invitations (查找雇员 → 邀请)', () => {
  it('the employer invites; the worker accepts (then can be hired) or declines', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const invites = await countMatch('invite');
    const res = await ctx
      .as(owner.token)
      .request('POST', `/api/v1/app/jobs/${job}/invitations`, { workerId: worker.workerId });
    expect(res.statusCode).toBe(201);
    const inv = json<App>(res);
    expect(inv).toMatchObject({ status: 'invited', workerName: '覃**' });
    expect(await countMatch('invite')).toBe(invites + 1);
    const twice = await ctx.as(owner.token).request('POST', `/api/v1/app/jobs/${job}/invitations`, {
      workerId: worker.workerId,
    });
    expect(json<Err>(twice).error).toMatchObject({ code: 'ALREADY_APPLIED', message: '该工人已报名或已被邀请' });
    const applyInstead = await apply(job, worker.token);
    expect(json<Err>(applyInstead).error.message).toBe('用工单位已邀请您，请在“我的报名”中接受邀请');
    expect(
      (await ctx.as(worker.token).request('GET', `/api/v1/app/worker/jobs/${job}`)).json<Detail>().contactPhone,
    ).toBeNull();
    expect(
      json<App>(await ctx.as(worker.token).request('POST', `/api/v1/app/worker/applications/${inv.id}/accept`)).status,
    ).toBe('applied');
    expect(json<App>(await ctx.as(owner.token).request('POST', `/api/v1/app/applications/${inv.id}/hire`)).status).toBe(
      'hired',
    );

    const inv2 = json<App>(
      await ctx.as(owner.token).request('POST', `/api/v1/app/jobs/${job}/invitations`, { workerId: worker2.workerId }),
    );
    const rejected = json<App>(
      await ctx
        .as(worker2.token)
        .request('POST', `/api/v1/app/worker/applications/${inv2.id}/reject`, { reason: '太远了' }),
    );
    expect(rejected).toMatchObject({ status: 'declined', endedBy: 'worker', endReason: '太远了' });
  });

  it('refuses strangers, unknown workers and bad ids; nothing is written', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const before = await countApps();
    expect(
      (
        await ctx
          .as(otherOwner.token)
          .request('POST', `/api/v1/app/jobs/${job}/invitations`, { workerId: worker.workerId })
      ).statusCode,
    ).toBe(403);
    const unknown = await ctx.as(owner.token).request('POST', `/api/v1/app/jobs/${job}/invitations`, {
      workerId: crypto.randomUUID(),
    });
    expect(json<Err>(unknown).error.details).toEqual([{ field: 'workerId', message: '工人不存在' }]);
    const bad = await ctx.as(owner.token).request('POST', `/api/v1/app/jobs/${job}/invitations`, { workerId: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual([
      expect.objectContaining({ field: 'workerId', message: '请选择要邀请的工人' }),
    ]);
    expect(await countApps()).toBe(before);
  });
});

describe('recommendations both ways', () => {
  it('recommends jobs to a worker with Chinese reasons, best match first', async () => {
    const cleaner = await occupationIdByName(ctx, '保洁员');
    const near = await postJob(ctx, owner.token, employer, porter, { title: '中渡搬运工', wageMaxFen: 20_000 });
    const other = await postJob(ctx, owner.token, employer, cleaner, {
      title: '保洁阿姨',
      townCode: TOWNS.luzhai,
      lng: 109.75,
      lat: 24.47,
    });
    const fresh = await makeWorker(ctx, { app: true, occupationIds: [porter], expectedPayFen: 15_000 });
    const res = await ctx.as(fresh.token).request('GET', '/api/v1/app/worker/recommended-jobs?limit=50');
    expect(res.statusCode).toBe(200);
    const items = json<{
      items: { jobId: string; reasons: string[]; reasonText: string; score: number; applied: boolean }[];
    }>(res).items;
    const top = items.find((i) => i.jobId === near);
    expect(top?.reasons).toEqual(expect.arrayContaining(['工种匹配', '期望薪资相符']));
    expect(top?.reasonText).toMatch(/^工种匹配 · 距离\d+(\.\d)?公里/);
    const low = items.find((i) => i.jobId === other);
    expect(low === undefined || low.score < (top?.score ?? 0)).toBe(true);
    const bad = await ctx.as(fresh.token).request('GET', '/api/v1/app/worker/recommended-jobs?limit=0');
    expect(json<Err>(bad).error.details).toEqual([expect.objectContaining({ field: 'limit', message: '数量至少为1' })]);
    const nobody = await appUser(ctx);
    expect(json<Err>(await ctx.as(nobody.token).request('GET', '/api/v1/app/worker/recommended-jobs')).error.code).toBe(
      'PROFILE_REQUIRED',
    );
  });

  it('recommends workers for a job to its employer only, names masked', async () => {
    const job = await postJob(ctx, owner.token, employer, porter);
    const res = await ctx.as(owner.token).request('GET', `/api/v1/app/jobs/${job}/recommended-workers`);
    expect(res.statusCode).toBe(200);
    const items = json<{
      items: { workerId: string; maskedName: string; reasons: string[]; applicationStatus: string | null }[];
    }>(res).items;
    const first = items.find((i) => i.workerId === worker.workerId);
    expect(first).toMatchObject({ maskedName: '覃**', applicationStatus: null });
    expect(first?.reasons).toContain('工种匹配');
    expect(JSON.stringify(items)).not.toContain('覃秀英');
    expect(
      (await ctx.as(otherOwner.token).request('GET', `/api/v1/app/jobs/${job}/recommended-workers`)).statusCode,
    ).toBe(403);
    expect((await ctx.as(worker.token).request('GET', `/api/v1/app/jobs/${job}/recommended-workers`)).statusCode).toBe(
      403,
    );
  });
});
