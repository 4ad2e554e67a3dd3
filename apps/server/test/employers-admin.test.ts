import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeUscc, makeUsccBody } from '@lingong/contracts';
import { employerMembers, employers } from '../src/modules/employers/employers.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  jobBody,
  json,
  loginPhone,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
let county: string;
let zhongduAgent: string;
let zhongduCounter: string;
let supervisor: string;
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Summary = { id: string; name: string; verificationStatus: string; townName: string; contactPhone: string | null };
type Page = { items: Summary[]; total: number };

const counterBody = (seed: number, over: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  name: `鹿寨县窗口登记建筑队${seed}`,
  uscc: makeUscc(makeUsccBody({ regionCode: '450223', seed: 70_000_000 + seed })),
  townCode: TOWNS.zhongdu,
  address: '中渡镇新街8号',
  contactName: '覃师傅',
  contactPhone: '13912340000',
  ownerPhone: `136${String(10_000_000 + seed).slice(-8)}`,
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  county = await staffToken(ctx, { roles: ['admin'] });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  zhongduCounter = await staffToken(ctx, { roles: ['counter_staff'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

const countEmployers = async () => (await ctx.deps.database.db.select({ n: count() }).from(employers))[0]?.n ?? 0;

describe('admin employer list (雇主管理)', () => {
  it('searches by name, kind, status and town, and scopes a 中渡镇 agent to 中渡镇', async () => {
    const owner = await appUser(ctx);
    await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name: '中渡搜索测试砖厂' });
    await makeEmployer(ctx, {
      ownerUserId: owner.userId,
      townCode: TOWNS.zhaisha,
      name: '寨沙搜索测试砖厂',
      status: 'pending',
    });
    const all = json<Page>(await ctx.as(county).get('/api/v1/admin/employers?q=搜索测试砖厂'));
    expect(all.items.map((e) => e.name).sort()).toEqual(['中渡搜索测试砖厂', '寨沙搜索测试砖厂']);
    const pending = json<Page>(
      await ctx.as(county).get('/api/v1/admin/employers?q=搜索测试&status=pending&kind=enterprise'),
    );
    expect(pending.items.map((e) => e.name)).toEqual(['寨沙搜索测试砖厂']);
    const agent = json<Page>(await ctx.as(zhongduAgent).get('/api/v1/admin/employers?q=搜索测试'));
    expect(agent.items.map((e) => e.name)).toEqual(['中渡搜索测试砖厂']);
    const asked = json<Page>(await ctx.as(zhongduAgent).get(`/api/v1/admin/employers?town=${TOWNS.zhaisha}`));
    expect(asked.total).toBe(0);
    expect(all.items[0]?.contactPhone).toMatch(/\*{4}/);
  });

  it('rejects a bad filter with a Chinese field message', async () => {
    const res = await ctx.as(county).get('/api/v1/admin/employers?kind=company&town=12');
    expect(res.statusCode).toBe(400);
    const fields = json<Err>(res).error.details?.map((d) => d.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['kind', 'town']));
    expect(json<Err>(res).error.details?.find((d) => d.field === 'kind')?.message).toContain('单位类型');
  });
});

describe('counter registration of an employer (代为登记)', () => {
  it('creates the employer; the owner phone becomes owner at login; audited', async () => {
    const body = counterBody(1);
    const res = await ctx.as(zhongduCounter).post('/api/v1/admin/employers', body);
    expect(res.statusCode).toBe(201);
    const e = json<Summary>(res);
    expect(e).toMatchObject({ verificationStatus: 'pending', townName: '中渡镇' });
    const token = await loginPhone(ctx, body.ownerPhone);
    const mine = json<{ items: { id: string; myRole: string }[] }>(await ctx.as(token).get('/api/v1/app/employers'));
    expect(mine.items).toEqual([expect.objectContaining({ id: e.id, myRole: 'owner' })]);
    const detail = json<{
      members: { role: string; phoneMasked: string }[];
      history: { action: string; actorName: string | null }[];
    }>(await ctx.as(county).get(`/api/v1/admin/employers/${e.id}`));
    expect(detail.members).toEqual([
      expect.objectContaining({
        role: 'owner',
        phoneMasked: `${body.ownerPhone.slice(0, 3)}****${body.ownerPhone.slice(-4)}`,
      }),
    ]);
    expect(detail.history[0]).toMatchObject({ action: 'counter_register' });
    expect(detail.history[0]?.actorName).toBeTruthy();
  });

  it('makes an existing account owner at once', async () => {
    const user = await appUser(ctx);
    const res = await ctx.as(county).post('/api/v1/admin/employers', counterBody(2, { ownerPhone: user.phone }));
    expect(res.statusCode).toBe(201);
    const rows = await ctx.deps.database.db
      .select()
      .from(employerMembers)
      .where(eq(employerMembers.employerId, json<Summary>(res).id));
    expect(rows).toEqual([expect.objectContaining({ userId: user.userId, role: 'owner' })]);
  });

  it('rejects bad input with Chinese field messages and writes nothing', async () => {
    const before = await countEmployers();
    const res = await ctx
      .as(county)
      .post('/api/v1/admin/employers', counterBody(3, { ownerPhone: '123', uscc: null, name: '' }));
    expect(res.statusCode).toBe(400);
    const fields = json<Err>(res).error.details?.map((d) => d.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['ownerPhone', 'uscc', 'name']));
    expect(await countEmployers()).toBe(before);
  });

  it('refuses a 寨沙镇 employer from a 中渡镇 counter, and a supervisor or station agent entirely', async () => {
    const before = await countEmployers();
    expect(
      (await ctx.as(zhongduCounter).post('/api/v1/admin/employers', counterBody(4, { townCode: TOWNS.zhaisha })))
        .statusCode,
    ).toBe(403);
    expect((await ctx.as(supervisor).post('/api/v1/admin/employers', counterBody(5))).statusCode).toBe(403);
    expect((await ctx.as(zhongduAgent).post('/api/v1/admin/employers', counterBody(6))).statusCode).toBe(403);
    expect(await countEmployers()).toBe(before);
  });
});

