import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { deliveryConfirmations, recruitmentEvents, workerDeliveries } from '../src/modules/events/index.js';
import {
  appUser,
  COUNTY,
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
  xlsxRows,
} from './support/index.js';

type ErrorRes = { error: { code: string; details?: { field: string; message: string }[] } };
type Indicator = { key: string; actual: number; target: number | null };
type RowsPage = { actual: number; total: number; items: { value: number }[] };
type Delivery = { settled: boolean; hasDiscrepancy: boolean; confirmations: { party: string; discrepancy: boolean }[] };

let ctx: TestContext;
let counter: { token: string; id: string };
let zhongdu: { token: string; id: string };
let supervisor: { token: string; id: string };
let worker: { token: string; workerId: string };
let employerId = '';
let jobId = '';
let fairId = '';
let zhaishaStationId = '';
let zd: string[] = [];

const NOW = new Date('2025-11-15T04:00:00Z');
const rows = async (table: typeof recruitmentEvents | typeof workerDeliveries | typeof deliveryConfirmations) =>
  (await ctx.deps.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = NOW;
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  employerId = await makeEmployer(ctx, {
    name: '鹿寨县测试纺织厂',
    townCode: TOWNS.luzhai,
    createdAt: new Date('2025-09-01T00:00:00Z'),
  });
  jobId = await makeJob(ctx, {
    employerId,
    townCode: TOWNS.luzhai,
    kind: 'contract',
    headcount: 20,
    publishedAt: new Date('2025-10-01T00:00:00Z'),
  });
  const at = new Date('2025-10-01T02:00:00Z');
  zd = [];
  for (const name of ['韦一', '韦二', '韦三'])
    zd.push((await registerWorker(ctx, { name, homeRegionCode: '450223101001', createdAt: at })).id);
  const user = await appUser(ctx);
  const workerId = (
    await registerWorker(ctx, { name: '覃扫码', homeRegionCode: '450223102001', createdAt: at, userId: user.userId })
  ).id;
  worker = { token: user.token, workerId };
});
afterAll(async () => ctx?.close());

