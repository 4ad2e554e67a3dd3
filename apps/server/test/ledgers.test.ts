import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  type RegisteredWorker,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Reg = {
  workerId: string;
  nameMasked: string;
  idNumberMasked: string;
  channel: string;
  recorderName: string | null;
  priorityGroups: string[];
  followupCount: number;
  latestFollowup: { status: string; nextDate: string | null } | null;
};

let ctx: TestContext;
let counter: { token: string; id: string; name: string };
let zhongdu: { token: string; id: string; name: string };
let supervisor: { token: string; id: string; name: string };
let a: RegisteredWorker;
let b: RegisteredWorker;
let c: RegisteredWorker;

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = new Date('2025-11-15T04:00:00Z');
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  a = await registerWorker(ctx, {
    name: '韦春花',
    homeRegionCode: '450223101001',
    createdAt: new Date('2025-03-10T02:00:00Z'),
    channel: 'station',
    staffId: zhongdu.id,
    priorityGroups: ['脱贫劳动力'],
  });
  b = await registerWorker(ctx, {
    name: '莫小兰',
    homeRegionCode: '450223101002',
    createdAt: new Date('2025-09-10T02:00:00Z'),
    channel: 'online',
  });
  c = await registerWorker(ctx, {
    name: '覃秋月',
    homeRegionCode: '450223102001',
    createdAt: new Date('2025-09-12T02:00:00Z'),
    channel: 'counter',
    staffId: counter.id,
    priorityGroups: ['脱贫劳动力', '残疾人'],
  });
  const employerId = await makeEmployer(ctx, {
    name: '寨沙镇测试建材厂',
    townCode: TOWNS.zhaisha,
    createdAt: new Date('2025-09-01T00:00:00Z'),
  });
  const jobId = await makeJob(ctx, {
    employerId,
    townCode: TOWNS.zhaisha,
    kind: 'flexible',
    headcount: 3,
    publishedAt: new Date('2025-10-02T00:00:00Z'),
    title: '搬运工（日结）',
  });
  const post = async (url: string, token: string, payload: Record<string, unknown>) => {
    const res = await ctx.as(token).post(url, payload);
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await post('/api/v1/admin/services/followups', zhongdu.token, {
    workerId: a.id,
    status: 'seeking',
    contactedAt: '2025-06-01T10:00:00+08:00',
    nextDate: '2025-07-01',
  });
  await post('/api/v1/admin/services/followups', zhongdu.token, {
    workerId: a.id,
    status: 'employed',
    contactedAt: '2025-07-01T10:00:00+08:00',
  });
  await post('/api/v1/admin/services/followups', counter.token, {
    workerId: c.id,
    status: 'in_training',
    contactedAt: '2025-10-01T10:00:00+08:00',
  });
  await post('/api/v1/admin/services/referrals', zhongdu.token, {
    workerId: a.id,
    jobId,
    occurredAt: '2025-10-03T09:00:00+08:00',
  });
  await post('/api/v1/admin/services/referrals', counter.token, {
    workerId: c.id,
    jobId,
    kind: 'hire',
    occurredAt: '2025-10-04T09:00:00+08:00',
  });
  await post('/api/v1/admin/services/guidance', counter.token, {
    workerId: c.id,
    topic: '职业规划',
    advice: '建议学习电工',
    sessionAt: '2025-10-05T09:00:00+08:00',
  });
  await post('/api/v1/admin/services/guidance', zhongdu.token, {
    workerId: b.id,
    topic: '求职技巧',
    advice: '准备简历',
    sessionAt: '2025-10-06T09:00:00+08:00',
  });
});
afterAll(async () => ctx?.close());

