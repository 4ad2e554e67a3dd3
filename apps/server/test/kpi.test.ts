import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { recordMatchmaking } from '../src/modules/services/index.js';
import {
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Indicator = {
  key: string;
  target: number | null;
  actual: number;
  percentage: number | null;
  available: boolean;
  trend: { month: string; value: number }[];
};
type Dashboard = {
  period: { kind: string; key: string; from: string; to: string };
  regionName: string;
  indicators: Indicator[];
};
type RowsPage = {
  actual: number;
  total: number;
  columns: { key: string; label: string }[];
  items: { id: string; value: number; cells: Record<string, string | number | null> }[];
};

let ctx: TestContext;
let counter: { token: string; id: string };
let zhongdu: { token: string; id: string };
let supervisor: { token: string; id: string };
let admin: { token: string; id: string };

const at = (iso: string) => new Date(iso);
const AVAILABLE = [
  'worker_registrations',
  'matchmakings',
  'guidance_sessions',
  'contract_job_posts',
  'contract_job_openings',
  'flexible_job_posts',
  'flexible_job_openings',
  'employer_registrations',
];

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = at('2025-11-15T04:00:00Z');
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  admin = await makeStaff(ctx, { roles: ['admin'] });
  // Registrations: 中渡镇 3 in 2025 (one at 2025-08-31 23:30 Shanghai, i.e. August), 寨沙镇 2 in 2025, one in 2024.
  const zd1 = await registerWorker(ctx, {
    name: '韦一',
    homeRegionCode: '450223101001',
    createdAt: at('2025-08-31T15:30:00Z'),
  });
  const zd2 = await registerWorker(ctx, {
    name: '韦二',
    homeRegionCode: '450223101002',
    createdAt: at('2025-08-31T16:30:00Z'),
  });
  await registerWorker(ctx, { name: '韦三', homeRegionCode: TOWNS.zhongdu, createdAt: at('2025-09-20T02:00:00Z') });
  const zs1 = await registerWorker(ctx, {
    name: '覃一',
    homeRegionCode: '450223102001',
    createdAt: at('2025-03-01T02:00:00Z'),
  });
  await registerWorker(ctx, { name: '覃二', homeRegionCode: '450223102001', createdAt: at('2025-09-02T02:00:00Z') });
  await registerWorker(ctx, { name: '覃旧', homeRegionCode: '450223102001', createdAt: at('2024-12-31T15:00:00Z') });
  // Employers and jobs: published in 2025 except one from 2024 and one never published.
  const ezd = await makeEmployer(ctx, {
    name: '中渡测试厂',
    townCode: TOWNS.zhongdu,
    createdAt: at('2025-02-01T00:00:00Z'),
  });
  const ezs = await makeEmployer(ctx, {
    name: '寨沙测试厂',
    townCode: TOWNS.zhaisha,
    createdAt: at('2025-09-05T00:00:00Z'),
  });
  await makeEmployer(ctx, { name: '旧厂', townCode: TOWNS.zhaisha, createdAt: at('2024-05-01T00:00:00Z') });
  const j1 = await makeJob(ctx, {
    employerId: ezd,
    townCode: TOWNS.zhongdu,
    kind: 'contract',
    headcount: 40,
    publishedAt: at('2025-09-01T01:00:00Z'),
  });
  await makeJob(ctx, {
    employerId: ezs,
    townCode: TOWNS.zhaisha,
    kind: 'contract',
    headcount: 25,
    publishedAt: at('2025-09-10T01:00:00Z'),
  });
  await makeJob(ctx, {
    employerId: ezs,
    townCode: TOWNS.zhaisha,
    kind: 'flexible',
    headcount: 6,
    publishedAt: at('2025-10-10T01:00:00Z'),
  });
  await makeJob(ctx, {
    employerId: ezd,
    townCode: TOWNS.zhongdu,
    kind: 'flexible',
    headcount: 4,
    publishedAt: at('2024-10-10T01:00:00Z'),
  });
  // Matchmakings: 2 manual (中渡, 寨沙), 1 automatic (中渡). Guidance: 1 in 中渡.
  const post = async (url: string, token: string, payload: Record<string, unknown>) => {
    const res = await ctx.as(token).post(url, payload);
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await post('/api/v1/admin/services/referrals', zhongdu.token, {
    workerId: zd1.id,
    jobId: j1,
    occurredAt: '2025-09-02T10:00:00+08:00',
  });
  await post('/api/v1/admin/services/referrals', counter.token, {
    workerId: zs1.id,
    employerId: ezs,
    kind: 'hire',
    occurredAt: '2025-10-02T10:00:00+08:00',
  });
  await ctx.deps.database.db.transaction((tx) =>
    recordMatchmaking(
      tx,
      {
        workerId: zd2.id,
        jobId: j1,
        employerId: ezd,
        channel: 'online',
        kind: 'apply',
        source: 'auto',
        occurredAt: at('2025-10-20T02:00:00Z'),
        regionCode: '450223101002',
      },
      { actor: { kind: 'system' } },
    ),
  );
  await post('/api/v1/admin/services/guidance', zhongdu.token, {
    workerId: zd1.id,
    topic: '职业规划',
    advice: '建议学电工',
    sessionAt: '2025-11-01T10:00:00+08:00',
  });
});
afterAll(async () => ctx?.close());

