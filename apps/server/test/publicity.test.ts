import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { publicityItems } from '../src/modules/publicity/index.js';
import {
  COUNTY,
  createTestApp,
  json,
  PNG_1X1,
  rowCount,
  makeStaff,
  type TestContext,
  TOWNS,
  xlsxSheets,
  zipSheets,
} from './support/index.js';

type ErrorRes = { error: { code: string; details?: { field: string; message: string }[] } };
type Item = {
  id: string;
  kind: string;
  quality: boolean;
  title: string;
  regionName: string;
  recorderName: string | null;
  fileId: string | null;
};
type Indicator = { key: string; actual: number; target: number | null; available: boolean };
type RowsPage = { actual: number; total: number; items: { value: number; cells: Record<string, unknown> }[] };

let ctx: TestContext;
let counter: { token: string; id: string; name: string };
let zhongdu: { token: string; id: string; name: string };
let supervisor: { token: string; id: string };
const ids: Record<string, string> = {};

const base = '/api/v1/admin/publicity';
const details = (res: { body: string }) => json<ErrorRes>(res as never).error.details;

const item = (over: Record<string, unknown> = {}) => ({
  kind: 'article',
  quality: true,
  channel: 'wechat_official',
  title: '鹿寨县零工市场正式启用',
  link: 'https://mp.weixin.qq.com/s/abc',
  publishedOn: '2025-09-10',
  reach: 3200,
  regionCode: COUNTY,
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = new Date('2025-11-15T04:00:00Z');
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

describe('publicity items', () => {
  it('records a quality article with its channel, link, date, reach and recorder; audited', async () => {
    const res = await ctx.as(counter.token).post(base, item());
    expect(res.statusCode).toBe(201);
    const body = json<Item>(res);
    ids.article = body.id;
    expect(body).toMatchObject({
      kind: 'article',
      quality: true,
      title: '鹿寨县零工市场正式启用',
      regionName: '鹿寨县',
      recorderName: counter.name,
    });
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'publicity_item'), eq(auditLog.entityId, body.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects bad items with Chinese field messages and writes nothing', async () => {
    const before = await rowCount(ctx, publicityItems);
    const bad = await ctx
      .as(counter.token)
      .post(base, item({ kind: 'poster', title: '', link: 'mp.weixin', reach: -1 }));
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(
      expect.arrayContaining([
        { field: 'kind', message: '宣传类型不正确' },
        { field: 'title', message: '标题至少2个字' },
        { field: 'link', message: '链接应以 http:// 或 https:// 开头' },
        { field: 'reach', message: '覆盖人次不能为负数' },
      ]),
    );
    expect(details(await ctx.as(counter.token).post(base, item({ kind: 'slogan', quality: true, link: '' })))).toEqual([
      { field: 'quality', message: '只有推文可以标记为优质推文' },
    ]);
    expect(
      details(await ctx.as(counter.token).post(base, item({ kind: 'short_video', quality: false, link: '' }))),
    ).toEqual([{ field: 'link', message: '请填写链接或上传附件（截图）' }]);
    expect(details(await ctx.as(counter.token).post(base, item({ publishedOn: '2025-11-16' })))).toEqual([
      { field: 'publishedOn', message: '发布日期不能晚于今天' },
    ]);
    expect(
      details(await ctx.as(counter.token).post(base, item({ fileId: '00000000-0000-4000-8000-000000000000' }))),
    ).toEqual([{ field: 'fileId', message: '附件不存在，请重新上传' }]);
    expect((await ctx.as(zhongdu.token).post(base, item())).statusCode).toBe(403);
    expect((await ctx.as(supervisor.token).post(base, item({ regionCode: TOWNS.zhongdu }))).statusCode).toBe(403);
    expect(await rowCount(ctx, publicityItems)).toBe(before);
  });

  it('accepts an uploaded image as evidence instead of a link', async () => {
    const up = await ctx.as(zhongdu.token).post(`${base}/files`, { imageBase64: PNG_1X1.toString('base64') });
    expect(up.statusCode).toBe(201);
    const fileId = json<{ fileId: string }>(up).fileId;
    const bad = await ctx.as(zhongdu.token).post(`${base}/files`, {
      imageBase64: Buffer.from('not an image').toString('base64'),
    });
    expect(details(bad)).toEqual([{ field: 'imageBase64', message: '只支持 JPG、PNG、WebP 图片' }]);
    const res = await ctx.as(zhongdu.token).post(
      base,
      item({
        kind: 'short_video',
        quality: false,
        channel: 'douyin',
        title: '中渡镇零工驿站探访',
        link: '',
        fileId,
        publishedOn: '2025-10-02',
        regionCode: TOWNS.zhongdu,
      }),
    );
    expect(res.statusCode).toBe(201);
    ids.video = json<Item>(res).id;
    expect(json<Item>(res).fileId).toBe(fileId);
    const img = await ctx.as(counter.token).get(`${base}/files/${fileId}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('lists the ledger region-scoped with filters; out-of-scope items are not found', async () => {
    ids.slogan = json<Item>(
      await ctx.as(counter.token).post(
        base,
        item({
          kind: 'slogan',
          quality: false,
          channel: 'outdoor',
          title: '家门口就业，零工市场帮您忙',
          link: '',
          publishedOn: '2025-08-01',
        }),
      ),
    ).id;
    ids.campaign = json<Item>(
      await ctx.as(counter.token).post(
        base,
        item({
          kind: 'campaign',
          quality: false,
          channel: 'tv_radio',
          title: '春风行动综合宣传',
          link: '',
          publishedOn: '2025-03-05',
        }),
      ),
    ).id;
    ids.post = json<Item>(
      await ctx
        .as(counter.token)
        .post(base, item({ kind: 'post', quality: false, title: '本周岗位速递', publishedOn: '2024-12-30' })),
    ).id;
    const all = json<{ total: number }>(await ctx.as(counter.token).get(base));
    expect(all.total).toBe(5);
    const slogans = json<{ items: Item[] }>(await ctx.as(counter.token).get(`${base}?kind=slogan`));
    expect(slogans.items.map((i) => i.id)).toEqual([ids.slogan]);
    const y2025 = json<{ total: number }>(await ctx.as(counter.token).get(`${base}?from=2025-01-01&to=2025-12-31`));
    expect(y2025.total).toBe(4);
    const mine = json<{ items: Item[] }>(await ctx.as(zhongdu.token).get(base));
    expect(mine.items.map((i) => i.id)).toEqual([ids.video]);
    expect((await ctx.as(zhongdu.token).get(`${base}/${ids.article}`)).statusCode).toBe(404);
    expect((await ctx.as(counter.token).get(`${base}?quality=maybe`)).statusCode).toBe(400);
  });

  it('updates and deletes with checks, audit and scope', async () => {
    expect(details(await ctx.as(counter.token).patch(`${base}/${ids.slogan}`, { quality: true }))).toEqual([
      { field: 'quality', message: '只有推文可以标记为优质推文' },
    ]);
    const ok = await ctx.as(counter.token).patch(`${base}/${ids.slogan}`, {
      title: '零工市场，家门口的就业服务站',
      reach: 800,
    });
    expect(ok.statusCode).toBe(200);
    expect(json<Item>(ok).title).toBe('零工市场，家门口的就业服务站');
    expect((await ctx.as(zhongdu.token).patch(`${base}/${ids.article}`, { title: '越权修改' })).statusCode).toBe(404);
    expect((await ctx.as(zhongdu.token).patch(`${base}/${ids.video}`, { regionCode: COUNTY })).statusCode).toBe(403);
    const extra = json<Item>(await ctx.as(counter.token).post(base, item({ title: '误登记的推文' })));
    expect((await ctx.as(counter.token).delete(`${base}/${extra.id}`)).statusCode).toBe(204);
    expect((await ctx.as(counter.token).get(`${base}/${extra.id}`)).statusCode).toBe(404);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'publicity_item'), eq(auditLog.entityId, extra.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('KPI, export and pack', () => {
  it('counts the four publicity indicators for 2025 and each figure drills down to its rows', async () => {
    const d = json<{ indicators: Indicator[] }>(await ctx.as(counter.token).get('/api/v1/admin/kpi?year=2025'));
    const by = (k: string) => d.indicators.find((i) => i.key === k);
    expect(by('publicity_articles')).toMatchObject({ available: true, actual: 1, target: 10 });
    expect(by('publicity_posts')).toMatchObject({ actual: 2, target: 300 });
    expect(by('publicity_campaigns')).toMatchObject({ actual: 1, target: 6 });
    expect(by('publicity_slogans')).toMatchObject({ actual: 1, target: 30 });
    for (const key of ['publicity_articles', 'publicity_posts', 'publicity_campaigns', 'publicity_slogans']) {
      const rows = json<RowsPage>(await ctx.as(counter.token).get(`/api/v1/admin/kpi/${key}/rows?year=2025`));
      expect({ key, sum: rows.items.reduce((s, r) => s + r.value, 0) }).toEqual({ key, sum: by(key)?.actual });
      expect(rows.actual).toBe(by(key)?.actual);
    }
    const zd = json<{ indicators: Indicator[] }>(await ctx.as(zhongdu.token).get('/api/v1/admin/kpi?year=2025'));
    expect(zd.indicators.find((i) => i.key === 'publicity_posts')?.actual).toBe(1);
  });

  it('uses targets from the settings', async () => {
    const admin = await makeStaff(ctx, { roles: ['admin'] });
    const put = await ctx
      .as(admin.token)
      .put('/api/v1/admin/settings/kpiTargets', { value: { publicity_slogans: { '2025': 40 } } });
    expect(put.statusCode).toBe(200);
    const d = json<{ indicators: Indicator[] }>(await ctx.as(counter.token).get('/api/v1/admin/kpi?year=2025'));
    expect(d.indicators.find((i) => i.key === 'publicity_slogans')?.target).toBe(40);
  });

  it('exports the ledger with Chinese headers, recorder and time; the pack carries the same rows', async () => {
    const res = await ctx.as(counter.token).get(`${base}/export?from=2025-01-01&to=2025-12-31`);
    expect(res.statusCode).toBe(200);
    const sheet = (await xlsxSheets(res.rawPayload)).get('宣传推广台账') ?? [];
    expect(sheet[0]).toEqual([
      '序号',
      '宣传类型',
      '优质推文',
      '标题/内容',
      '发布渠道',
      '链接',
      '附件',
      '发布日期',
      '覆盖人次',
      '所在地',
      '记录人',
      '记录时间',
    ]);
    expect(
      sheet
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['推文', '宣传标语', '短视频', '综合媒体宣传'].sort());
    expect(sheet.find((r) => r[1] === '推文')?.slice(2, 3)).toEqual(['是']);
    expect(sheet.find((r) => r[1] === '短视频')?.[6]).toBe('有');
    const pack = await ctx.as(counter.token).get('/api/v1/admin/kpi/acceptance-pack?year=2025');
    expect(pack.statusCode).toBe(200);
    const packSheet = (await zipSheets(pack.rawPayload, '11-宣传推广台账.xlsx')).get('宣传推广台账') ?? [];
    expect(packSheet.length - 1).toBe(4);
    const exports = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'ledger'), eq(auditLog.entityId, 'publicity')));
    expect(exports).toHaveLength(1);
  });
});
