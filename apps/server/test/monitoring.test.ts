import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { recordMatchmaking } from '../src/modules/services/index.js';
import { createJobRunner } from '../src/background.js';
import {
  applicationIn,
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  occupationIdByName,
  registerWorker,
  makeStaff,
  TOWNS,
  makeWorker,
  type TestContext,
} from './support/index.js';
import { insertJobs } from '../src/modules/jobs/index.js';

type Cell = {
  townCode: string;
  townName: string;
  occupationId: string;
  occupationName: string;
  demand: number;
  supply: number;
  gap: number;
  ratio: number | null;
};
type View = {
  week: string;
  source: string | null;
  cells: Cell[];
  byTown: { code: string; demand: number; supply: number; gap: number }[];
  topShortages: Cell[];
  topSurpluses: Cell[];
  reading: string;
  trend: { week: string; demand: number; supply: number }[];
  alertThreshold: number;
};
type Detail = {
  postings: { id: string; openPlaces: number }[];
  workers: { id: string; name: string }[];
};
type Screen = {
  day: string;
  registrations: { today: number; year: number; target: number | null };
  matchmakings: { today: number; year: number; target: number | null };
  openPlaces: number;
  openPlacesByOccupation: { name: string; value: number }[];
  gapByTown: { code: string; name: string; gap: number }[];
  stations: { name: string }[];
  reading: string;
};

let ctx: TestContext;
let admin: { token: string; id: string };
let zhongdu: { token: string; id: string };
let zhaisha: { token: string; id: string };
let cane: string;
let mason: string;
const at = (iso: string) => new Date(iso);
const NOW = at('2025-11-15T04:00:00Z'); // Saturday; the week of Monday 2025-11-10
const get = (url: string, token: string) => ctx.as(token).get(url);
const refresh = () => ctx.as(admin.token).post('/api/v1/admin/monitoring/refresh');

