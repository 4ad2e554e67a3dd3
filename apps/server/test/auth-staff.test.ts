import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { staff } from '../src/modules/accounts/accounts.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  buildStaff,
  createTestApp,
  json,
  loginPhone,
  loginStaff,
  PASSWORD,
  type TestContext,
} from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
const attempt = (username: string, password: string) =>
  ctx.anon.post('/api/v1/public/auth/login/staff', { username, password });

describe('staff login', () => {
  it('logs in, returns roles, permissions and region, and sets an httpOnly cookie', async () => {
    const username = await buildStaff(ctx, { roles: ['station_agent'], regionCode: '450223101000' });
    const res = await attempt(username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = json<{ token: string; staff: { roles: string[]; permissions: string[]; regionName: string } }>(res);
    expect(body.staff.roles).toEqual(['station_agent']);
    expect(body.staff.regionName).toBe('中渡镇');
    expect(body.staff.permissions).toContain('workers.read');
    expect(body.staff.permissions).not.toContain('staff.write');
    expect(res.cookies.find((c) => c.name === 'lg_staff')?.httpOnly).toBe(true);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/me', cookies: { lg_staff: body.token } });
    expect(json(me).username).toBe(username);
  });

  it('stores passwords as argon2 hashes', async () => {
    const username = await buildStaff(ctx, { roles: ['admin'] });
    const [row] = await ctx.deps.database.db.select().from(staff).where(eq(staff.username, username));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const username = await buildStaff(ctx, { roles: ['admin'] });
    const wrong = json<Err>(await attempt(username, 'wrong-password'));
    const unknown = json<Err>(await attempt('no-such-user', 'wrong-password'));
    expect(wrong).toEqual(unknown);
    expect(wrong.error.message).toBe('用户名或密码不正确');
  });

  it('requires username and password, naming the fields', async () => {
    const res = await ctx.anon.post('/api/v1/public/auth/login/staff', { username: '' });
    expect(res.statusCode).toBe(400);
    const fields = json<Err>(res).error.details?.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('locks the account for 15 minutes after 5 failures', async () => {
    const username = await buildStaff(ctx, { roles: ['counter_staff'] });
    for (let i = 0; i < 4; i++) expect(json<Err>(await attempt(username, 'bad')).error.code).toBe('LOGIN_FAILED');
    const fifth = await attempt(username, 'bad');
    expect(fifth.statusCode).toBe(423);
    expect(json<Err>(fifth).error.message).toBe('登录失败次数过多，账号已锁定15分钟');
    expect(json<Err>(await attempt(username, PASSWORD)).error.code).toBe('ACCOUNT_LOCKED');
    ctx.clock.advance(14 * 60_000);
    expect(json<Err>(await attempt(username, PASSWORD)).error.code).toBe('ACCOUNT_LOCKED');
    ctx.clock.advance(61_000);
    expect((await attempt(username, PASSWORD)).statusCode).toBe(200);
    const actions = await ctx.deps.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'login_locked'));
    expect(actions.length).toBeGreaterThanOrEqual(1);
  });

  it('a disabled account cannot log in and its sessions stop working', async () => {
    const username = await buildStaff(ctx, { roles: ['reviewer'] });
    const token = await loginStaff(ctx, username);
    await ctx.deps.database.db.update(staff).set({ disabledAt: ctx.clock.now }).where(eq(staff.username, username));
    expect((await ctx.as(token).get('/api/v1/admin/me')).statusCode).toBe(401);
    expect(json<Err>(await attempt(username, PASSWORD)).error.code).toBe('ACCOUNT_DISABLED');
  });

  it('logout revokes the session; staff sessions expire after 12 hours', async () => {
    const username = await buildStaff(ctx, { roles: ['admin'] });
    const t1 = await loginStaff(ctx, username);
    expect((await ctx.as(t1).post('/api/v1/admin/auth/logout')).statusCode).toBe(204);
    expect((await ctx.as(t1).get('/api/v1/admin/me')).statusCode).toBe(401);
    const t2 = await loginStaff(ctx, username);
    ctx.clock.advance(12 * 3600_000 + 1000);
    expect((await ctx.as(t2).get('/api/v1/admin/me')).statusCode).toBe(401);
  });

  it('keeps app and staff sessions apart', async () => {
    const userToken = await loginPhone(ctx, '13500000001');
    expect((await ctx.as(userToken).get('/api/v1/admin/me')).statusCode).toBe(401);
    const staffTok = await loginStaff(ctx, await buildStaff(ctx, { roles: ['admin'] }));
    expect((await ctx.as(staffTok).get('/api/v1/app/me')).statusCode).toBe(401);
  });
});
