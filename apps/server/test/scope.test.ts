import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { stations } from '../src/modules/reference/reference.schema.js';
import { makeWorker, createTestApp, json, staffToken, type TestContext, TOWNS } from './support/index.js';

let ctx: TestContext;
let zhongduAgent: string;
let countyStaff: string;
let supervisor: string;
let zhongduWorker: string;
let zhaishaWorker: string;

beforeAll(async () => {
  ctx = await createTestApp();
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  countyStaff = await staffToken(ctx, { roles: ['counter_staff'] });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  zhongduWorker = (await makeWorker(ctx, { name: '韦中渡', homeRegionCode: '450223101001' })).id;
  zhaishaWorker = (await makeWorker(ctx, { name: '覃寨沙', homeRegionCode: '450223102001' })).id;
});
afterAll(async () => ctx?.close());

type Page = { items: { id: string; nameMasked: string; homeRegionCode: string }[]; total: number };

describe('region scope', () => {
  it('a 中渡镇 station agent lists only 中渡镇 records', async () => {
    const page = json<Page>(await ctx.as(zhongduAgent).get('/api/v1/admin/workers'));
    expect(page.items.map((w) => w.id)).toContain(zhongduWorker);
    expect(page.items.map((w) => w.id)).not.toContain(zhaishaWorker);
    expect(page.items.every((w) => w.homeRegionCode.startsWith('450223101'))).toBe(true);
  });

  it('filtering by another town yields nothing instead of widening scope', async () => {
    const page = json<Page>(await ctx.as(zhongduAgent).get(`/api/v1/admin/workers?town=${TOWNS.zhaisha}`));
    expect(page).toMatchObject({ items: [], total: 0 });
  });

  it('a 中渡镇 station agent cannot read a 寨沙镇 record, nor its personal data', async () => {
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/workers/${zhaishaWorker}`)).statusCode).toBe(404);
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/workers/${zhaishaWorker}/pii`)).statusCode).toBe(404);
    const own = await ctx.as(zhongduAgent).get(`/api/v1/admin/workers/${zhongduWorker}`);
    expect(own.statusCode).toBe(200);
    expect(json(own).nameMasked).toBe('韦**');
  });

  it('county staff see both towns; lists are masked', async () => {
    const page = json<Page>(await ctx.as(countyStaff).get('/api/v1/admin/workers?pageSize=200'));
    expect(page.items.map((w) => w.id)).toEqual(expect.arrayContaining([zhongduWorker, zhaishaWorker]));
    expect(JSON.stringify(page)).not.toContain('韦中渡');
  });

  it('the full personal view is returned only to permitted staff and is audited', async () => {
    const res = await ctx.as(countyStaff).get(`/api/v1/admin/workers/${zhongduWorker}/pii`);
    expect(res.statusCode).toBe(200);
    expect(json(res).name).toBe('韦中渡');
    const [row] = await ctx.deps.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view_pii'), eq(auditLog.entityId, zhongduWorker)));
    expect(row?.n).toBe(1);
    const denied = await ctx.as(supervisor).get(`/api/v1/admin/workers/${zhongduWorker}/pii`);
    expect(denied.statusCode).toBe(403);
  });

  it('a supervisor can read but cannot write', async () => {
    expect((await ctx.as(supervisor).get('/api/v1/admin/workers')).statusCode).toBe(200);
    const res = await ctx
      .as(supervisor)
      .post('/api/v1/admin/stations', { name: '监管新建驿站', townCode: TOWNS.zhongdu, address: '中渡镇某路1号' });
    expect(res.statusCode).toBe(403);
    expect(json<{ error: { message: string } }>(res).error.message).toBe('没有权限进行此操作');
  });

  it('a station agent creates stations only in its own town', async () => {
    const own = await ctx.as(zhongduAgent).post('/api/v1/admin/stations', {
      name: '中渡镇大兆村零工服务点',
      townCode: TOWNS.zhongdu,
      address: '中渡镇大兆村委旁',
    });
    expect(own.statusCode).toBe(201);
    expect(json(own).townName).toBe('中渡镇');
    const other = await ctx
      .as(zhongduAgent)
      .post('/api/v1/admin/stations', { name: '越权驿站', townCode: TOWNS.zhaisha, address: '寨沙镇某路' });
    expect(other.statusCode).toBe(403);
    const [n] = await ctx.deps.database.db.select({ n: count() }).from(stations).where(eq(stations.name, '越权驿站'));
    expect(n?.n).toBe(0);
    const listed = json<{ items: { townCode: string }[] }>(
      await ctx.as(zhongduAgent).get('/api/v1/admin/stations?pageSize=100'),
    );
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((s) => s.townCode === TOWNS.zhongdu)).toBe(true);
  });

  it('a bad station body names each field in Chinese and writes nothing', async () => {
    const before = await ctx.deps.database.db.select({ n: count() }).from(stations);
    const res = await ctx
      .as(countyStaff)
      .post('/api/v1/admin/stations', { name: 'x', townCode: '4502', address: '', lng: 500 });
    expect(res.statusCode).toBe(400);
    const details = json<{ error: { details: { field: string; message: string }[] } }>(res).error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '驿站名称至少2个字' },
        { field: 'townCode', message: '行政区划代码应为12位数字' },
        { field: 'address', message: '地址至少2个字' },
        { field: 'lng', message: '经度超出中国范围' },
      ]),
    );
    const after = await ctx.deps.database.db.select({ n: count() }).from(stations);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('staff writes are in the audit log', async () => {
    const rows = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'station'), eq(auditLog.action, 'create')));
    expect(rows.map((r) => r.details?.name)).toContain('中渡镇大兆村零工服务点');
  });
});