beforeAll(async () => {
  // Staff sessions outlive the week the alert test moves the clock by.
  ctx = await createTestApp({ SESSION_TTL_HOURS_STAFF: '720' });
  ctx.clock.now = NOW;
  admin = await makeStaff(ctx, { roles: ['admin'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  zhaisha = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
  cane = await occupationIdByName(ctx, '砍蔗工');
  mason = await occupationIdByName(ctx, '泥水工');

  const ezd = await makeEmployer(ctx, {
    name: '中渡糖料基地',
    townCode: TOWNS.zhongdu,
    createdAt: at('2025-01-05T00:00:00Z'),
  });
  const ezs = await makeEmployer(ctx, {
    name: '寨沙建筑队',
    townCode: TOWNS.zhaisha,
    createdAt: at('2025-01-05T00:00:00Z'),
  });
  // 中渡镇 砍蔗工: 30 + 20 places, 2 taken by hires (one completed), a declined one frees nothing.
  const caneJob = await makeJob(ctx, {
    employerId: ezd,
    townCode: TOWNS.zhongdu,
    kind: 'flexible',
    headcount: 30,
    occupationId: cane,
    publishedAt: at('2025-11-03T02:00:00Z'),
  });
  await makeJob(ctx, {
    employerId: ezd,
    townCode: TOWNS.zhongdu,
    kind: 'flexible',
    headcount: 20,
    occupationId: cane,
    publishedAt: at('2025-11-12T02:00:00Z'),
  });
  // A posting that closed in October counts in the reconstructed weeks only.
  await insertJobs(ctx.deps.database.db, [
    {
      employerId: ezd,
      occupationId: cane,
      title: '十月砍蔗',
      kind: 'flexible',
      headcount: 7,
      wageMinFen: 15_000,
      wageMaxFen: 20_000,
      wageUnit: 'day',
      settlement: 'daily',
      townCode: TOWNS.zhongdu,
      address: '中渡镇',
      startDate: '2025-10-01',
      status: 'closed',
      publishedAt: at('2025-10-01T02:00:00Z'),
      closedAt: at('2025-10-25T02:00:00Z'),
    },
  ]);
  // 寨沙镇 泥水工: 4 places, no hires.
  await makeJob(ctx, {
    employerId: ezs,
    townCode: TOWNS.zhaisha,
    kind: 'contract',
    headcount: 4,
    occupationId: mason,
    publishedAt: at('2025-11-10T02:00:00Z'),
  });

  // Workers: 中渡镇 three cane cutters (one in a village), two of them hired; 寨沙镇 seven masons.
  const { id: zd1 } = await makeWorker(ctx, {
    homeRegionCode: '450223101001',
    occupationIds: [cane],
    createdAt: at('2025-11-15T01:00:00Z'),
  });
  const { id: zd2 } = await makeWorker(ctx, {
    homeRegionCode: TOWNS.zhongdu,
    occupationIds: [cane, mason],
    createdAt: at('2025-06-01T02:00:00Z'),
  });
  const { id: zd3 } = await makeWorker(ctx, {
    homeRegionCode: TOWNS.zhongdu,
    occupationIds: [cane],
    createdAt: at('2025-06-01T02:00:00Z'),
  });
  await applicationIn(ctx, {
    jobId: caneJob,
    workerId: zd2,
    employerId: ezd,
    status: 'hired',
    at: at('2025-11-04T02:00:00Z'),
  });
  await applicationIn(ctx, {
    jobId: caneJob,
    workerId: zd3,
    employerId: ezd,
    status: 'completed',
    at: at('2025-11-05T02:00:00Z'),
  });
  await applicationIn(ctx, {
    jobId: caneJob,
    workerId: zd1,
    employerId: ezd,
    status: 'declined',
    at: at('2025-11-15T02:00:00Z'),
  });
  for (let i = 0; i < 7; i += 1)
    await makeWorker(ctx, {
      homeRegionCode: '450223102001',
      occupationIds: [mason],
      createdAt: at('2025-03-01T02:00:00Z'),
    });
  // A registration of 2024 and one today without trades.
  await registerWorker(ctx, { name: '旧登记', homeRegionCode: TOWNS.zhaisha, createdAt: at('2024-12-31T15:00:00Z') });
  await registerWorker(ctx, { name: '今日登记', homeRegionCode: TOWNS.luzhai, createdAt: at('2025-11-15T02:00:00Z') });
  // Matchmakings: two this year (one today), one last year.
  for (const [worker, when] of [
    [zd1, '2025-11-15T03:00:00Z'],
    [zd2, '2025-11-04T02:00:00Z'],
    [zd3, '2024-12-30T02:00:00Z'],
  ] as const)
    await ctx.deps.database.db.transaction((tx) =>
      recordMatchmaking(
        tx,
        {
          workerId: worker,
          jobId: caneJob,
          employerId: ezd,
          channel: 'online',
          kind: 'apply',
          source: 'auto',
          occurredAt: at(when),
          regionCode: TOWNS.zhongdu,
        },
        { actor: { kind: 'system' } },
      ),
    );
  expect((await refresh()).statusCode).toBe(200);
});
afterAll(() => ctx.close());

const cellOf = (v: View, town: string, occ: string) =>
  v.cells.find((c) => c.townCode === town && c.occupationId === occ);

describe('supply and demand', () => {
  it('counts open places and available workers per 工种 × town, with gap, 求人倍率 and a reading', async () => {
    const v = json<View>(await get('/api/v1/admin/monitoring/supply-demand', admin.token));
    expect(v).toMatchObject({ week: '2025-11-10', source: 'live', alertThreshold: 20 });
    // 30 + 20 - 2 place-taking hires = 48; only zd1 is free (zd2 hired, zd3's job completed frees them).
    expect(cellOf(v, TOWNS.zhongdu, cane)).toMatchObject({ demand: 48, supply: 2, gap: 46, ratio: 24 });
    expect(cellOf(v, TOWNS.zhaisha, mason)).toMatchObject({ demand: 4, supply: 7, gap: -3 });
    expect(v.reading).toBe('本周中渡镇缺砍蔗工 46 人，寨沙镇富余泥水工 3 人。');
    expect(v.trend).toHaveLength(52);
    expect(v.trend.at(-1)).toEqual({
      week: '2025-11-10',
      demand: v.cells.reduce((s, c) => s + c.demand, 0),
      supply: v.cells.reduce((s, c) => s + c.supply, 0),
    });
    // Reconstructed October weeks see the closed posting (7 places) and everyone registered by then.
    const october = v.trend.find((t) => t.week === '2025-10-13');
    expect(october).toEqual({ week: '2025-10-13', demand: 7, supply: 2 + 1 + 7 });
  });

  it('matches the postings and workers behind every cell, row for row', async () => {
    const v = json<View>(await get('/api/v1/admin/monitoring/supply-demand', admin.token));
    expect(v.cells.length).toBeGreaterThan(0);
    for (const c of v.cells) {
      const d = json<Detail>(
        await get(
          `/api/v1/admin/monitoring/supply-demand/cell?town=${c.townCode}&occupationId=${c.occupationId}`,
          admin.token,
        ),
      );
      expect(d.postings.reduce((s, p) => s + p.openPlaces, 0)).toBe(c.demand);
      expect(d.workers).toHaveLength(c.supply);
    }
    const zd = json<Detail>(
      await get(`/api/v1/admin/monitoring/supply-demand/cell?town=${TOWNS.zhongdu}&occupationId=${cane}`, admin.token),
    );
    expect(zd.workers.every((w) => /^工\*+$/.test(w.name))).toBe(true);
  });

  it('keeps a station agent to its town', async () => {
    const v = json<View>(await get('/api/v1/admin/monitoring/supply-demand', zhongdu.token));
    expect(new Set(v.cells.map((c) => c.townCode))).toEqual(new Set([TOWNS.zhongdu]));
    const other = json<View>(await get(`/api/v1/admin/monitoring/supply-demand?town=${TOWNS.zhaisha}`, zhongdu.token));
    expect(other.cells).toEqual([]);
    const drill = await get(
      `/api/v1/admin/monitoring/supply-demand/cell?town=${TOWNS.zhaisha}&occupationId=${mason}`,
      zhongdu.token,
    );
    expect(drill.statusCode).toBe(404);
  });

  it('alerts the station of a town whose shortage reaches the 系统配置 threshold', async () => {
    type Alerts = { items: { townCode: string; stationName: string | null; gap: number; message: string }[] };
    const mine = json<Alerts>(await get('/api/v1/admin/monitoring/alerts', zhongdu.token));
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ townCode: TOWNS.zhongdu, gap: 46 });
    expect(mine.items[0]!.stationName).toBeTruthy();
    expect(mine.items[0]!.message).toContain('中渡镇砍蔗工缺口 46 人');
    expect(json<Alerts>(await get('/api/v1/admin/monitoring/alerts', zhaisha.token)).items).toEqual([]);
    // Raising the threshold above the gap raises no new alert for a new week.
    const put = await ctx.as(admin.token).put('/api/v1/admin/settings/supplyAlertThreshold', { value: 50 });
    expect(put.statusCode).toBe(200);
    ctx.clock.now = at('2025-11-18T04:00:00Z');
    try {
      expect((await refresh()).statusCode).toBe(200);
      const later = json<Alerts>(await get('/api/v1/admin/monitoring/alerts', zhongdu.token));
      expect(later.items.map((a) => a.gap)).toEqual([46]);
    } finally {
      ctx.clock.now = NOW;
    }
  });

  it('exports the heat table to Excel, one row per cell', async () => {
    const v = json<View>(await get('/api/v1/admin/monitoring/supply-demand?week=2025-11-12', admin.token));
    const res = await get('/api/v1/admin/monitoring/supply-demand/export?week=2025-11-12', admin.token);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('乡镇');
    expect(sheet.rowCount).toBe(v.cells.length + 1);
  });
});

describe('hall screen', () => {
  it('shows today and this year against the targets, matching the ledgers', async () => {
    const s = json<Screen>(await ctx.anon.get('/api/v1/public/screen/summary'));
    type Page = { total: number };
    const ledger = async (name: string, from: string, to: string) =>
      json<Page>(await get(`/api/v1/admin/ledgers/${name}?from=${from}&to=${to}&pageSize=1`, admin.token)).total;
    expect(s.day).toBe('2025-11-15');
    expect(s.registrations).toEqual({
      today: await ledger('registrations', '2025-11-15', '2025-11-15'),
      year: await ledger('registrations', '2025-01-01', '2025-11-15'),
      target: 3600,
    });
    expect(s.registrations.today).toBe(2);
    expect(s.registrations.year).toBe(11);
    expect(s.matchmakings).toEqual({
      today: await ledger('matchmakings', '2025-11-15', '2025-11-15'),
      year: await ledger('matchmakings', '2025-01-01', '2025-11-15'),
      target: 3600,
    });
    expect(s.matchmakings).toMatchObject({ today: 1, year: 2 });
    expect(s.openPlaces).toBe(52);
    expect(s.openPlacesByOccupation[0]).toEqual({ name: '砍蔗工', value: 48 });
    expect(s.gapByTown).toHaveLength(9);
    const zd = json<View>(await get(`/api/v1/admin/monitoring/supply-demand?town=${TOWNS.zhongdu}`, admin.token));
    expect(s.gapByTown.find((t) => t.code === TOWNS.zhongdu)?.gap).toBe(zd.cells.reduce((sum, c) => sum + c.gap, 0));
    expect(zd.byTown).toEqual([{ code: TOWNS.zhongdu, name: '中渡镇', demand: 48, supply: 2, gap: 46 }]);
    expect(s.stations.length).toBeGreaterThan(0);
    expect(s.reading).toContain('中渡镇缺砍蔗工 46 人');
  });

  it('is refreshed by the queued job', async () => {
    await registerWorker(ctx, { name: '再登记', homeRegionCode: TOWNS.luzhai, createdAt: at('2025-11-15T03:30:00Z') });
    const before = json<Screen>(await ctx.anon.get('/api/v1/public/screen/summary'));
    const runner = createJobRunner(ctx.deps);
    await runner.enqueueSchedules();
    await runner.runOnce();
    const after = json<Screen>(await ctx.anon.get('/api/v1/public/screen/summary'));
    expect(after.registrations.today).toBe(before.registrations.today + 1);
  });
});