async function sheetOf(res: LightMyRequestResponse): Promise<{ headers: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const values: string[][] = [];
  sheet.eachRow((row) =>
    values.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return { headers: values[0] ?? [], rows: values.slice(1) };
}

describe('registration ledger', () => {
  it('lists registrations with channel, recorder, time, priority groups and latest follow-up, masked', async () => {
    const page = json<Page<Reg>>(await ctx.as(counter.token).get('/api/v1/admin/ledgers/registrations?pageSize=50'));
    expect(page.total).toBe(3);
    const rowA = page.items.find((r) => r.workerId === a.id);
    expect(rowA).toMatchObject({
      nameMasked: '韦**',
      channel: 'station',
      recorderName: zhongdu.name,
      priorityGroups: ['脱贫劳动力'],
      followupCount: 2,
      latestFollowup: { status: 'employed', nextDate: null },
    });
    expect(rowA?.idNumberMasked).toMatch(/^450223\*{8}\w{4}$/);
    expect(page.items.find((r) => r.workerId === b.id)).toMatchObject({
      channel: 'online',
      recorderName: null,
      followupCount: 0,
      latestFollowup: null,
    });
    expect(JSON.stringify(page)).not.toContain('韦春花');
  });

  it('filters by period, town, channel and priority group', async () => {
    const ids = async (qs: string) =>
      json<Page<Reg>>(await ctx.as(counter.token).get(`/api/v1/admin/ledgers/registrations?${qs}`))
        .items.map((r) => r.workerId)
        .sort();
    expect(await ids('from=2025-09-01&to=2025-09-30')).toEqual([b.id, c.id].sort());
    expect(await ids(`town=${TOWNS.zhongdu}`)).toEqual([a.id, b.id].sort());
    expect(await ids('channel=counter')).toEqual([c.id]);
    expect(await ids(`priorityGroup=${encodeURIComponent('脱贫劳动力')}`)).toEqual([a.id, c.id].sort());
    type Bad = { error: { details: { field: string; message: string }[] } };
    const reversed = await ctx
      .as(counter.token)
      .get('/api/v1/admin/ledgers/registrations?from=2025-10-01&to=2025-09-01');
    expect(reversed.statusCode).toBe(400);
    expect(json<Bad>(reversed).error.details).toEqual([{ field: 'to', message: '结束日期不能早于开始日期' }]);
    const channel = await ctx.as(counter.token).get('/api/v1/admin/ledgers/registrations?channel=fax&from=2025-13-01');
    expect(json<Bad>(channel).error.details).toEqual(
      expect.arrayContaining([
        { field: 'channel', message: '登记渠道不正确' },
        { field: 'from', message: '日期格式应为 YYYY-MM-DD' },
      ]),
    );
  });

  it('a 中渡镇 agent sees only 中渡镇 registrations, and nothing when asking for 寨沙镇', async () => {
    const page = json<Page<Reg>>(await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/registrations'));
    expect(page.items.map((r) => r.workerId).sort()).toEqual([a.id, b.id].sort());
    expect(
      json<Page<Reg>>(await ctx.as(zhongdu.token).get(`/api/v1/admin/ledgers/registrations?town=${TOWNS.zhaisha}`)),
    ).toMatchObject({ total: 0, items: [] });
  });
});

describe('service ledgers', () => {
  it('lists follow-ups, matchmakings and guidance in scope, with recorder names', async () => {
    const f = json<Page<{ workerId: string; recorderName: string }>>(
      await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/followups'),
    );
    expect(f.total).toBe(2);
    expect(f.items.every((r) => r.workerId === a.id && r.recorderName === zhongdu.name)).toBe(true);
    const m = json<Page<{ workerId: string; jobTitle: string; employerName: string; kind: string }>>(
      await ctx.as(counter.token).get('/api/v1/admin/ledgers/matchmakings'),
    );
    expect(m.total).toBe(2);
    expect(m.items[0]).toMatchObject({
      workerId: c.id,
      kind: 'hire',
      jobTitle: '搬运工（日结）',
      employerName: '寨沙镇测试建材厂',
    });
    expect(json<Page<unknown>>(await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/matchmakings')).total).toBe(1);
    expect(
      json<Page<unknown>>(await ctx.as(counter.token).get('/api/v1/admin/ledgers/matchmakings?kind=hire')).total,
    ).toBe(1);
    const g = json<Page<{ workerId: string; topic: string }>>(
      await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/guidance'),
    );
    expect(g.items.map((r) => r.workerId)).toEqual([b.id]);
    expect(
      json<Page<unknown>>(await ctx.as(zhongdu.token).get(`/api/v1/admin/ledgers/followups?workerId=${c.id}`)).total,
    ).toBe(0);
  });

  it('a supervisor may read the ledgers', async () => {
    expect((await ctx.as(supervisor.token).get('/api/v1/admin/ledgers/guidance')).statusCode).toBe(200);
  });
});

describe('ledger exports', () => {
  it('exports the registration ledger to .xlsx with Chinese headers, one row per record, audited', async () => {
    const res = await ctx.as(counter.token).get('/api/v1/admin/ledgers/registrations/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('求职登记台账'));
    const { headers, rows } = await sheetOf(res);
    expect(headers).toEqual([
      '序号',
      '姓名',
      '性别',
      '公民身份号码',
      '联系电话',
      '户籍/现居住地',
      '重点群体类别',
      '登记渠道',
      '登记人',
      '登记时间',
      '跟踪次数',
      '最近跟踪状态',
      '最近跟踪时间',
      '下次跟踪日期',
    ]);
    expect(rows).toHaveLength(3);
    const rowC = rows.find((r) => r[1] === '覃**');
    expect(rowC?.slice(6, 10)).toEqual(['脱贫劳动力、残疾人', '窗口代登记', counter.name, '2025-09-12 10:00']);
    expect(rows.find((r) => r[1] === '莫**')?.[8]).toBe('本人线上登记');
    const [audit] = await ctx.deps.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.entityId, 'registrations')));
    expect(audit?.n).toBe(1);
  });

  it('exports real names only to staff allowed to see personal data', async () => {
    const full = await sheetOf(await ctx.as(counter.token).get('/api/v1/admin/ledgers/registrations/export?pii=full'));
    expect(full.rows.map((r) => r[1]).sort()).toEqual(['覃秋月', '莫小兰', '韦春花'].sort());
    expect(full.rows.map((r) => r[3])).toContain(a.idNumber);
    expect((await ctx.as(supervisor.token).get('/api/v1/admin/ledgers/registrations/export?pii=full')).statusCode).toBe(
      403,
    );
    const [audit] = await ctx.deps.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.actorId, counter.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toMatchObject({ rows: 3, query: { pii: 'full' } });
  });

  it('exports matchmaking and guidance ledgers region-scoped, with recorder, time and channel', async () => {
    const m = await sheetOf(await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/matchmakings/export'));
    expect(m.headers).toEqual([
      '序号',
      '求职者姓名',
      '所在地',
      '岗位',
      '用工主体',
      '对接渠道',
      '对接方式',
      '记录来源',
      '对接时间',
      '记录人',
      '备注',
    ]);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]?.slice(1, 10)).toEqual([
      '韦**',
      expect.stringContaining('中渡镇'),
      '搬运工（日结）',
      '寨沙镇测试建材厂',
      '线下',
      '推荐',
      '人工登记',
      '2025-10-03 09:00',
      zhongdu.name,
    ]);
    const g = await sheetOf(await ctx.as(counter.token).get('/api/v1/admin/ledgers/guidance/export'));
    expect(g.headers).toEqual([
      '序号',
      '姓名',
      '所在地',
      '指导时间',
      '指导主题',
      '择业建议',
      '下一步安排',
      '回访日期',
      '指导人',
    ]);
    expect(g.rows.map((r) => r[4]).sort()).toEqual(['求职技巧', '职业规划']);
    const f = await sheetOf(
      await ctx.as(zhongdu.token).get(`/api/v1/admin/ledgers/followups/export?town=${TOWNS.zhaisha}`),
    );
    expect(f.rows).toHaveLength(0);
    expect(f.headers).toContain('记录人');
  });
});
