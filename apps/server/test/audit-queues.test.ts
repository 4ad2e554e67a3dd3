import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employers } from '../src/modules/employers/employers.schema.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { occupations } from '../src/modules/reference/reference.schema.js';
import { writeAudit } from '../src/platform/audit/audit.js';
import { createTestApp, json, staffToken, type TestContext, TOWNS } from './support/index.js';

let ctx: TestContext;
let admin: string;
let zhongduAgent: string;
let zhongduAdmin: string;
let counter: string;
let supervisor: string;
let zhongduAdminId: string;

type Entry = {
  id: number;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  createdAt: string;
};
type Page = { items: Entry[]; total: number };
type Err = { error: { code: string; details?: { field: string; message: string }[] } };

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  zhongduAdmin = await staffToken(ctx, { roles: ['admin'], regionCode: TOWNS.zhongdu });
  counter = await staffToken(ctx, { roles: ['counter_staff'] });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  zhongduAdminId = json<{ id: string }>(await ctx.as(zhongduAdmin).get('/api/v1/admin/me')).id;
  const db = ctx.deps.database.db;
  await writeAudit(db, {
    actor: { kind: 'staff', id: zhongduAdminId },
    action: 'update',
    entity: 'worker',
    entityId: 'w-zd',
    regionCode: '450223101001',
  });
  await writeAudit(db, {
    actor: { kind: 'system' },
    action: 'update',
    entity: 'worker',
    entityId: 'w-zs',
    regionCode: '450223102001',
  });
  await writeAudit(db, { actor: { kind: 'system' }, action: 'expire', entity: 'job', entityId: 'j-county' });

  const [occ] = await db.select().from(occupations).limit(1);
  const emp = (name: string, townCode: string, status: 'pending' | 'verified') => ({
    name,
    kind: 'enterprise' as const,
    townCode,
    verificationStatus: status,
  });
  const ids = await db
    .insert(employers)
    .values([
      emp('中渡待核验', TOWNS.zhongdu, 'pending'),
      emp('寨沙待核验A', TOWNS.zhaisha, 'pending'),
      emp('寨沙待核验B', TOWNS.zhaisha, 'pending'),
      emp('已核验', TOWNS.zhongdu, 'verified'),
    ])
    .returning({ id: employers.id });
  const job = (townCode: string, status: 'pending_review' | 'published') => ({
    employerId: ids[0]?.id ?? '',
    occupationId: occ?.id ?? '',
    title: '测试岗位',
    kind: 'flexible' as const,
    headcount: 1,
    wageMinFen: 15000,
    wageMaxFen: 20000,
    wageUnit: 'day' as const,
    settlement: 'daily' as const,
    townCode,
    address: '某路1号',
    startDate: '2025-12-01',
    status,
  });
  await db
    .insert(jobPostings)
    .values([
      job(TOWNS.zhongdu, 'pending_review'),
      job(TOWNS.zhongdu, 'pending_review'),
      job(TOWNS.zhaisha, 'pending_review'),
      job(TOWNS.zhongdu, 'published'),
    ]);
});
afterAll(async () => ctx?.close());

describe('console home queue counts', () => {
  it('counts pending postings and employers in the caller region', async () => {
    const county = await ctx.as(supervisor).get('/api/v1/admin/dashboard/queues');
    expect(county.statusCode).toBe(200);
    expect(json(county)).toEqual({
      pendingPostings: 3,
      pendingEmployers: 3,
      pendingCertificates: 0,
      flaggedRatings: 0,
      pendingAppeals: 0,
      openGrievances: 0,
    });
    expect(json(await ctx.as(zhongduAgent).get('/api/v1/admin/dashboard/queues'))).toEqual({
      pendingPostings: 2,
      pendingEmployers: 1,
      pendingCertificates: 0,
      flaggedRatings: 0,
      pendingAppeals: 0,
      openGrievances: 0,
    });
    expect((await ctx.anon.get('/api/v1/admin/dashboard/queues')).statusCode).toBe(401);
  });
});