describe('employer detail, suspend and restore', () => {
  it('suspends with a reason; posting is refused in Chinese; restore returns it to verified', async () => {
    const owner = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
    const occ = await occupationIdByName(ctx, '泥水工');
    const first = await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/jobs`, jobBody(occ, { submit: true }));
    expect(first.statusCode).toBe(201);

    expect((await ctx.as(county).post(`/api/v1/admin/employers/${id}/suspend`, { reason: '' })).statusCode).toBe(400);
    const sus = await ctx
      .as(county)
      .post(`/api/v1/admin/employers/${id}/suspend`, { reason: '多次拖欠工资，暂停发布' });
    expect(sus.statusCode).toBe(200);
    expect(json<Summary>(sus).verificationStatus).toBe('suspended');
    expect(
      (await ctx.as(county).post(`/api/v1/admin/employers/${id}/suspend`, { reason: '再次暂停' })).statusCode,
    ).toBe(409);

    const refused = await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/jobs`, jobBody(occ, { submit: true }));
    expect(refused.statusCode).toBe(403);
    expect(json<Err>(refused).error).toMatchObject({
      code: 'EMPLOYER_SUSPENDED',
      message: expect.stringContaining('暂停'),
    });

    const restored = await ctx.as(county).post(`/api/v1/admin/employers/${id}/restore`, { reason: '已结清工资' });
    expect(json<Summary>(restored).verificationStatus).toBe('verified');
    expect(
      (await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/jobs`, jobBody(occ, { submit: true }))).statusCode,
    ).toBe(201);

    const detail = json<{
      jobCounts: Record<string, number>;
      recentJobs: unknown[];
      history: { action: string; reason: string | null; from: string | null }[];
    }>(await ctx.as(county).get(`/api/v1/admin/employers/${id}`));
    expect(Object.values(detail.jobCounts).reduce((a, b) => a + b, 0)).toBe(2);
    expect(detail.recentJobs).toHaveLength(2);
    expect(detail.history.map((h) => h.action)).toEqual(['suspend', 'restore']);
    expect(detail.history[0]).toMatchObject({ reason: '多次拖欠工资，暂停发布', from: 'verified' });
  });

  it('hides a 寨沙镇 employer from a 中渡镇 agent and refuses writes to supervisors and agents', async () => {
    const owner = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhaisha });
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/employers/${id}`)).statusCode).toBe(404);
    expect((await ctx.as(supervisor).get(`/api/v1/admin/employers/${id}`)).statusCode).toBe(200);
    expect(
      (await ctx.as(supervisor).post(`/api/v1/admin/employers/${id}/suspend`, { reason: '测试理由' })).statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(zhongduCounter).post(`/api/v1/admin/employers/${id}/suspend`, { reason: '测试理由' })).statusCode,
    ).toBe(404);
    const [row] = await ctx.deps.database.db.select().from(employers).where(eq(employers.id, id));
    expect(row?.verificationStatus).toBe('verified');
  });
});
