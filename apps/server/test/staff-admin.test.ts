import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { staff } from '../src/modules/accounts/accounts.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  buildStaff,
  createTestApp,
  json,
  loginStaff,
  PASSWORD,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
let admin: string;
let zhongduAdmin: string;
let supervisor: string;
let counter: string;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  zhongduAdmin = await staffToken(ctx, { roles: ['admin'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  counter = await staffToken(ctx, { roles: ['counter_staff'] });
});
afterAll(async () => ctx?.close());

type Account = {
  id: string;
  username: string;
  name: string;
  roles: string[];
  regionCode: string;
  regionName: string;
  status: string;
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: unknown) =>
  ctx.as(token).request(method, `/api/v1/admin/staff${url}`, payload);
const body = (over: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  name: '黄晓梅',
  roles: ['counter_staff'],
  regionCode: TOWNS.luzhai,
  password: 'Counter2025',
  ...over,
});
const staffCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(staff))[0]?.n ?? 0;

describe('staff administration', () => {
  it('creates a staff account who can then log in; the write is audited and the hash is argon2', async () => {
    const input = body({ roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const res = await call('POST', '', admin, input);
    expect(res.statusCode).toBe(201);
    const created = json<Account>(res);
    expect(created).toMatchObject({
      username: input.username,
      roles: ['station_agent'],
      regionName: '中渡镇',
      status: 'active',
    });
    expect(JSON.stringify(created)).not.toContain('argon2');
    expect(
      (await ctx.anon.post('/api/v1/public/auth/login/staff', { username: input.username, password: 'Counter2025' }))
        .statusCode,
    ).toBe(200);
    const [audit] = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: 'create', entity: 'staff', regionCode: TOWNS.zhongdu });
  });

  it('bad input names each field in Chinese and creates nothing', async () => {
    const before = await staffCount();
    const res = await call('POST', '', admin, {
      username: '1x',
      name: '张',
      roles: [],
      regionCode: '123',
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    const details = json<Err>(res).error.details ?? [];
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '姓名至少2个字' },
        { field: 'roles', message: '至少选择一个角色' },
        { field: 'regionCode', message: '行政区划代码应为12位数字' },
        { field: 'password', message: '密码至少8位' },
      ]),
    );
    expect(details.find((d) => d.field === 'username')?.message).toContain('用户名为3-32位');
    const weak = await call('POST', '', admin, body({ password: 'abcdefghij' }));
    expect(json<Err>(weak).error.details).toEqual([{ field: 'password', message: '密码须同时包含字母和数字' }]);
    const unknownRegion = await call('POST', '', admin, body({ regionCode: '450223109000' }));
    expect(json<Err>(unknownRegion).error.details).toEqual([{ field: 'regionCode', message: '管辖区域不存在' }]);
    expect(await staffCount()).toBe(before);
  });

  it('a taken username is a conflict on the username field', async () => {
    const input = body();
    expect((await call('POST', '', admin, input)).statusCode).toBe(201);
    const again = await call('POST', '', admin, { ...input, name: '另一个人' });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.details).toEqual([{ field: 'username', message: '用户名已被使用' }]);
  });

  it('a town admin grants only inside the town, and sees only that town', async () => {
    const outside = await call('POST', '', zhongduAdmin, body({ regionCode: TOWNS.zhaisha }));
    expect(outside.statusCode).toBe(403);
    const wider = await call('POST', '', zhongduAdmin, body({ regionCode: '450223000000' }));
    expect(wider.statusCode).toBe(403);
    const inside = await call('POST', '', zhongduAdmin, body({ regionCode: TOWNS.zhongdu, name: '中渡新人' }));
    expect(inside.statusCode).toBe(201);
    const zhaishaStaff = json<Account>(
      await call('POST', '', admin, body({ regionCode: TOWNS.zhaisha, name: '寨沙人员' })),
    );
    const listed = json<{ items: Account[] }>(await call('GET', '?pageSize=200', zhongduAdmin));
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((s) => s.regionCode.startsWith('450223101'))).toBe(true);
    expect((await call('GET', `/${zhaishaStaff.id}`, zhongduAdmin)).statusCode).toBe(404);
    expect((await call('PATCH', `/${zhaishaStaff.id}`, zhongduAdmin, { name: '改名' })).statusCode).toBe(404);
    expect((await call('POST', `/${zhaishaStaff.id}/disable`, zhongduAdmin, {})).statusCode).toBe(404);
    const county = json<{ items: Account[] }>(await call('GET', `?pageSize=200&region=${TOWNS.zhaisha}`, admin));
    expect(county.items.map((s) => s.id)).toContain(zhaishaStaff.id);
  });

  it('filters by name, role and status', async () => {
    const res = json<{ items: Account[]; total: number }>(
      await call('GET', `?q=${encodeURIComponent('寨沙')}&role=counter_staff&status=active`, admin),
    );
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((s) => s.name.includes('寨沙') && s.roles.includes('counter_staff'))).toBe(true);
  });

  it('edits roles and region; nobody edits their own roles', async () => {
    const created = json<Account>(await call('POST', '', admin, body()));
    const res = await call('PATCH', `/${created.id}`, admin, {
      roles: ['reviewer', 'counter_staff'],
      regionCode: TOWNS.zhongdu,
    });
    expect(res.statusCode).toBe(200);
    expect(json<Account>(res)).toMatchObject({ roles: ['reviewer', 'counter_staff'], regionName: '中渡镇' });
    const me = json<{ id: string }>(await ctx.as(admin).get('/api/v1/admin/me'));
    expect((await call('PATCH', `/${me.id}`, admin, { roles: ['supervisor'] })).statusCode).toBe(403);
    const [audit] = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id))
      .orderBy(auditLog.id);
    expect(audit?.action).toBe('create');
    const updates = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'update'));
    expect(updates.find((a) => a.entityId === created.id)?.details).toMatchObject({
      old: { roles: ['counter_staff'] },
      new: { roles: ['reviewer', 'counter_staff'] },
    });
  });

  it('only an admin grants admin', async () => {
    // A reviewer given staff.write would still not grant admin; with today's roles only admins hold staff.write.
    expect((await call('POST', '', counter, body({ roles: ['admin'] }))).statusCode).toBe(403);
    expect((await call('POST', '', admin, body({ roles: ['admin'], regionCode: TOWNS.zhongdu }))).statusCode).toBe(201);
  });

  it('disabling ends every session at once; enabling restores login', async () => {
    const username = await buildStaff(ctx, { roles: ['counter_staff'] });
    const token = await loginStaff(ctx, username);
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    const id = row?.id ?? '';
    const disabled = await call('POST', `/${id}/disable`, admin, { reason: '离职' });
    expect(json<Account>(disabled).status).toBe('disabled');
    expect((await ctx.as(token).get('/api/v1/admin/me')).statusCode).toBe(401);
    await ctx.deps.database.db.update(staff).set({ disabledAt: null }).where(eq(staff.id, id));
    // The session stays revoked even if the account is re-enabled behind our back.
    expect((await ctx.as(token).get('/api/v1/admin/me')).statusCode).toBe(401);
    await call('POST', `/${id}/disable`, admin);
    const enabled = await call('POST', `/${id}/enable`, admin);
    expect(json<Account>(enabled).status).toBe('active');
    expect((await loginStaff(ctx, username)).length).toBeGreaterThan(10);
    const me = json<{ id: string }>(await ctx.as(admin).get('/api/v1/admin/me'));
    expect((await call('POST', `/${me.id}/disable`, admin)).statusCode).toBe(403);
  });

  it('resetting a password ends sessions; the old password stops working', async () => {
    const username = await buildStaff(ctx, { roles: ['reviewer'] });
    const token = await loginStaff(ctx, username);
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    const bad = await call('POST', `/${row?.id}/reset-password`, admin, { password: '123' });
    expect(bad.statusCode).toBe(400);
    expect((await call('POST', `/${row?.id}/reset-password`, admin, { password: 'NewPass2025' })).statusCode).toBe(200);
    expect((await ctx.as(token).get('/api/v1/admin/me')).statusCode).toBe(401);
    await expect(loginStaff(ctx, username, PASSWORD)).rejects.toThrow();
    expect((await loginStaff(ctx, username, 'NewPass2025')).length).toBeGreaterThan(10);
    const audits = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'reset_password'));
    expect(JSON.stringify(audits)).not.toContain('NewPass2025');
  });

  it('counter staff and supervisors cannot manage staff', async () => {
    const before = await staffCount();
    expect((await call('GET', '', counter)).statusCode).toBe(403);
    expect((await call('POST', '', counter, body())).statusCode).toBe(403);
    expect((await call('GET', '', supervisor)).statusCode).toBe(200);
    expect((await call('POST', '', supervisor, body())).statusCode).toBe(403);
    expect(await staffCount()).toBe(before);
  });
});
