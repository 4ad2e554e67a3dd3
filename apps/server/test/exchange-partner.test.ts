import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/modules/exchange/exchange-signing.js';
import { createTestApp, json, makeEmployer, makeJob, makeStaff, type TestContext, TOWNS } from './support/index.js';

type Issued = { id: string; clientId: string; secret: string; scopes: string[] };

let ctx: TestContext;
let admin: { token: string };
let counter: { token: string };
let reader: Issued;
let pusher: Issued;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await makeStaff(ctx, { roles: ['admin'] });
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  const employerId = await makeEmployer(ctx, {
    name: '鹿寨县合作测试厂',
    townCode: TOWNS.zhongdu,
    createdAt: ctx.clock.now,
  });
  await makeJob(ctx, {
    employerId,
    townCode: TOWNS.zhongdu,
    kind: 'contract',
    headcount: 2,
    publishedAt: ctx.clock.now,
    title: '合作岗位',
  });
});
afterAll(async () => ctx?.close());

const issue = async (body: Record<string, unknown>, token = admin.token) =>
  ctx.as(token).post('/api/v1/admin/partners', body);
const call = (
  client: { clientId: string; secret: string },
  url = '/api/v1/exchange/partner/jobs?page=1',
  over: Record<string, string> = {},
) => {
  const headers = signRequest({
    clientId: client.clientId,
    secret: client.secret,
    method: 'GET',
    path: url,
    body: '',
    now: ctx.clock.now,
  });
  return ctx.as(null, { ...headers, ...over }).get(url);
};
const code = (res: LightMyRequestResponse) => json<{ error: { code: string } }>(res).error.code;

describe('open API for partner systems', () => {
  it('staff with config rights issue credentials (secret shown once); counter staff cannot', async () => {
    expect((await issue({ name: '柳州人力资源市场', scopes: ['jobs.read'] }, counter.token)).statusCode).toBe(403);
    const res = await issue({ name: '柳州人力资源市场', scopes: ['jobs.read'], rateLimitPerMin: 3 });
    expect(res.statusCode).toBe(200);
    reader = json<Issued>(res);
    expect(reader.clientId).toMatch(/^lgp_[0-9a-f]{16}$/);
    expect(reader.secret.length).toBeGreaterThanOrEqual(40);
    pusher = json<Issued>(await issue({ name: '园区驿站软件', scopes: ['jobs.push'] }));
    const list = json<{ items: Record<string, unknown>[] }>(await ctx.as(admin.token).get('/api/v1/admin/partners'));
    expect(list.items).toHaveLength(2);
    expect(list.items.every((c) => !('secret' in c) && !('secretEnc' in c))).toBe(true);
  });

  it('a signed call with the scope reads published jobs', async () => {
    const res = await call(reader);
    expect(res.statusCode).toBe(200);
    expect(json<{ items: { title: string }[] }>(res).items.map((j) => j.title)).toContain('合作岗位');
  });

  it('refuses bad signatures, replays, unknown clients and out-of-scope calls with clear codes, and audits them', async () => {
    const url = '/api/v1/exchange/partner/jobs?page=1';
    expect(code(await ctx.app.inject({ method: 'GET', url }))).toBe('SIGNATURE_MISSING');
    expect(code(await call({ clientId: 'lgp_nobody', secret: 'x'.repeat(40) }))).toBe('CLIENT_UNKNOWN');
    expect(code(await call({ ...reader, secret: 'wrong-secret-wrong-secret' }))).toBe('SIGNATURE_INVALID');
    // The signed query string cannot be changed.
    const headers = signRequest({
      clientId: reader.clientId,
      secret: reader.secret,
      method: 'GET',
      path: url,
      body: '',
      now: ctx.clock.now,
    });
    expect(code(await ctx.app.inject({ method: 'GET', url: `${url}&pageSize=200`, headers }))).toBe(
      'SIGNATURE_INVALID',
    );
    expect((await ctx.app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);
    expect(code(await ctx.app.inject({ method: 'GET', url, headers }))).toBe('NONCE_REPLAYED');
    const old = signRequest({
      clientId: reader.clientId,
      secret: reader.secret,
      method: 'GET',
      path: url,
      body: '',
      now: new Date(ctx.clock.now.getTime() - 600_000),
    });
    expect(code(await ctx.app.inject({ method: 'GET', url, headers: old }))).toBe('TIMESTAMP_OUT_OF_WINDOW');
    const denied = await call(pusher);
    expect(denied.statusCode).toBe(403);
    expect(code(denied)).toBe('SCOPE_DENIED');
    const audit = json<{ items: { action: string; details: { outcome?: string } | null }[] }>(
      await ctx.as(admin.token).get('/api/v1/admin/audit?action=partner.call&pageSize=100'),
    );
    const outcomes = audit.items.map((a) => a.details?.outcome);
    for (const o of [
      'ok',
      'SIGNATURE_MISSING',
      'CLIENT_UNKNOWN',
      'SIGNATURE_INVALID',
      'NONCE_REPLAYED',
      'TIMESTAMP_OUT_OF_WINDOW',
      'SCOPE_DENIED',
    ])
      expect(outcomes).toContain(o);
  });

  it('limits calls per client and minute', async () => {
    ctx.clock.advance(60_000);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(reader)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    ctx.clock.advance(60_000);
    expect((await call(reader)).statusCode).toBe(200);
  });

  it('a revoked client is refused from the next request on', async () => {
    const res = await ctx.as(admin.token).post(`/api/v1/admin/partners/${reader.id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(code(await call(reader))).toBe('CLIENT_UNKNOWN');
  });

  it('has its own section of the OpenAPI document with the signed security scheme', async () => {
    const doc = json<{
      paths: Record<string, Record<string, { security?: unknown; operationId?: string; tags?: string[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    }>(await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.components.securitySchemes.partnerSignature).toBeDefined();
    const op = doc.paths['/api/v1/exchange/partner/jobs']?.get;
    expect(op).toMatchObject({
      operationId: 'partnerListJobs',
      tags: ['partner-api'],
      security: [{ partnerSignature: [] }],
    });
  });
});
