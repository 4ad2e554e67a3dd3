import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { sensitiveWords } from '../src/platform/moderation/moderation.schema.js';
import { createTestApp, json, staffToken, type TestContext } from './support/index.js';

let ctx: TestContext;
let reviewer: string;
let supervisor: string;
beforeAll(async () => {
  ctx = await createTestApp();
  reviewer = await staffToken(ctx, { roles: ['reviewer'] });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

type Result = {
  verdict: string;
  hits: { word: string; action: string }[];
  findings: { rule: string; excerpt: string }[];
  masked: string;
};
const testText = (text: string, token = reviewer) => ctx.as(token).post('/api/v1/admin/sensitive-words/test', { text });

describe('sensitive-word dictionary', () => {
  it('ships a starter dictionary by category', async () => {
    const page = json<{ total: number; items: { category: string }[] }>(
      await ctx.as(reviewer).get('/api/v1/admin/sensitive-words?pageSize=200'),
    );
    expect(page.total).toBeGreaterThan(30);
    expect(new Set(page.items.map((w) => w.category))).toEqual(
      new Set(['illegal', 'fraud', 'vulgar', 'contact_bypass', 'discrimination']),
    );
  });

  it('a word added applies at once, without a restart', async () => {
    expect(json<Result>(await testText('招聘快手点赞员，日结')).verdict).toBe('pass');
    const add = await ctx
      .as(reviewer)
      .post('/api/v1/admin/sensitive-words', { words: [{ word: '点赞员', category: 'fraud', action: 'block' }] });
    expect(json(add)).toEqual({ added: 1 });
    const r = json<Result>(await testText('招聘快手 点-赞-员，日结'));
    expect(r.verdict).toBe('block');
    expect(r.hits.map((h) => h.word)).toEqual(['点赞员']);
  });

  it('disabling a word stops it matching', async () => {
    const page = json<{ items: { id: string }[] }>(
      await ctx.as(reviewer).get('/api/v1/admin/sensitive-words?q=点赞员'),
    );
    const id = page.items[0]?.id;
    const res = await ctx.as(reviewer).patch(`/api/v1/admin/sensitive-words/${id}`, { enabled: false });
    expect(json(res).enabled).toBe(false);
    expect(json<Result>(await testText('点赞员')).verdict).toBe('pass');
  });

  it('the test box shows word hits, discrimination findings and the masked text', async () => {
    const r = json<Result>(await testText('急招保安，限男性，详情加微信'));
    expect(r.verdict).toBe('block');
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'gender', excerpt: '限男性' })]);
    expect(r.masked).toBe('急招保安，限男性，详情***');
  });

  it('a supervisor may test and read but not change the dictionary', async () => {
    expect((await testText('你好', supervisor)).statusCode).toBe(200);
    const res = await ctx
      .as(supervisor)
      .post('/api/v1/admin/sensitive-words', { words: [{ word: '测试词', category: 'other', action: 'review' }] });
    expect(res.statusCode).toBe(403);
  });

  it('bad input names the fields and writes nothing', async () => {
    const [before] = await ctx.deps.database.db.select({ n: count() }).from(sensitiveWords);
    const res = await ctx.as(reviewer).post('/api/v1/admin/sensitive-words', {
      words: [
        { word: '好词', category: 'other', action: 'review' },
        { word: '', category: 'nope', action: 'x' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const fields = json<{ error: { details: { field: string; message: string }[] } }>(res).error.details;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'words.1.word', message: '请填写敏感词' },
        { field: 'words.1.category', message: '敏感词分类不正确' },
      ]),
    );
    const [after] = await ctx.deps.database.db.select({ n: count() }).from(sensitiveWords);
    expect(after?.n).toBe(before?.n);
  });
});
