import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { occupations } from '../src/modules/reference/reference.schema.js';
import { bearer, buildStaff, createTestApp, json, PASSWORD, staffToken, type TestContext } from './support/index.js';

// Issue 12, item 3: CSRF, no-store on personal data, Secure cookies and HSTS only over HTTPS,
// Idempotency-Key on creates.
let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestApp({ TRUST_PROXY: 'true' });
  admin = await staffToken(ctx, { roles: ['admin'] });
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string } };
const base = '/api/v1/admin/occupations';
const countByName = async (name: string) =>
  (await ctx.deps.database.db.select({ n: count() }).from(occupations).where(eq(occupations.name, name)))[0]?.n ?? 0;

async function someOccupation(): Promise<{ id: string; disabled: boolean }> {
  const list = json<{ items: { id: string; disabled: boolean; category: boolean }[] }>(
    await ctx.as(admin).get(base),
  ).items;
  const occ = list.find((o) => !o.disabled && !o.category);
  if (!occ) throw new Error('no occupation');
  return occ;
}

describe('CSRF', () => {
  it('refuses a body-less cross-site text/plain POST riding on the session cookie; nothing changes', async () => {
    const occ = await someOccupation();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base}/${occ.id}/disable`,
      cookies: { lg_staff: admin },
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect(json<Err>(res).error.code).toBe('CSRF_REJECTED');
    // Even without an Origin header, a form-like POST (no JSON, no custom header) is refused.
    const formLike = await ctx.app.inject({
      method: 'POST',
      url: `${base}/${occ.id}/disable`,
      cookies: { lg_staff: admin },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    expect(json<Err>(formLike).error.code).toBe('CSRF_REJECTED');
    expect((await someOccupation()).id).toBeDefined();
    const after = json<{ items: { id: string; disabled: boolean }[] }>(await ctx.as(admin).get(base)).items.find(
      (o) => o.id === occ.id,
    );
    expect(after?.disabled).toBe(false);
  });

  it('refuses JSON from another Origin; accepts the web client (custom header, own Origin)', async () => {
    const payload = { name: 'CSRF测试工种' };
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: base,
      cookies: { lg_staff: admin },
      headers: { origin: 'https://evil.example' },
      payload,
    });
    expect(json<Err>(foreign).error.code).toBe('CSRF_REJECTED');
    const crossSite = await ctx.app.inject({
      method: 'POST',
      url: base,
      cookies: { lg_staff: admin },
      headers: { 'sec-fetch-site': 'cross-site' },
      payload,
    });
    expect(json<Err>(crossSite).error.code).toBe('CSRF_REJECTED');
    const occ = await someOccupation();
    const own = await ctx.app.inject({
      method: 'POST',
      url: `${base}/${occ.id}/disable`,
      cookies: { lg_staff: admin },
      headers: { 'x-requested-with': 'lingong', origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('caching and transport', () => {
  it('answers with personal data or sessions are no-store; public reference data is not', async () => {
    const me = await ctx.as(admin).get('/api/v1/admin/me');
    expect(me.headers['cache-control']).toBe('no-store');
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/auth/login/staff',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const pub = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/occupations' });
    expect(pub.headers['cache-control']).not.toBe('no-store');
  });

  it('HSTS and Secure cookies only over HTTPS (here: behind a proxy saying https)', async () => {
    const username = await buildStaff(ctx, { roles: ['counter_staff'] });
    const login = (proto?: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/auth/login/staff',
        headers: proto ? { 'x-forwarded-proto': proto } : {},
        payload: { username, password: PASSWORD },
      });
    const plain = await login();
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.cookies.find((c) => c.name === 'lg_staff')?.secure).toBeFalsy();
    const tls = await login('https');
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(tls.cookies.find((c) => c.name === 'lg_staff')?.secure).toBe(true);
  });
});

describe('Idempotency-Key', () => {
  it('a retried create returns the first answer and creates nothing new', async () => {
    const create = (payload: object, key: string) =>
      ctx.app.inject({
        method: 'POST',
        url: base,
        headers: { ...bearer(admin), 'idempotency-key': key },
        payload,
      });
    const first = await create({ name: '幂等测试工' }, 'retry-1');
    expect(first.statusCode).toBe(201);
    const retry = await create({ name: '幂等测试工' }, 'retry-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json(retry)).toEqual(json(first));
    expect(await countByName('幂等测试工')).toBe(1);
    // Concurrent retries: one runs, the others wait for nothing and never duplicate.
    const burst = await Promise.all(Array.from({ length: 5 }, () => create({ name: '并发幂等工' }, 'retry-2')));
    expect(burst.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(await countByName('并发幂等工')).toBe(1);
    // The same key with another body is a client error, not a silent replay.
    const reused = await create({ name: '另一个工种' }, 'retry-1');
    expect(reused.statusCode).toBe(422);
    expect(json<Err>(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are per caller: another staff member's key of the same name is independent.
    const other = await staffToken(ctx, { roles: ['admin'] });
    const mine = await ctx.app.inject({
      method: 'POST',
      url: base,
      headers: { ...bearer(other), 'idempotency-key': 'retry-1' },
      payload: { name: '别人的工种' },
    });
    expect(mine.statusCode).toBe(201);
  });
});