describe('events', () => {
  it('records an offline fair, a livestream and station events', async () => {
    const fair = await ctx.as(counter.token).post('/api/v1/admin/events', {
      kind: 'offline_fair',
      title: '2025年秋季招聘会',
      heldAt: '2025-11-08T09:00:00+08:00',
      place: '鹿寨县零工市场',
      regionCode: COUNTY,
    });
    expect(fair.statusCode).toBe(201);
    fairId = json<{ id: string }>(fair).id;
    const live = await ctx.as(counter.token).post('/api/v1/admin/events', {
      kind: 'livestream',
      title: '直播带岗第1期',
      heldAt: '2025-10-20T19:30:00+08:00',
      platform: '抖音',
      link: 'https://live.douyin.com/123',
      regionCode: COUNTY,
    });
    expect(json(live)).toMatchObject({ kind: 'livestream', platform: '抖音' });
    const zdStation = await ctx.as(zhongdu.token).post('/api/v1/admin/events', {
      kind: 'station',
      stationKind: 'training',
      title: '中渡镇驿站技能培训',
      heldAt: '2025-09-12T09:00:00+08:00',
      place: '中渡镇零工驿站',
      regionCode: TOWNS.zhongdu,
    });
    expect(zdStation.statusCode).toBe(201);
    const zsStation = await ctx.as(counter.token).post('/api/v1/admin/events', {
      kind: 'station',
      stationKind: 'fair',
      title: '寨沙镇驿站招聘会',
      heldAt: '2025-09-20T09:00:00+08:00',
      place: '寨沙镇零工驿站',
      regionCode: TOWNS.zhaisha,
    });
    zhaishaStationId = json<{ id: string }>(zsStation).id;
  });

  it('rejects bad events with Chinese messages, supervisors and other towns; writes nothing', async () => {
    const before = await rows(recruitmentEvents);
    const live = await ctx.as(counter.token).post('/api/v1/admin/events', {
      kind: 'livestream',
      title: '直播',
      heldAt: '2025-10-20T19:30:00+08:00',
      regionCode: COUNTY,
    });
    expect(json<ErrorRes>(live).error.details).toEqual(
      expect.arrayContaining([
        { field: 'platform', message: '直播带岗请填写直播平台' },
        { field: 'link', message: '直播带岗请填写以 http(s):// 开头的直播链接' },
      ]),
    );
    const station = await ctx.as(counter.token).post('/api/v1/admin/events', {
      kind: 'station',
      title: '驿站活动',
      heldAt: '2025-10-20T09:30:00+08:00',
      place: '驿站',
      regionCode: TOWNS.zhongdu,
    });
    expect(json<ErrorRes>(station).error.details).toEqual([{ field: 'stationKind', message: '请选择驿站活动类型' }]);
    expect(
      (
        await ctx.as(counter.token).post('/api/v1/admin/events', {
          kind: 'party',
          title: '聚会活动',
          heldAt: 'x',
          regionCode: COUNTY,
        })
      ).statusCode,
    ).toBe(400);
    const body = {
      kind: 'offline_fair',
      title: '招聘会',
      heldAt: '2025-11-08T09:00:00+08:00',
      place: '寨沙镇',
      regionCode: TOWNS.zhaisha,
    };
    expect((await ctx.as(supervisor.token).post('/api/v1/admin/events', body)).statusCode).toBe(403);
    expect((await ctx.as(zhongdu.token).post('/api/v1/admin/events', body)).statusCode).toBe(403);
    expect(await rows(recruitmentEvents)).toBe(before);
  });

  it('adds employers with their jobs and records outcomes', async () => {
    const res = await ctx
      .as(counter.token)
      .post(`/api/v1/admin/events/${fairId}/employers`, { employerId, jobIds: [jobId] });
    expect(json(res)).toMatchObject({ employers: [{ employerId, jobIds: [jobId] }] });
    const wrongJob = await ctx.as(counter.token).post(`/api/v1/admin/events/${fairId}/employers`, {
      employerId,
      jobIds: [crypto.randomUUID()],
    });
    expect(json<ErrorRes>(wrongJob).error.details).toEqual([
      { field: 'jobIds', message: '岗位不存在或不属于该用工主体' },
    ]);
    const bad = await ctx
      .as(counter.token)
      .request('PUT', `/api/v1/admin/events/${fairId}/outcome`, { intentions: 3, hires: 5 });
    expect(json<ErrorRes>(bad).error.details).toEqual([{ field: 'hires', message: '录用人数不能多于达成意向人数' }]);
    expect(
      json(
        await ctx
          .as(counter.token)
          .request('PUT', `/api/v1/admin/events/${fairId}/outcome`, { intentions: 12, hires: 5 }),
      ),
    ).toMatchObject({ intentions: 12, hires: 5 });
    expect(
      (
        await ctx
          .as(supervisor.token)
          .request('PUT', `/api/v1/admin/events/${fairId}/outcome`, { intentions: 1, hires: 1 })
      ).statusCode,
    ).toBe(403);
  });

  it('checks a worker in by the rotating QR token, once; an old or wrong token fails', async () => {
    const { token } = json<{ token: string }>(
      await ctx.as(counter.token).get(`/api/v1/admin/events/${fairId}/checkin-token`),
    );
    const first = await ctx.as(worker.token).post(`/api/v1/app/events/${fairId}/checkin`, { token });
    expect(first.statusCode).toBe(200);
    expect(json(first)).toMatchObject({ workerId: worker.workerId, firstTime: true });
    expect(json(await ctx.as(worker.token).post(`/api/v1/app/events/${fairId}/checkin`, { token }))).toMatchObject({
      firstTime: false,
    });
    expect(
      json<ErrorRes>(await ctx.as(worker.token).post(`/api/v1/app/events/${fairId}/checkin`, { token: 'wrongtoken12' }))
        .error.details?.[0]?.field,
    ).toBe('token');
    ctx.clock.advance(11 * 60_000);
    expect((await ctx.as(worker.token).post(`/api/v1/app/events/${fairId}/checkin`, { token })).statusCode).toBe(400);
    ctx.clock.now = NOW;
    expect((await ctx.as(counter.token).post(`/api/v1/app/events/${fairId}/checkin`, { token })).statusCode).toBe(401);
    const attendees = json<{ items: { workerNameMasked: string }[] }>(
      await ctx.as(counter.token).get(`/api/v1/admin/events/${fairId}/attendees`),
    );
    expect(attendees.items).toEqual([expect.objectContaining({ workerNameMasked: '覃**' })]);
  });

  it('a 中渡镇 agent never sees 寨沙镇 events', async () => {
    expect((await ctx.as(zhongdu.token).get(`/api/v1/admin/events/${zhaishaStationId}`)).statusCode).toBe(404);
    const list = json<{ items: { title: string }[] }>(await ctx.as(zhongdu.token).get('/api/v1/admin/events'));
    expect(list.items.map((e) => e.title)).toEqual(['中渡镇驿站技能培训']);
  });
});

