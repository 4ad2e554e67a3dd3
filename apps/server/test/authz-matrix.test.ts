import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, STAFF_ROLE_PERMISSIONS, type StaffRole } from '@lingong/contracts';
import { createTestApp, loginPhone, staffToken, type Method, type TestContext } from './support/index.js';

/**
 * Issue 12, item 9: the authorization matrix, generated from the OpenAPI document × the role
 * table. Every /api/v1/admin and /api/v1/app operation is called by anonymous, by the other kind of
 * session, and by every staff role (or a worker), with sampled parameters and bodies. A new endpoint
 * is covered without editing this file. Invariants: anonymous and the wrong kind of session get 401,
 * nothing answers 5xx, a role whose permissions include another's never gets less, and the
 * read-only supervisor never passes a write. The outcome per endpoint × role is compared with the
 * committed apps/server/test/authz-matrix.json (review and refresh with UPDATE_AUTHZ_MATRIX=1).
 */
type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
type Param = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Op = { method: string; path: string; op: Operation };
type Outcome = 'unauth' | 'deny' | 'invalid' | 'pass';

const SNAPSHOT = path.join(import.meta.dirname, 'authz-matrix.json');
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POSTs that only compute an answer (a body too rich for a query string) and write nothing. */
// POSTs that write nothing of the register (a check, a count, marking one's own messages read).
const READ_ONLY_POSTS = new Set([
  '/api/v1/admin/sensitive-words/test',
  '/api/v1/admin/segments/count',
  '/api/v1/admin/messages/read-all',
  '/api/v1/admin/messages/{id}/read',
]);

/** A plausible value for a JSON schema (valid when the schema is simple; 400 otherwise is fine). */
function sample(s: Schema | undefined, name = ''): unknown {
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], name);
  if (s.allOf?.length) return sample(s.allOf[0], name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], key);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    default:
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2026-01-01';
      if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
      if (/region|town|village|code/i.test(name) && s.pattern?.includes('\\d')) return '450223000000';
      if (/phone/i.test(name)) return '13800000000';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

function requestOf(o: Op): { url: string; payload?: unknown } {
  let url = o.path;
  const query = new URLSearchParams();
  for (const p of o.op.parameters ?? []) {
    const v = String(sample(p.schema, p.name));
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v));
    else if (p.in === 'query' && p.required) query.set(p.name, v);
  }
  const qs = query.toString();
  const json = o.op.requestBody?.content?.['application/json'];
  return { url: qs ? `${url}?${qs}` : url, payload: json ? sample(json.schema) : undefined };
}

function outcomeOf(status: number): Outcome {
  if (status === 401) return 'unauth';
  if (status === 403) return 'deny';
  if (status === 400) return 'invalid';
  return 'pass';
}

let ctx: TestContext;
let ops: Op[] = [];
const tokens = new Map<string, string>();
beforeAll(async () => {
  ctx = await createTestApp();
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/v1/admin/') && !p.startsWith('/api/v1/app/')) continue;
    for (const [m, op] of Object.entries(methods)) ops.push({ method: m.toUpperCase(), path: p, op });
  }
  // Logging out ends the session the rest of the matrix uses: run those last.
  ops = ops.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  for (const role of STAFF_ROLES) tokens.set(role, await staffToken(ctx, { roles: [role] }));
  tokens.set('worker', await loginPhone(ctx, '13900000077'));
}, 120_000);
afterAll(async () => ctx?.close());

async function call(o: Op, token: string | null): Promise<number> {
  const { url, payload } = requestOf(o);
  const res = await (token ? ctx.as(token) : ctx.anon).request(o.method as Method, url, payload);
  return res.status;
}

describe('authorization matrix (OpenAPI × roles)', () => {
  it('covers a meaningful number of operations', () => {
    expect(ops.filter((o) => o.path.startsWith('/api/v1/admin/')).length).toBeGreaterThan(100);
  });

  it('every endpoint × every role: 401 for anonymous and the wrong session kind, no 5xx, monotone in permissions', async () => {
    const matrix: Record<string, Record<string, Outcome>> = {};
    const problems: string[] = [];
    for (const o of ops) {
      const key = `${o.method} ${o.path}`;
      const admin = o.path.startsWith('/api/v1/admin/');
      const row: Record<string, Outcome> = {};
      const anon = await call(o, null);
      if (anon !== 401) problems.push(`${key}: anonymous got ${anon}`);
      const wrongKind = await call(o, admin ? tokens.get('worker')! : tokens.get('admin')!);
      if (wrongKind !== 401) problems.push(`${key}: ${admin ? 'worker' : 'staff'} session got ${wrongKind}`);
      for (const role of admin ? STAFF_ROLES : (['worker'] as const)) {
        const status = await call(o, tokens.get(role)!);
        if (status >= 500) problems.push(`${key}: ${role} got ${status}`);
        row[role] = outcomeOf(status);
      }
      if (admin) {
        // More permissions never mean less access.
        for (const a of STAFF_ROLES)
          for (const b of STAFF_ROLES) {
            const pa = STAFF_ROLE_PERMISSIONS[a as StaffRole];
            const pb = new Set(STAFF_ROLE_PERMISSIONS[b as StaffRole]);
            if (a !== b && pa.every((p) => pb.has(p)) && row[a] === 'pass' && row[b] === 'deny')
              problems.push(`${key}: ${a} passes but ${b} (a superset of its permissions) is denied`);
          }
        const readOnly = o.path.startsWith('/api/v1/admin/auth/') || READ_ONLY_POSTS.has(o.path);
        if (WRITE.has(o.method) && !readOnly && row.supervisor === 'pass')
          problems.push(`${key}: the read-only supervisor passed a write`);
      }
      matrix[key] = row;
    }
    expect(problems).toEqual([]);
    const sorted = Object.fromEntries(Object.entries(matrix).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (process.env.UPDATE_AUTHZ_MATRIX === '1' || !existsSync(SNAPSHOT)) {
      writeFileSync(SNAPSHOT, `${JSON.stringify(sorted, null, 2)}\n`);
      return;
    }
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Record<string, Outcome>>;
    const changed = Object.keys({ ...committed, ...sorted }).filter(
      (k) => JSON.stringify(committed[k]) !== JSON.stringify(sorted[k]),
    );
    expect(changed, 'authorization changed: review, then UPDATE_AUTHZ_MATRIX=1').toEqual([]);
  }, 600_000);
});
