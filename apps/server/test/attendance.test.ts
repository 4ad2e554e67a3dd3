import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { applications } from '../src/modules/applications/applications.schema.js';
import { agreements } from '../src/modules/agreements/agreements.schema.js';
import { attendanceRecords, completions } from '../src/modules/attendance/attendance.schema.js';
import { creditEvents } from '../src/modules/credit/credit.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  type Gig,
  type GigUser,
  makeWorker,
  hiredGig,
  json,
  signAs,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Summary = {
  status: string;
  days: {
    day: string;
    checkInMethod: string;
    checkInDistanceM: number | null;
    checkOutAt: string | null;
    minutes: number | null;
  }[];
  totalMinutes: number;
  totalHours: number;
  onDuty: boolean;
  noShowAfter: string | null;
  completion: { amountDueFen: number | null; amountDueYuan: string | null } | null;
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Qr = { url: string; token: string; pngDataUrl: string; windowSeconds: number };

let ctx: TestContext;
let gig: Gig;
let otherWorker: GigUser;
let otherOwner: GigUser;

const NEAR = { lng: 109.62, lat: 24.782 }; // about 220 m from the job's point
const FAR = { lng: 109.62, lat: 24.8 }; // about 2.2 km away

beforeAll(async () => {
  ctx = await createTestApp();
  gig = await hiredGig(ctx, { workerName: '覃秀英' });
  otherWorker = await makeWorker(ctx, { name: '韦大山', app: true });
  otherOwner = await appUser(ctx);
  await makeEmployer(ctx, { ownerUserId: otherOwner.userId, townCode: TOWNS.luzhai, name: '鹿寨别家公司' });
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const at = (date: string, time: string) => {
  ctx.clock.now = new Date(`${date}T${time}:00+08:00`);
};
const post = (appId: string, action: string, token: string, payload?: Record<string, unknown>) =>
  ctx.as(token).post(`/api/v1/app/applications/${appId}/${action}`, payload);
const summary = (appId: string, token: string) => ctx.as(token).get(`/api/v1/app/applications/${appId}/attendance`);
const qr = (jobId: string, token: string) => ctx.as(token).get(`/api/v1/app/jobs/${jobId}/checkin-qr`);
const appStatus = async (id: string) =>
  (await db().select({ s: applications.status }).from(applications).where(eq(applications.id, id)))[0]?.s;
const records = async (id: string) =>
  (await db().select({ n: count() }).from(attendanceRecords).where(eq(attendanceRecords.applicationId, id)))[0]?.n ?? 0;
const credits = async (id: string, kind: 'completed' | 'no_show') =>
  db()
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.refId, id), eq(creditEvents.kind, kind)));
const noteOf = async (userId: string, kind: 'completed' | 'no_show') =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('check-in by location', () => {
  it('refuses before the start date and outside the radius (with the distance), changing nothing', async () => {
    at(gig.startDate, '00:00');
    ctx.clock.advance(-60_000);
    const early = await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', ...NEAR });
    expect(early.statusCode).toBe(409);
    expect(json<Err>(early).error.message).toBe(`该岗位${gig.startDate}开工，开工当天才能签到`);

    at(gig.startDate, '07:50');
    const far = await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', ...FAR });
    expect(far.statusCode).toBe(400);
    const detail = json<Err>(far).error.details?.[0];
    expect(detail?.field).toBe('lat');
    expect(detail?.message).toMatch(/^您距离工作地点约2\.2公里，超出签到范围（500米）/);
    const badBody = await post(gig.appId, 'check-in', gig.worker.token, { method: 'walk', lat: 100 });
    expect(badBody.statusCode).toBe(400);
    const badLat = await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', lng: 109.62, lat: 100 });
    expect(json<Err>(badLat).error.details).toEqual([{ field: 'lat', message: '纬度超出范围' }]);
    expect([await appStatus(gig.appId), await records(gig.appId)]).toEqual(['hired', 0]);
  });

  it('checks in within the radius (application → working), once a day, and counts hours per day and in total', async () => {
    at(gig.startDate, '07:55');
    const res = await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', ...NEAR });
    expect(res.statusCode).toBe(200);
    const s = json<Summary>(res);
    expect(s).toMatchObject({ status: 'working', onDuty: true, totalMinutes: 0 });
    expect(s.days[0]!.checkInDistanceM).toBeGreaterThan(200);
    expect(s.days[0]!.checkInDistanceM).toBeLessThan(240);
    const twice = await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', ...NEAR });
    expect(json<Err>(twice).error.message).toBe('您今天已经签到过了');

    at(gig.startDate, '17:25');
    const out = json<Summary>(await post(gig.appId, 'check-out', gig.worker.token, { method: 'location', ...NEAR }));
    expect(out).toMatchObject({ onDuty: false, totalMinutes: 570, totalHours: 9.5 });
    expect(
      json<Err>(await post(gig.appId, 'check-out', gig.worker.token, { method: 'location', ...NEAR })).error.code,
    ).toBe('INVALID_STATE');

    const day2 = nextDay(gig.startDate);
    at(day2, '08:00');
    expect((await post(gig.appId, 'check-in', gig.worker.token, { method: 'location', ...NEAR })).statusCode).toBe(200);
    at(day2, '12:00');
    const two = json<Summary>(await post(gig.appId, 'check-out', gig.worker.token, { method: 'location', ...NEAR }));
    expect(two.days.map((d) => [d.day, d.minutes])).toEqual([
      [gig.startDate, 570],
      [day2, 240],
    ]);
    expect(two).toMatchObject({ totalMinutes: 810, totalHours: 13.5 });
    expect(json<Summary>(await summary(gig.appId, gig.owner.token)).totalMinutes).toBe(810);
  });

  it('hides attendance from another worker and another employer (404); only the worker checks in', async () => {
    for (const token of [otherWorker.token, otherOwner.token])
      expect((await summary(gig.appId, token)).statusCode).toBe(404);
    const before = await records(gig.appId);
    for (const token of [otherWorker.token, otherOwner.token, gig.owner.token]) {
      expect((await post(gig.appId, 'check-in', token, { method: 'location', ...NEAR })).statusCode).toBe(404);
    }
    expect(await records(gig.appId)).toBe(before);
  });
});

