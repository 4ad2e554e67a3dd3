import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { registerErrorHandler } from '../src/platform/errors/error-handler.js';
import { createTestApp, json, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(async () => ctx?.close());

describe('platform', () => {
  it('reports health with the database kind and schema version', async () => {
    const res = await ctx.anon.get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.status).toBe('ok');
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.schemaVersion).toMatch(/^\d{4}_/);
    expect(body.migrationsApplied).toBe(body.migrationsExpected);
  });

  it('serves OpenAPI JSON at a stable path, with the auth routes', async () => {
    const res = await ctx.anon.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/public/auth/login/phone', '/api/v1/admin/workers', '/api/health']),
    );
    const ui = await ctx.anon.get('/api/docs/json');
    expect(ui.statusCode).toBe(200);
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await ctx.anon.get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(json(res)).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
  });

  it('rejects an oversized body with 413 and malformed JSON with 400', async () => {
    const big = await ctx.anon.post('/api/v1/public/auth/login/staff', { username: 'x'.repeat(10_000), password: 'y' });
    expect(big.statusCode).toBe(413);
    expect(json<{ error: { code: string } }>(big).error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/auth/login/staff',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(bad).error.message).toBe('请求格式不正确');
  });

  it('sets security headers and a request id', async () => {
    const res = await ctx.anon.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('never leaks internals on a 500', async () => {
    const bare = Fastify({ logger: false });
    registerErrorHandler(bare);
    bare.get('/boom', async () => {
      throw new Error('select * from secret_table');
    });
    const res = await bare.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret_table');
    expect(json(res)).toEqual({ error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } });
  });
});