describe('送工 deliveries', () => {
  let deliveryId = '';
  it('records a delivery and rejects bad input in Chinese, writing nothing', async () => {
    const before = await rows(workerDeliveries);
    const bad = await ctx.as(zhongdu.token).post('/api/v1/admin/deliveries', {
      employerId,
      sender: '',
      deliveredOn: '2025/11/01',
      workerIds: [],
      regionCode: TOWNS.zhongdu,
    });
    expect(json<ErrorRes>(bad).error.details).toEqual(
      expect.arrayContaining([
        { field: 'sender', message: '送工主体至少2个字' },
        { field: 'deliveredOn', message: '日期格式应为 YYYY-MM-DD' },
        { field: 'workerIds', message: '请至少选择1名送工人员' },
      ]),
    );
    expect(
      (
        await ctx.as(supervisor.token).post('/api/v1/admin/deliveries', {
          employerId,
          sender: '中渡镇劳务站',
          deliveredOn: '2025-11-01',
          workerIds: zd,
          regionCode: TOWNS.zhongdu,
        })
      ).statusCode,
    ).toBe(403);
    expect(await rows(workerDeliveries)).toBe(before);
    const res = await ctx.as(zhongdu.token).post('/api/v1/admin/deliveries', {
      employerId,
      sender: '中渡镇劳务站',
      deliveredOn: '2025-11-01',
      workerIds: zd,
      regionCode: TOWNS.zhongdu,
    });
    expect(res.statusCode).toBe(201);
    deliveryId = json<{ id: string }>(res).id;
    expect(json(res)).toMatchObject({ workerCount: 3, settled: false, confirmations: [] });
  });

  it('three parties confirm; a different count needs a note and is kept as a discrepancy', async () => {
    const url = `/api/v1/admin/deliveries/${deliveryId}/confirmations`;
    expect(
      json<Delivery>(
        await ctx.as(zhongdu.token).post(url, { party: 'enterprise', confirmedCount: 3, confirmer: '厂人事王经理' }),
      ).hasDiscrepancy,
    ).toBe(false);
    const before = await rows(deliveryConfirmations);
    const noNote = await ctx
      .as(zhongdu.token)
      .post(url, { party: 'sender', confirmedCount: 2, confirmer: '劳务站李站长' });
    expect(json<ErrorRes>(noNote).error.details).toEqual([
      { field: 'note', message: '确认人数与送工名单（3人）不一致，请填写差异说明' },
    ]);
    expect(await rows(deliveryConfirmations)).toBe(before);
    const sender = json<Delivery>(
      await ctx.as(zhongdu.token).post(url, {
        party: 'sender',
        confirmedCount: 2,
        confirmer: '劳务站李站长',
        note: '1人当天未到岗',
      }),
    );
    expect(sender).toMatchObject({ hasDiscrepancy: true, settled: false });
    const all = json<Delivery>(
      await ctx.as(counter.token).post(url, { party: 'bureau', confirmedCount: 3, confirmer: '县人社局' }),
    );
    expect(all.confirmations.map((c) => [c.party, c.discrepancy])).toEqual([
      ['enterprise', false],
      ['sender', true],
      ['bureau', false],
    ]);
    expect(all.settled).toBe(false);
    expect(
      (await ctx.as(supervisor.token).post(url, { party: 'bureau', confirmedCount: 3, confirmer: '县人社局' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(zhongdu.token).post(url, { party: 'boss', confirmedCount: 3, confirmer: '某某' })).statusCode,
    ).toBe(400);
  });

  it('exports the delivery ledger with the three counts and the discrepancy', async () => {
    const sheet = await xlsxRows(
      (await ctx.as(counter.token).get('/api/v1/admin/ledgers/deliveries/export?year=2025')).rawPayload,
    );
    expect(sheet.name).toBe('送工台账');
    expect(sheet.rows[0]?.slice(5, 9)).toEqual(['用工企业确认', '送工主体确认', '人社部门确认', '差异说明']);
    expect(sheet.rows[1]?.slice(4, 9)).toEqual(['3', '3', '2', '3', '送工主体确认2人（-1）：1人当天未到岗']);
    const zs = json<{ total: number }>(
      await ctx.as(zhongdu.token).get(`/api/v1/admin/ledgers/deliveries?town=${TOWNS.zhaisha}`),
    );
    expect(zs.total).toBe(0);
  });
});

describe('event KPIs', () => {
  const figure = async (token: string, key: string, qs: string) =>
    json<{ indicators: Indicator[] }>(await ctx.as(token).get(`/api/v1/admin/kpi?${qs}`)).indicators.find(
      (i) => i.key === key,
    );
  const drill = async (token: string, key: string, qs: string) =>
    json<RowsPage>(await ctx.as(token).get(`/api/v1/admin/kpi/${key}/rows?${qs}&pageSize=200`));

  it('counts H2 2025 events (target 5) and station events, equal to their rows', async () => {
    expect(await figure(counter.token, 'recruitment_events', 'year=2025&half=2')).toMatchObject({
      actual: 2,
      target: 5,
    });
    expect(
      (await drill(counter.token, 'recruitment_events', 'year=2025&half=2')).items.reduce((s, r) => s + r.value, 0),
    ).toBe(2);
    expect(await figure(counter.token, 'station_events', 'year=2025')).toMatchObject({ actual: 2, target: 6 });
    expect((await drill(counter.token, 'station_events', 'year=2025')).total).toBe(2);
  });

  it('a 中渡镇 agent counts only 中渡镇 events; 寨沙镇 is zero', async () => {
    expect(await figure(zhongdu.token, 'station_events', 'year=2025')).toMatchObject({ actual: 1 });
    expect(await figure(zhongdu.token, 'station_events', `year=2025&town=${TOWNS.zhaisha}`)).toMatchObject({
      actual: 0,
    });
    expect((await drill(zhongdu.token, 'station_events', `year=2025&town=${TOWNS.zhaisha}`)).total).toBe(0);
    const sheet = await xlsxRows((await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/events/export')).rawPayload);
    expect(sheet.rows.slice(1).map((r) => r[1])).toEqual(['中渡镇驿站技能培训']);
  });
});