describe('audit-log viewer', () => {
  it('county admins see every region and unscoped entries, with staff names', async () => {
    const page = json<Page>(await ctx.as(admin).get('/api/v1/admin/audit?pageSize=200'));
    const ids = page.items.map((e) => e.entityId);
    expect(ids).toEqual(expect.arrayContaining(['w-zd', 'w-zs', 'j-county']));
    expect(page.items.find((e) => e.entityId === 'w-zd')?.actorName).toMatch(/^测试/);
    expect(page.items.find((e) => e.entityId === 'w-zd')).toMatchObject({
      regionName: expect.stringContaining('中渡镇'),
    });
    const sorted = [...page.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    expect(page.items.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
  });

  it('a 中渡镇 admin never sees 寨沙镇 or county-wide entries', async () => {
    const page = json<Page>(await ctx.as(zhongduAdmin).get('/api/v1/admin/audit?pageSize=200'));
    const ids = page.items.map((e) => e.entityId);
    expect(ids).toContain('w-zd');
    expect(ids).not.toContain('w-zs');
    expect(ids).not.toContain('j-county');
    expect(page.items.every((e) => e.regionCode?.startsWith('450223101'))).toBe(true);
  });

  it('filters by actor, action, entity and time', async () => {
    const byActor = json<Page>(await ctx.as(admin).get(`/api/v1/admin/audit?actorId=${zhongduAdminId}&pageSize=200`));
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.map((e) => e.entityId)).toContain('w-zd');
    expect(byActor.items.every((e) => e.actorName === byActor.items[0]?.actorName)).toBe(true);
    const byEntity = json<Page>(await ctx.as(admin).get('/api/v1/admin/audit?entity=worker&action=update'));
    expect(byEntity.items.map((e) => e.entityId).sort()).toEqual(['w-zd', 'w-zs']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(
      json<Page>(await ctx.as(admin).get(`/api/v1/admin/audit?entity=worker&from=${today}&to=${today}`)).total,
    ).toBe(2);
    expect(json<Page>(await ctx.as(admin).get('/api/v1/admin/audit?entity=worker&to=2020-01-01')).total).toBe(0);
  });

  it('bad filters are 400 with Chinese field messages', async () => {
    const res = await ctx.as(admin).get('/api/v1/admin/audit?from=yesterday&actorId=nope');
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details).toEqual(
      expect.arrayContaining([
        { field: 'from', message: '时间格式应为 2025-11-27 或 ISO 时间' },
        { field: 'actorId', message: '操作人ID格式不正确' },
      ]),
    );
    const reversed = await ctx.as(admin).get('/api/v1/admin/audit?from=2025-12-02&to=2025-12-01');
    expect(json<Err>(reversed).error.details).toEqual([{ field: 'to', message: '结束时间应晚于开始时间' }]);
  });

  it('exports the filtered, region-scoped log to Excel with Chinese headers, and audits the export', async () => {
    const read = async (token: string, query = '') => {
      const res = await ctx.as(token).get(`/api/v1/admin/audit/export${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
      const ws = wb.getWorksheet('审计日志');
      const rows: string[][] = [];
      ws?.eachRow((r) => rows.push([r.getCell(5).text, r.getCell(6).text, r.getCell(7).text, r.getCell(8).text]));
      return rows;
    };
    const county = await read(admin, '?entity=worker');
    expect(county[0]).toEqual(['操作', '对象类型', '对象ID', '区域']);
    expect(
      county
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['w-zd', 'w-zs']);
    const town = await read(zhongduAdmin);
    expect(town.map((r) => r[2])).toContain('w-zd');
    expect(town.map((r) => r[2])).not.toContain('w-zs');
    expect(town.map((r) => r[2])).not.toContain('j-county');
    const list = json<Page>(await ctx.as(admin).get('/api/v1/admin/audit?action=export&entity=audit_log'));
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect((await ctx.as(counter).get('/api/v1/admin/audit/export')).statusCode).toBe(403);
    expect((await ctx.as(admin).get('/api/v1/admin/audit/export?from=bad')).statusCode).toBe(400);
  });

  it('needs audit.read: counter staff and station agents are refused', async () => {
    expect((await ctx.as(counter).get('/api/v1/admin/audit')).statusCode).toBe(403);
    expect((await ctx.as(zhongduAgent).get('/api/v1/admin/audit')).statusCode).toBe(403);
  });
});
