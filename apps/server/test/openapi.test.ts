import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { OpenAPIClientAxios } from 'openapi-client-axios';
import { createTestApp, staffToken, type TestContext } from './support/index.js';
import { operationIdOf, securityOf } from '../src/platform/http/openapi.js';

// The OpenAPI document is a product partners generate clients from (issue 11, point 8): it passes
// redocly's recommended rules with no error, and a client generated from it at run time calls the
// API by operationId.

let ctx: TestContext;
let doc: {
  servers?: unknown[];
  paths: Record<
    string,
    Record<string, { operationId?: string; security?: unknown[]; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, { example?: unknown }> };
};
let baseUrl: string;

beforeAll(async () => {
  ctx = await createTestApp();
  doc = JSON.parse((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
  baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => ctx?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('OpenAPI document', () => {
  it('passes redocly lint (recommended) with no error', async () => {
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config: await createConfig({ extends: ['recommended'] }),
    });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
    const missing = problems.filter((p) => /operationId|2xx|4xx|security/.test(p.ruleId)).map((p) => p.ruleId);
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique operationId, its security and documented 2xx and 4xx answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(250);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, op } of ops) {
      expect(
        Object.keys(op.responses).some((k) => k.startsWith('2')),
        path,
      ).toBe(true);
      expect(
        Object.keys(op.responses).some((k) => k.startsWith('4')),
        path,
      ).toBe(true);
    }
    expect(doc.paths['/api/v1/admin/workers']?.get?.security).toEqual([{ staffSession: [] }, { bearer: [] }]);
    expect(doc.paths['/api/v1/public/jobs']?.get?.security).toEqual([]);
    expect(doc.components.schemas.ErrorBody?.example).toBeDefined();
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('derives ids and security from the method and the path', () => {
    expect(operationIdOf('GET', '/api/v1/admin/workers/:id/notes')).toBe('getAdminWorkersByIdNotes');
    expect(operationIdOf('POST', '/api/v1/app/wages/:id/confirm-receipt')).toBe('postAppWagesByIdConfirmReceipt');
    expect(operationIdOf('GET', '/api/health')).toBe('getHealth');
    expect(securityOf('/api/v1/app/me')).toEqual([{ appSession: [] }, { bearer: [] }]);
    expect(securityOf('/api/v1/exchange/partner/jobs')).toEqual([{ partnerSignature: [] }]);
    expect(securityOf('/api/v1/public/jobs')).toEqual([]);
  });

  it('a client generated from the document calls the API by operationId', async () => {
    const api = new OpenAPIClientAxios({
      definition: doc as never,
      axiosConfigDefaults: { baseURL: baseUrl, validateStatus: () => true },
    });
    const client = (await api.init()) as unknown as Record<
      string,
      (params?: unknown, body?: unknown, config?: unknown) => Promise<{ status: number; data: unknown }>
    >;
    const health = await client.getHealth!();
    expect(health.status).toBe(200);
    const jobs = await client.getPublicJobs!({ pageSize: 5 });
    expect(jobs.status).toBe(200);
    expect(jobs.data).toMatchObject({ items: expect.any(Array), page: 1 });
    // A staff call with the bearer scheme; without it, the documented 401 ErrorBody.
    const token = await staffToken(ctx, { roles: ['admin'] });
    const workers = await client.getAdminWorkers!(null, null, { headers: { authorization: `Bearer ${token}` } });
    expect(workers.status).toBe(200);
    const refused = await client.getAdminWorkers!();
    expect(refused.status).toBe(401);
    expect(refused.data).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});