describe('check-in by the employer QR', () => {
  it('shows the rotating QR only to the employer, and accepts the current or previous window only', async () => {
    const g = await hiredGig(ctx, { owner: gig.owner, employerId: gig.employerId, workerName: '黄德明' });
    at(g.startDate, '08:00');
    for (const token of [otherOwner.token, g.worker.token]) expect((await qr(g.jobId, token)).statusCode).toBe(404);
    const shown = json<Qr>(await qr(g.jobId, gig.owner.token));
    expect(shown.url).toBe(`/checkin?job=${g.jobId}&t=${shown.token}`);
    expect(shown.pngDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(shown.windowSeconds).toBe(60);

    ctx.clock.advance(150_000);
    const stale = await post(g.appId, 'check-in', g.worker.token, { method: 'qr', token: shown.token });
    expect(stale.statusCode).toBe(400);
    expect(json<Err>(stale).error.details?.[0]?.field).toBe('token');
    expect(await records(g.appId)).toBe(0);

    const fresh = json<Qr>(await qr(g.jobId, gig.owner.token));
    ctx.clock.advance(60_000);
    const ok = await post(g.appId, 'check-in', g.worker.token, { method: 'qr', token: fresh.token });
    expect(ok.statusCode).toBe(200);
    expect(json<Summary>(ok).days[0]).toMatchObject({ checkInMethod: 'qr', checkInDistanceM: null });

    const otherJob = await hiredGig(ctx, { owner: otherOwner, workerName: '蓝小妹' });
    const foreign = json<Qr>(await qr(otherJob.jobId, otherOwner.token));
    const wrongJob = await post(g.appId, 'check-out', g.worker.token, { method: 'qr', token: foreign.token });
    expect(json<Err>(wrongJob).error.details?.[0]?.field).toBe('token');
  });
});

describe('no-show', () => {
  it('is refused before start + grace and by others; afterwards it records the credit event, tells the worker and ends the agreement', async () => {
    const g = await hiredGig(ctx, { owner: gig.owner, employerId: gig.employerId, workerName: '潘老三' });
    at(g.startDate, '08:29');
    const early = await post(g.appId, 'no-show', gig.owner.token, { reason: '没来' });
    expect(early.statusCode).toBe(409);
    expect(json<Err>(early).error.message).toBe(`开工后宽限时间内不能标记未到岗，请在${g.startDate} 08:30之后再操作`);
    at(g.startDate, '08:31');
    for (const token of [otherOwner.token, g.worker.token])
      expect((await post(g.appId, 'no-show', token, { reason: '没来' })).statusCode).toBe(404);
    expect([await appStatus(g.appId), (await credits(g.appId, 'no_show')).length]).toEqual(['hired', 0]);

    const res = await post(g.appId, 'no-show', gig.owner.token, { reason: '电话联系不上' });
    expect(res.statusCode).toBe(200);
    expect(json<Summary>(res).status).toBe('no_show');
    expect(await credits(g.appId, 'no_show')).toHaveLength(1);
    expect(await noteOf(g.worker.userId, 'no_show')).toHaveLength(1);
    expect(
      (await db().select({ s: agreements.status }).from(agreements).where(eq(agreements.applicationId, g.appId)))[0]?.s,
    ).toBe('terminated');
    expect(json<Err>(await post(g.appId, 'check-in', g.worker.token, { method: 'location', ...NEAR })).error.code).toBe(
      'INVALID_STATE',
    );
  });
});

describe('no-show frees the place', () => {
  it('a filled one-person job opens again for a replacement', async () => {
    const g = await hiredGig(ctx, {
      owner: gig.owner,
      employerId: gig.employerId,
      workerName: '黄小妹',
      jobOverrides: { title: '仓库理货1名', headcount: 1 },
    });
    const jobRow = async () =>
      (
        await db()
          .select({ s: jobPostings.status, start: jobPostings.startDate })
          .from(jobPostings)
          .where(eq(jobPostings.id, g.jobId))
      )[0]!;
    const jobStatus = async () => (await jobRow()).s;
    expect(await jobStatus()).toBe('filled');
    at((await jobRow()).start, '09:00');
    expect((await post(g.appId, 'no-show', gig.owner.token, { reason: '没有来' })).statusCode).toBe(200);
    expect(await jobStatus()).toBe('published');
  });
});

describe('completion', () => {
  it('refuses a typed amount, others and unstarted work, then completes with credit, SMS notice and a fulfilled agreement', async () => {
    const g = await hiredGig(ctx, { owner: gig.owner, employerId: gig.employerId, workerName: '莫小红' });
    const ag = json<{ textHash: string }>(
      await ctx.as(g.worker.token).get(`/api/v1/app/applications/${g.appId}/agreement`),
    );
    at(g.startDate, '07:00');
    expect((await signAs(ctx, g.worker, g.appId, ag.textHash)).statusCode).toBe(200);
    expect((await signAs(ctx, g.owner, g.appId, ag.textHash)).statusCode).toBe(200);

    const notStarted = await post(g.appId, 'complete', g.owner.token, {});
    expect(json<Err>(notStarted).error.message).toBe('工人签到开工后才能确认完工');
    at(g.startDate, '08:00');
    await post(g.appId, 'check-in', g.worker.token, { method: 'location', ...NEAR });
    at(g.startDate, '16:00');
    await post(g.appId, 'check-out', g.worker.token, { method: 'location', ...NEAR });

    // Completion takes no amount any more (the wage statement says what is owed): an old client
    // sending one is told where to go instead, and nothing changes.
    for (const amountYuan of [350.5, 0, '一百']) {
      const bad = await post(g.appId, 'complete', g.owner.token, { amountYuan });
      expect(bad.statusCode).toBe(400);
      expect(json<Err>(bad).error.details).toEqual([
        { field: 'amountYuan', message: '完工确认不再填写应付金额，请在“待结算”中出具工资单' },
      ]);
    }
    const longNote = await post(g.appId, 'complete', g.owner.token, { note: '长'.repeat(201) });
    expect(json<Err>(longNote).error.details).toEqual([{ field: 'note', message: '备注最多200个字' }]);
    for (const token of [otherOwner.token, g.worker.token])
      expect((await post(g.appId, 'complete', token, {})).statusCode).toBe(404);
    const countDone = async () =>
      (await db().select({ n: count() }).from(completions).where(eq(completions.applicationId, g.appId)))[0]?.n ?? 0;
    expect([await appStatus(g.appId), await countDone(), (await credits(g.appId, 'completed')).length]).toEqual([
      'working',
      0,
      0,
    ]);

    const done = await post(g.appId, 'complete', g.owner.token, { note: '含加班' });
    expect(done.statusCode).toBe(200);
    expect(json<Summary>(done)).toMatchObject({
      status: 'completed',
      totalMinutes: 480,
      completion: { amountDueFen: null, amountDueYuan: null },
    });
    expect((await db().select().from(completions).where(eq(completions.applicationId, g.appId)))[0]).toMatchObject({
      amountDueFen: null,
      note: '含加班',
    });
    expect(await credits(g.appId, 'completed')).toHaveLength(1);
    const [note] = await noteOf(g.worker.userId, 'completed');
    expect(note).toMatchObject({ smsQueued: 'yes' });
    expect(note!.body).toContain('工资以用工方出具的工资单为准');
    expect(note!.body).not.toContain('元');
    expect(
      (await db().select({ s: agreements.status }).from(agreements).where(eq(agreements.applicationId, g.appId)))[0]?.s,
    ).toBe('fulfilled');
    expect(json<Err>(await post(g.appId, 'complete', g.owner.token, {})).error.code).toBe('INVALID_STATE');
    expect(await countDone()).toBe(1);
  });
});
