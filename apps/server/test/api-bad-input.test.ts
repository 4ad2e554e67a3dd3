// Every write endpoint of the OpenAPI document, fed wrong input by an admin and by a phone user:
// never a 500, and every 400 names its problem in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, bearer, createTestApp, json, staffToken, type TestContext } from './support/index.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

let ctx: TestContext;
let admin: string;
let phone: string;
let doc: OpenApi;
const HAN = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  phone = (await appUser(ctx)).token;
  doc = json<OpenApi>(await ctx.anon.get('/api/openapi.json'));
});
afterAll(async () => ctx?.close());

/** A value of the wrong type for a property schema. */
function wrongFor(schema: Schema | undefined): unknown {
  const t = schema?.type ?? schema?.anyOf?.[0]?.type;
  const type = Array.isArray(t) ? t[0] : t;
  if (schema?.enum) return 'no_such_value';
  if (type === 'string') return schema?.format === 'uuid' ? 'not-a-uuid' : 12345;
  if (type === 'number' || type === 'integer') return '很多';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return 'not-a-list';
  if (type === 'object') return ['not', 'an', 'object'];
  return null;
}

/** Bodies that must be refused cleanly: empty, each property wrong, everything too long. */
function badBodies(schema: Schema | undefined): unknown[] {
  const bodies: unknown[] = [{}, [], 'x'.repeat(20_000)];
  const props = schema?.properties ?? {};
  for (const [name, prop] of Object.entries(props)) bodies.push({ [name]: wrongFor(prop) });
  bodies.push(Object.fromEntries(Object.keys(props).map((k) => [k, '长'.repeat(5_000)])));
  return bodies;
}

const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

describe('bad input on every write endpoint', () => {
  it('never answers 500, and names the problem in Chinese', async () => {
    const failures: string[] = [];
    let calls = 0;
    const stats: Record<number, number> = {};
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/') || path.includes('/auth/') || path.includes('/dev/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const token = path.startsWith('/api/v1/admin/') ? admin : phone;
        for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
          for (const body of badBodies(schema)) {
            const res = await ctx.app.inject({
              method: method.toUpperCase() as 'POST',
              url: fill(path, id),
              headers: { ...bearer(token), 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            calls += 1;
            stats[res.statusCode] = (stats[res.statusCode] ?? 0) + 1;
            const where = `${method.toUpperCase()} ${path} ${JSON.stringify(body).slice(0, 60)} → ${res.statusCode}`;
            if (res.statusCode >= 500) failures.push(`${where} ${res.body.slice(0, 200)}`);
            else if (
              res.statusCode === 400 &&
              !HAN.test(json<{ error?: { message?: string } }>(res).error?.message ?? '')
            )
              failures.push(`${where} (no Chinese message) ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    // Most bad bodies stop at validation (the rest: 403/404 before it, or bodies whose fields are all optional).
    expect(stats[400] ?? 0).toBeGreaterThan(calls * 0.8);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('bad query strings on every read endpoint', () => {
  it('never answers 500, and names the problem in Chinese', async () => {
    const failures: string[] = [];
    const bad =
      '?page=abc&pageSize=-5&town=x&status=nope&kind=nope&from=2025-13-45&to=yesterday&q=' +
      encodeURIComponent('长'.repeat(300));
    let refused = 0;
    for (const path of Object.keys(doc.paths)) {
      if (!path.startsWith('/api/v1/') || !doc.paths[path]!.get || path.includes('/dev/')) continue;
      const token = path.startsWith('/api/v1/admin/') ? admin : phone;
      const res = await ctx.as(token).get(fill(path, '00000000-0000-4000-8000-000000000000') + bad);
      if (res.statusCode >= 500) failures.push(`GET ${path} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode === 400) {
        refused += 1;
        if (!HAN.test(json<{ error?: { message?: string } }>(res).error?.message ?? ''))
          failures.push(`GET ${path} → 400 without a Chinese message`);
      }
    }
    expect(refused).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  }, 120_000);
});
