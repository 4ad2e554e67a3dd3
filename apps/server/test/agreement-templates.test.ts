import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { agreementTemplates } from '../src/modules/agreements/agreements.schema.js';
import { DEFAULT_TEMPLATE } from '../src/modules/agreements/agreement-template.js';
import { createTestApp, type Gig, hiredGig, json, staffToken, type TestContext } from './support/index.js';

type Summary = { id: string; version: number; title: string; current: boolean; agreementCount: number };
type List = { fields: { key: string; required: boolean }[]; items: Summary[] };
type Detail = Summary & { body: string };
type Agreement = { text: string; textHash: string; templateVersion: number; title: string };
type Err = { error: { code: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let admin: string;
let reviewer: string;
let first: Gig;

const base = '/api/v1/admin/agreement-templates';
const db = () => ctx.deps.database.db;
const agreementOf = async (gig: Gig) =>
  json<Agreement>(await ctx.as(gig.worker.token).request('GET', `/api/v1/app/applications/${gig.appId}/agreement`));
const versions = async () => (await db().select({ n: count() }).from(agreementTemplates))[0]?.n ?? 0;
const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');
const V2_BODY = `零工工作协议（第二版）\n\n协议编号：{{number}}\n甲方：{{employerName}}\n乙方：{{workerName}}\n岗位：{{jobTitle}}，自{{startDate}}起。\n报酬：{{wage}}，结算方式：{{settlement}}。\n甲方应按时足额支付报酬并提供安全的作业条件，乙方应遵守安全操作规程。\n第二版新增：双方同意通过平台处理争议。`;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  reviewer = await staffToken(ctx, { roles: ['reviewer'] });
  first = await hiredGig(ctx, { workerName: '覃秀英' });
});
afterAll(async () => ctx?.close());

describe('versions', () => {
  it('lists the built-in v1 as current, with the known slots', async () => {
    const res = await ctx.as(admin).request('GET', base);
    expect(res.statusCode).toBe(200);
    const list = json<List>(res);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      version: 1,
      current: true,
      agreementCount: 1,
      title: DEFAULT_TEMPLATE.title,
    });
    expect(list.fields.filter((f) => f.required).map((f) => f.key)).toEqual([
      'number',
      'employerName',
      'workerName',
      'jobTitle',
      'startDate',
      'wage',
      'settlement',
    ]);
    const detail = json<Detail>(await ctx.as(admin).request('GET', `${base}/${list.items[0]!.id}`));
    expect(detail.body).toBe(DEFAULT_TEMPLATE.body);
  });

  it('is for config admins only (403 for a reviewer), unknown ids are 404', async () => {
    for (const [method, url] of [
      ['GET', base],
      ['POST', `${base}/preview`],
      ['POST', base],
    ] as const) {
      expect(
        (
          await ctx
            .as(reviewer)
            .request(method, url, method === 'POST' ? { title: '零工工作协议', body: V2_BODY } : undefined)
        ).statusCode,
      ).toBe(403);
    }
    expect((await ctx.as(admin).request('GET', `${base}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(await versions()).toBe(1);
  });
});

describe('validation', () => {
  const fieldMessages = async (body: string, url = base) => {
    const res = await ctx.as(admin).request('POST', url, { title: '零工工作协议', body });
    expect(res.statusCode).toBe(400);
    const err = json<Err>(res).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details?.every((d) => d.field === 'body')).toBe(true);
    return (err.details ?? []).map((d) => d.message).join('\n');
  };

  it('names unknown slots, ${} slots, unclosed braces and missing required slots, saving nothing', async () => {
    expect(await fieldMessages(`${V2_BODY}\n联系电话：{{workerPhone}}`)).toContain('未知的占位符：{{workerPhone}}');
    expect(await fieldMessages(`${V2_BODY}\n姓名：\${workerName}`)).toContain('${workerName}');
    expect(await fieldMessages(`${V2_BODY}\n地址：{{address`)).toContain('未闭合');
    const missing = await fieldMessages(V2_BODY.replace('{{wage}}', '面议').replace('{{number}}', ''));
    expect(missing).toContain('{{number}}（协议编号）');
    expect(missing).toContain('{{wage}}（报酬标准）');
    expect(missing).not.toContain('{{settlement}}');
    expect(await fieldMessages(`${V2_BODY}{{ jobTitle }}`, `${base}/preview`)).toContain('{{ jobTitle }}');
    const short = await ctx.as(admin).request('POST', base, { title: '协', body: '太短' });
    expect(
      json<Err>(short)
        .error.details?.map((d) => d.field)
        .sort(),
    ).toEqual(['body', 'title']);
    expect(await versions()).toBe(1);
  });

  it('refuses a version identical to the current one', async () => {
    const res = await ctx
      .as(admin)
      .request('POST', base, { title: DEFAULT_TEMPLATE.title, body: DEFAULT_TEMPLATE.body });
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details?.[0]?.message).toContain('相同');
    expect(await versions()).toBe(1);
  });
});

describe('preview and new version', () => {
  it('previews with sample data without saving', async () => {
    const res = await ctx.as(admin).request('POST', `${base}/preview`, { title: '零工工作协议', body: V2_BODY });
    expect(res.statusCode).toBe(200);
    const text = json<{ text: string }>(res).text;
    expect(text).toContain('协议编号：LZXY-2026-000123');
    expect(text).toContain('报酬：150-200元/天，结算方式：日结');
    expect(text).not.toContain('{{');
    expect(await versions()).toBe(1);
  });

  it('new agreements use the new version; an existing agreement keeps its frozen text', async () => {
    const before = await agreementOf(first);
    expect(before.templateVersion).toBe(1);
    const res = await ctx.as(admin).request('POST', base, { title: '零工工作协议（2026版）', body: V2_BODY });
    expect(res.statusCode).toBe(200);
    const v2 = json<Detail>(res);
    expect(v2).toMatchObject({ version: 2, current: true, agreementCount: 0 });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'agreement_template'), eq(auditLog.entityId, v2.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      actorKind: 'staff',
      details: { version: 2, previousVersion: 1 },
    });

    const next = await hiredGig(ctx, { workerName: '黄德明' });
    const fresh = await agreementOf(next);
    expect(fresh).toMatchObject({ templateVersion: 2, title: '零工工作协议（2026版）' });
    expect(fresh.text).toContain('第二版新增：双方同意通过平台处理争议。');
    expect(fresh.text).toContain('乙方：黄德明');
    expect(fresh.textHash).toBe(sm3(fresh.text));

    const after = await agreementOf(first);
    expect(after).toEqual(before);
    expect(after.text).not.toContain('第二版');

    const list = json<List>(await ctx.as(admin).request('GET', base));
    expect(list.items.map((i) => [i.version, i.current, i.agreementCount])).toEqual([
      [2, true, 1],
      [1, false, 1],
    ]);
  });
});