const dashboard = async (qs: string, token: string) =>
  json<Dashboard>(await ctx.as(token).get(`/api/v1/admin/kpi?${qs}`));
const actuals = (d: Dashboard) =>
  Object.fromEntries(d.indicators.filter((i) => i.available).map((i) => [i.key, i.actual]));

/** Page through every row of a figure and add up the values. */
async function drillSum(
  key: string,
  qs: string,
  token: string,
): Promise<{
  sum: number;
  rows: number;
  total: number;
  actual: number;
  cells: Record<string, string | number | null>[];
}> {
  let page = 1;
  let sum = 0;
  const cells: Record<string, string | number | null>[] = [];
  let last: RowsPage;
  do {
    last = json<RowsPage>(await ctx.as(token).get(`/api/v1/admin/kpi/${key}/rows?${qs}&page=${page}&pageSize=2`));
    sum += last.items.reduce((s, r) => s + r.value, 0);
    cells.push(...last.items.map((r) => r.cells));
    page += 1;
  } while (last.items.length > 0 && cells.length < last.total);
  return { sum, rows: cells.length, total: last.total, actual: last.actual, cells };
}

describe('KPI dashboard', () => {
  it('counts the year for the county with targets, percentages and a monthly trend', async () => {
    const d = await dashboard('year=2025', counter.token);
    expect(d.period).toMatchObject({ kind: 'year', key: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(actuals(d)).toEqual({
      worker_registrations: 5,
      matchmakings: 3,
      guidance_sessions: 1,
      contract_job_posts: 2,
      contract_job_openings: 65,
      flexible_job_posts: 1,
      flexible_job_openings: 6,
      employer_registrations: 2,
      provincial_job_records: 0,
      training_sessions: 0,
      training_coverage: 0,
      recruitment_events: 0,
      station_events: 0,
      publicity_articles: 0,
      publicity_campaigns: 0,
      publicity_posts: 0,
      publicity_slogans: 0,
      info_collection_villages: 0,
    });
    const reg = d.indicators.find((i) => i.key === 'worker_registrations');
    expect(reg).toMatchObject({ target: 3600, percentage: 0.1 });
    expect(reg?.trend).toHaveLength(12);
    expect(reg?.trend.find((t) => t.month === '2025-08')?.value).toBe(1);
    expect(reg?.trend.find((t) => t.month === '2025-09')?.value).toBe(3);
    expect(d.indicators.find((i) => i.key === 'contract_job_openings')).toMatchObject({
      target: 5000,
      percentage: 1.3,
    });
    const training = d.indicators.find((i) => i.key === 'training_sessions');
    expect(training).toMatchObject({ available: true, actual: 0, target: 200 });
  });

  it('every available figure equals the rows behind it', async () => {
    const d = await dashboard('year=2025', counter.token);
    for (const key of AVAILABLE) {
      const actual = d.indicators.find((i) => i.key === key)?.actual;
      const drill = await drillSum(key, 'year=2025', counter.token);
      expect({ key, sum: drill.sum, actual: drill.actual }).toEqual({ key, sum: actual, actual });
      expect(drill.rows).toBe(drill.total);
    }
  });

  it('a 中渡镇 agent gets 中渡镇 figures and rows only, and zeros for 寨沙镇', async () => {
    const d = await dashboard('year=2025', zhongdu.token);
    expect(d.regionName).toBe('中渡镇');
    expect(actuals(d)).toMatchObject({
      worker_registrations: 3,
      matchmakings: 2,
      contract_job_posts: 1,
      contract_job_openings: 40,
      flexible_job_posts: 0,
      employer_registrations: 1,
    });
    const rows = await drillSum('worker_registrations', 'year=2025', zhongdu.token);
    expect(rows.cells.map((c) => c.c1).sort()).toEqual(['韦*', '韦*', '韦*']);
    const other = await dashboard(`year=2025&town=${TOWNS.zhaisha}`, zhongdu.token);
    expect(Object.values(actuals(other)).every((n) => n === 0)).toBe(true);
    expect((await drillSum('matchmakings', `year=2025&town=${TOWNS.zhaisha}`, zhongdu.token)).total).toBe(0);
  });

  it('resolves months and halves on Shanghai days, with prorated targets', async () => {
    const aug = await dashboard('year=2025&month=8', counter.token);
    expect(aug.indicators.find((i) => i.key === 'worker_registrations')).toMatchObject({ actual: 1, target: 300 });
    const h2 = await dashboard('year=2025&half=2', counter.token);
    expect(h2.indicators.find((i) => i.key === 'worker_registrations')).toMatchObject({ actual: 4, target: 1800 });
    const range = await dashboard('from=2025-09-01&to=2025-09-30', counter.token);
    expect(actuals(range)).toMatchObject({ worker_registrations: 3, matchmakings: 1, contract_job_openings: 65 });
    expect(range.indicators[0]?.trend.map((t) => t.month)).toEqual(['2025-09']);
  });

  it('uses the targets configured in the settings', async () => {
    const put = await ctx
      .as(admin.token)
      .put('/api/v1/admin/settings/kpiTargets', { value: { worker_registrations: { '2025': 10, '2025-H2': 4 } } });
    expect(put.statusCode).toBe(200);
    const year = await dashboard('year=2025', counter.token);
    expect(year.indicators.find((i) => i.key === 'worker_registrations')).toMatchObject({ target: 10, percentage: 50 });
    const h2 = await dashboard('year=2025&half=2', counter.token);
    expect(h2.indicators.find((i) => i.key === 'worker_registrations')).toMatchObject({ target: 4, percentage: 100 });
  });

  it('shows indicators without records yet as 0 with an empty drill-down', async () => {
    const rows = json<RowsPage>(await ctx.as(counter.token).get('/api/v1/admin/kpi/training_sessions/rows?year=2025'));
    expect(rows).toMatchObject({ actual: 0, total: 0, items: [] });
    const doc = json<{ paths: Record<string, unknown> }>(await ctx.anon.get('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin/kpi',
        '/api/v1/admin/kpi/{indicator}/rows',
        '/api/v1/admin/kpi/acceptance-pack',
        '/api/v1/admin/ledgers/registrations/export',
      ]),
    );
  });

  it('rejects bad periods and indicators with Chinese messages; reads need a login', async () => {
    type Bad = { error: { details: { field: string; message: string }[] } };
    const half = await ctx.as(counter.token).get('/api/v1/admin/kpi?year=2025&half=3');
    expect(json<Bad>(half).error.details).toEqual([{ field: 'half', message: '半年应为1或2' }]);
    const open = await ctx.as(counter.token).get('/api/v1/admin/kpi?from=2025-01-01');
    expect(json<Bad>(open).error.details).toEqual([{ field: 'to', message: '自定义期间须同时填写开始和结束日期' }]);
    const both = await ctx.as(counter.token).get('/api/v1/admin/kpi?year=2025&half=1&month=2');
    expect(json<Bad>(both).error.details).toEqual([{ field: 'month', message: '半年与月份只能选一个' }]);
    expect((await ctx.as(counter.token).get('/api/v1/admin/kpi/nonsense/rows')).statusCode).toBe(400);
    expect((await ctx.as(supervisor.token).get('/api/v1/admin/kpi?year=2025')).statusCode).toBe(200);
    expect((await ctx.anon.get('/api/v1/admin/kpi')).statusCode).toBe(401);
  });
});

describe('acceptance pack', () => {
  async function unpack(token: string, qs: string) {
    const res = await ctx.as(token).get(`/api/v1/admin/kpi/acceptance-pack?${qs}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const sheets = new Map<string, string[][]>();
    for (const name of Object.keys(zip.files).sort()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await zip.file(name)?.async('arraybuffer')) ?? new ArrayBuffer(0));
      for (const ws of wb.worksheets) {
        const rows: string[][] = [];
        ws.eachRow((row) =>
          rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
        );
        sheets.set(`${name}/${ws.name}`, rows);
      }
    }
    return { files: Object.keys(zip.files).sort(), sheets };
  }

  it('zips every ledger and the KPI summary for the period; rows match the figures', async () => {
    const { files, sheets } = await unpack(counter.token, 'year=2025');
    expect(files).toEqual([
      '00-考核指标汇总.xlsx',
      '01-求职登记台账.xlsx',
      '02-跟踪服务台账.xlsx',
      '03-招聘求职对接台账.xlsx',
      '04-职业指导台账.xlsx',
      '05-岗位信息发布台账.xlsx',
      '06-用工主体登记台账.xlsx',
      '07-培训课时台账.xlsx',
      '08-培训推荐台账.xlsx',
      '09-招聘活动台账.xlsx',
      '10-送工台账.xlsx',
      '11-宣传推广台账.xlsx',
      '12-就业信息采集台账.xlsx',
      '13-运营日志.xlsx',
      '14-薪酬台账.xlsx',
    ]);
    const summary = sheets.get('00-考核指标汇总.xlsx/指标汇总') ?? [];
    expect(summary[0]).toEqual(['序号', '指标', '单位', '目标', '完成', '完成率(%)', '数据状态', '说明']);
    expect(summary.find((r) => r[1] === '求职登记')?.slice(3, 5)).toEqual(['10', '5']);
    expect((sheets.get('01-求职登记台账.xlsx/求职登记台账') ?? []).length - 1).toBe(5);
    expect((sheets.get('03-招聘求职对接台账.xlsx/招聘求职对接台账') ?? []).length - 1).toBe(3);
    expect((sheets.get('05-岗位信息发布台账.xlsx/合同用工岗位') ?? []).length - 1).toBe(2);
    expect((sheets.get('06-用工主体登记台账.xlsx/用工主体登记台账') ?? []).length - 1).toBe(2);
  });

  it('is region-scoped for a station agent', async () => {
    const { sheets } = await unpack(zhongdu.token, 'year=2025');
    expect((sheets.get('01-求职登记台账.xlsx/求职登记台账') ?? []).slice(1).map((r) => r[1])).toEqual([
      '韦*',
      '韦*',
      '韦*',
    ]);
    expect((sheets.get('03-招聘求职对接台账.xlsx/招聘求职对接台账') ?? []).length - 1).toBe(2);
    expect(
      (await ctx.as(supervisor.token).get('/api/v1/admin/kpi/acceptance-pack?year=2025&pii=full')).statusCode,
    ).toBe(403);
  });
});
