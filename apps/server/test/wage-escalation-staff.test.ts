// 工作人员消息 at each step of the 欠薪升级阶梯: the station agents of the job's town at filing, the
// county centre's counter staff at 县中心, the county admins at 劳动保障监察; nobody else. Both sides
// (worker, employer) are told too. The badge counter follows inserts and mark-read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendanceRecords } from '../src/modules/attendance/attendance.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { sweepOverdueWages } from '../src/modules/wages/index.js';
import {
  appUser,
  COUNTY,
  createTestApp,
  json,
  makeEmployer,
  makeStaff,
  makeWorker,
  occupationIdByName,
  postJob,
  TOWNS,
  type TestContext,
} from './support/index.js';

type Msg = { id: string; title: string; body: string; link: string | null; read: boolean };
type Page = { items: Msg[]; total: number; unread: number };

let ctx: TestContext;
const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

describe('staff on duty get a console message at each escalation step', () => {
  it('station → county → inspection reach the right staff only; the badge and mark-read follow', async () => {
    const db = ctx.deps.database.db;
    const owner = await appUser(ctx);
    const employerId = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
    const porter = await occupationIdByName(ctx, '搬运工');
    const jobId = await postJob(ctx, owner.token, employerId, porter, { title: '建材搬运工' });
    const worker = await makeWorker(ctx, { name: '覃秀英', app: true });
    const appId = json<{ id: string }>(await ctx.as(worker.token).post(`/api/v1/app/jobs/${jobId}/apply`)).id;
    await ctx
      .as(owner.token)
      .post(`/api/v1/app/applications/${appId}/hire`, { agreedWageFen: 15_000, payWithinDays: 1 });
    for (const d of [day(1), day(2)])
      await db.insert(attendanceRecords).values({
        applicationId: appId,
        jobId,
        workerId: worker.workerId,
        employerId,
        day: d,
        checkInAt: new Date(`${d}T08:00:00+08:00`),
        checkInMethod: 'qr',
        checkOutAt: new Date(`${d}T17:00:00+08:00`),
        checkOutMethod: 'qr',
      });
    ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
    const s = json<{ id: string }>(
      await ctx.as(owner.token).post(`/api/v1/app/applications/${appId}/wage-statements`, {
        periodStart: day(1),
        periodEnd: day(2),
      }),
    );
    expect((await ctx.as(owner.token).post(`/api/v1/app/wages/${s.id}/issue`)).statusCode).toBe(200);

    const filedAt = new Date(new Date(`${day(3)}T12:00:00+08:00`).getTime() + 4 * 86_400_000);
    const at = (days: number) => new Date(filedAt.getTime() + days * 86_400_000);
    ctx.clock.now = at(12); // staff log in after the ladder's last step (sessions follow the clock)
    const staff = {
      agent: await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu }),
      otherTown: await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha }),
      counter: await makeStaff(ctx, { roles: ['counter_staff'], regionCode: COUNTY }),
      admin: await makeStaff(ctx, { roles: ['admin'], regionCode: COUNTY }),
      supervisor: await makeStaff(ctx, { roles: ['supervisor'], regionCode: COUNTY }),
    };
    const inbox = async (who: keyof typeof staff) =>
      json<Page>(await ctx.as(staff[who].token).get('/api/v1/admin/messages'));
    const titles = async () =>
      Object.fromEntries(
        await Promise.all(
          (Object.keys(staff) as (keyof typeof staff)[]).map(async (k) => [
            k,
            (await inbox(k)).items.map((m) => m.title),
          ]),
        ),
      );
    const userMessages = async () =>
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.refType, 'grievance')))
      ).filter((n) => n.userId === owner.userId || n.userId === worker.userId).length;

    expect((await sweepOverdueWages(db, ctx.deps.pii, filedAt)).filed).toBe(1);
    expect(await titles()).toEqual({
      agent: ['新的欠薪投诉'],
      otherTown: [],
      counter: [],
      admin: [],
      supervisor: [],
    });
    const afterFiling = await userMessages();
    expect(afterFiling).toBe(2); // the worker (filer) and the employer
    const [first] = (await inbox('agent')).items;
    expect(first!.body).toBe(`系统已代工人提交欠薪投诉：${day(1)}至${day(2)}的工资300元，应付日${day(3)}。`);
    expect(first!.link).toMatch(/^\/grievances\?id=[0-9a-f-]{36}$/);

    await sweepOverdueWages(db, ctx.deps.pii, at(3));
    await sweepOverdueWages(db, ctx.deps.pii, at(10));
    await sweepOverdueWages(db, ctx.deps.pii, at(11)); // nothing new: one message per step
    expect(await titles()).toEqual({
      agent: ['新的欠薪投诉'],
      otherTown: [],
      counter: ['欠薪投诉升级'],
      admin: ['欠薪投诉升级'],
      supervisor: [],
    });
    expect((await inbox('admin')).items[0]!.body).toContain('已升级至劳动保障监察');
    expect(await userMessages()).toBe(afterFiling + 4); // both sides at 县中心 and at 劳动保障监察

    // Badge and mark-read.
    const count = async (who: keyof typeof staff) =>
      json<{ unread: number }>(await ctx.as(staff[who].token).get('/api/v1/admin/messages/unread-count')).unread;
    expect(await count('agent')).toBe(1);
    expect((await ctx.as(staff.counter.token).post(`/api/v1/admin/messages/${first!.id}/read`)).statusCode).toBe(404);
    const marked = await ctx.as(staff.agent.token).post(`/api/v1/admin/messages/${first!.id}/read`);
    expect(json(marked)).toEqual({ marked: 1, unread: 0 });
    expect(json(await ctx.as(staff.agent.token).post(`/api/v1/admin/messages/${first!.id}/read`))).toEqual({
      marked: 0,
      unread: 0,
    });
    expect((await inbox('agent')).items[0]!.read).toBe(true);
    expect(await count('counter')).toBe(1);
    expect(json(await ctx.as(staff.counter.token).post('/api/v1/admin/messages/read-all'))).toEqual({
      marked: 1,
      unread: 0,
    });
    const unreadOnly = json<Page>(await ctx.as(staff.admin.token).get('/api/v1/admin/messages?unread=true'));
    expect([unreadOnly.total, unreadOnly.unread]).toEqual([1, 1]);
    const bad = await ctx.as(staff.admin.token).get('/api/v1/admin/messages?unread=maybe');
    expect(bad.statusCode).toBe(400);
    // App users cannot reach the staff inbox.
    expect((await ctx.as(owner.token).get('/api/v1/admin/messages')).statusCode).toBeGreaterThanOrEqual(401);
  });
});
