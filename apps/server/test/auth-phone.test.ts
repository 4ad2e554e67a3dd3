import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { employerMembers, employers } from '../src/modules/employers/employers.schema.js';
import { createTestApp, json, loginPhone, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
const sendCode = (phone: string, headers: Record<string, string> = {}) =>
  ctx.as(null, headers).post('/api/v1/public/auth/sms-code', { phone });
const login = (phone: string, code: string) => ctx.anon.post('/api/v1/public/auth/login/phone', { phone, code });
const codeOf = (phone: string) => ctx.sms.latest(phone)?.params.code ?? '';

describe('phone + SMS code login', () => {
  it('rejects a malformed phone with a Chinese field message', async () => {
    const res = await sendCode('12345');
    expect(res.statusCode).toBe(400);
    const body = json<Err>(res);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([{ field: 'phone', message: '手机号码格式不正确' }]);
  });

  it('rejects a malformed code before looking anything up', async () => {
    const res = await login('13700000001', '12ab');
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details?.[0]).toEqual({ field: 'code', message: '验证码应为6位数字' });
  });

  it('logs in with the code, by cookie and by Bearer token, and logout revokes', async () => {
    const phone = '13700000002';
    expect((await sendCode(phone)).statusCode).toBe(200);
    const res = await login(phone, codeOf(phone));
    expect(res.statusCode).toBe(200);
    const body = json<{ token: string; user: { phoneMasked: string; roles: string[] } }>(res);
    expect(body.user.phoneMasked).toBe('137****0002');
    expect(body.user.roles).toEqual(['worker']);
    const cookie = res.cookies.find((c) => c.name === 'lg_app');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.value).toBe(body.token);

    const byCookie = await ctx.app.inject({ method: 'GET', url: '/api/v1/app/me', cookies: { lg_app: body.token } });
    expect(byCookie.statusCode).toBe(200);
    const byBearer = await ctx.as(body.token).get('/api/v1/app/me');
    expect(json(byBearer).phoneMasked).toBe('137****0002');

    expect((await ctx.as(body.token).post('/api/v1/app/auth/logout')).statusCode).toBe(204);
    const after = await ctx.as(body.token).get('/api/v1/app/me');
    expect(after.statusCode).toBe(401);
  });

  it('a code works once', async () => {
    const phone = '13700000003';
    await sendCode(phone);
    const code = codeOf(phone);
    expect((await login(phone, code)).statusCode).toBe(200);
    const again = await login(phone, code);
    expect(again.statusCode).toBe(400);
    expect(json<Err>(again).error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('codes expire after 5 minutes', async () => {
    const phone = '13700000004';
    await sendCode(phone);
    ctx.clock.advance(5 * 60_000 + 1000);
    const res = await login(phone, codeOf(phone));
    expect(json<Err>(res).error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('five wrong tries kill the code, even the right one afterwards', async () => {
    const phone = '13700000005';
    await sendCode(phone);
    const right = codeOf(phone);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const res = await login(phone, wrong);
      expect(json<Err>(res).error).toMatchObject({
        code: 'SMS_CODE_INVALID',
        message: `验证码不正确，还可尝试${5 - i}次`,
      });
    }
    expect(json<Err>(await login(phone, wrong)).error.code).toBe('SMS_CODE_EXPIRED');
    expect(json<Err>(await login(phone, right)).error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('limits sending: 60 s per phone and 10 per day', async () => {
    const phone = '13700000006';
    expect((await sendCode(phone)).statusCode).toBe(200);
    const soon = await sendCode(phone);
    expect(soon.statusCode).toBe(429);
    expect(json<Err>(soon).error.code).toBe('SMS_COOLDOWN');
    for (let i = 2; i <= 10; i++) {
      ctx.clock.advance(61_000);
      expect((await sendCode(phone)).statusCode).toBe(200);
    }
    ctx.clock.advance(61_000);
    const eleventh = await sendCode(phone);
    expect(json<Err>(eleventh).error.code).toBe('SMS_DAILY_LIMIT');
  });

  it('one phone is one person: a worker who also owns an employer', async () => {
    const phone = '13700000007';
    const token = await loginPhone(ctx, phone);
    const me = json<{ id: string }>(await ctx.as(token).get('/api/v1/app/me'));
    const db = ctx.deps.database.db;
    const [emp] = await db
      .insert(employers)
      .values({ name: '鹿寨县测试建材有限公司', kind: 'enterprise', townCode: '450223100000' })
      .returning();
    if (!emp) throw new Error('no employer');
    await db.insert(employerMembers).values({ employerId: emp.id, userId: me.id, role: 'owner' });
    ctx.clock.advance(61_000);
    const again = json<{ id: string; roles: string[]; employers: { employerName: string; role: string }[] }>(
      await ctx.as(await loginPhone(ctx, phone)).get('/api/v1/app/me'),
    );
    expect(again.id).toBe(me.id);
    expect(again.roles).toEqual(['worker', 'employer_owner']);
    expect(again.employers).toEqual([{ employerId: emp.id, employerName: '鹿寨县测试建材有限公司', role: 'owner' }]);
    await db.delete(employerMembers).where(eq(employerMembers.employerId, emp.id));
  });

  it('answers 401 without a session, with a wrong token, and with a staff token on app routes', async () => {
    expect((await ctx.anon.get('/api/v1/app/me')).statusCode).toBe(401);
    const wrong = await ctx.as('not-a-token').get('/api/v1/app/me');
    expect(wrong.statusCode).toBe(401);
    expect(json<Err>(wrong).error.message).toBe('登录已失效，请重新登录');
  });

  it('sessions expire', async () => {
    const token = await loginPhone(ctx, '13700000008');
    ctx.clock.advance(31 * 24 * 3600_000);
    expect((await ctx.as(token).get('/api/v1/app/me')).statusCode).toBe(401);
  });
});
