import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { stations } from '../src/modules/reference/reference.schema.js';
import { dutyShifts, facilityChecks, stationVisits } from '../src/modules/operations/index.js';
import {
  createTestApp,
  json,
  rowCount,
  makeStaff,
  type TestContext,
  TOWNS,
  xlsxSheets,
  zipSheets,
} from './support/index.js';

type ErrorRes = { error: { code: string; details?: { field: string; message: string }[] } };
type Day = { date: string; staffCount: number; minOnSite: number; met: boolean; reason: string };
type Person = { token: string; id: string; name: string };

let ctx: TestContext;
let counter: Person;
let zhongdu: Person;
let supervisor: Person;
let admin: Person;
const crew: Person[] = [];
const station: Record<string, string> = {};

const base = '/api/v1/admin/operations';
const details = (res: { body: string }) => (JSON.parse(res.body) as ErrorRes).error.details;
const shift = (
  staffId: string,
  dutyDate: string,
  onTime = '09:00',
  offTime = '18:00',
  over: Record<string, unknown> = {},
) => ({ staffId, dutyDate, place: 'market', onTime, offTime, ...over });
const days = async (qs: string, token = counter.token) =>
  json<{ items: Day[]; metDays: number; totalDays: number }>(await ctx.as(token).get(`${base}/duty-days?${qs}`));

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = new Date('2025-11-15T04:00:00Z');
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  admin = await makeStaff(ctx, { roles: ['admin'] });
  for (let i = 0; i < 3; i++) crew.push(await makeStaff(ctx, { roles: ['counter_staff'] }));
  for (const s of await ctx.deps.database.db.select({ id: stations.id, townCode: stations.townCode }).from(stations))
    station[s.townCode] = station[s.townCode] ?? s.id;
});
afterAll(async () => ctx?.close());

describe('duty roster and the daily check', () => {
  it('records shifts and judges each day: at least 3 on site through the service hours', async () => {
    for (const p of crew)
      expect((await ctx.as(counter.token).post(`${base}/duties`, shift(p.id, '2025-11-10'))).statusCode).toBe(201);
    const [a, b, c] = crew;
    await ctx.as(counter.token).post(`${base}/duties`, shift(a?.id ?? '', '2025-11-11'));
    await ctx.as(counter.token).post(`${base}/duties`, shift(b?.id ?? '', '2025-11-11'));
    const part = await ctx
      .as(counter.token)
      .post(`${base}/duties`, shift(c?.id ?? '', '2025-11-11', '09:00', '12:00', { note: '下午外出入户' }));
    expect(json(part)).toMatchObject({
      staffName: c?.name,
      placeName: '零工市场（服务大厅）',
      onTime: '09:00',
      offTime: '12:00',
      recorderName: counter.name,
    });
    const res = await days('from=2025-11-10&to=2025-11-20');
    expect(res.totalDays).toBe(6);
    expect(res.metDays).toBe(1);
    expect(res.items[0]).toMatchObject({ date: '2025-11-10', staffCount: 3, minOnSite: 3, met: true });
    expect(res.items[1]).toMatchObject({
      date: '2025-11-11',
      staffCount: 3,
      minOnSite: 2,
      met: false,
      reason: '少于3人：12:00-18:00 在岗2人',
    });
    expect(res.items[2]).toMatchObject({ date: '2025-11-12', met: false, reason: '当日无值班记录' });
  });

  it('reads the service hours from the settings', async () => {
    const put = await ctx
      .as(admin.token)
      .put('/api/v1/admin/settings/serviceHours', { value: { open: '09:00', close: '12:00' } });
    expect(put.statusCode).toBe(200);
    expect((await days('from=2025-11-11&to=2025-11-11')).items[0]).toMatchObject({ met: true, minOnSite: 3 });
    await ctx.as(admin.token).put('/api/v1/admin/settings/serviceHours', { value: { open: '09:00', close: '18:00' } });
    expect((await days('from=2025-11-11&to=2025-11-11')).items[0]?.met).toBe(false);
  });

  it('rejects bad shifts with Chinese field messages, out-of-scope staff and places; writes nothing', async () => {
    const before = await rowCount(ctx, dutyShifts);
    const id = crew[0]?.id ?? '';
    expect(
      details(await ctx.as(counter.token).post(`${base}/duties`, shift(id, '2025-11-13', '18:00', '09:00'))),
    ).toEqual([{ field: 'offTime', message: '离岗时间应晚于上岗时间' }]);
    expect(details(await ctx.as(counter.token).post(`${base}/duties`, shift(id, '2025-11-13', '9:00')))).toEqual(
      expect.arrayContaining([{ field: 'onTime', message: '上岗时间格式应为 HH:MM，例如 09:00' }]),
    );
    expect(
      details(await ctx.as(counter.token).post(`${base}/duties`, shift(id, '2025-11-10', '17:00', '19:00'))),
    ).toEqual([{ field: 'onTime', message: '该人员当日已有09:00-18:00的值班，时间不能重叠' }]);
    expect(
      details(
        await ctx
          .as(counter.token)
          .post(`${base}/duties`, shift(id, '2025-11-13', '09:00', '18:00', { place: 'station' })),
      ),
    ).toEqual([{ field: 'stationId', message: '驿站值班须选择驿站' }]);
    expect(details(await ctx.as(zhongdu.token).post(`${base}/duties`, shift(id, '2025-11-13')))).toEqual([
      { field: 'staffId', message: '值班人员不存在或不在管辖区域内' },
    ]);
    expect((await ctx.as(zhongdu.token).post(`${base}/duties`, shift(zhongdu.id, '2025-11-13'))).statusCode).toBe(403);
    expect((await ctx.as(supervisor.token).post(`${base}/duties`, shift(id, '2025-11-13'))).statusCode).toBe(403);
    expect(details(await ctx.as(counter.token).get(`${base}/duty-days?from=2025-01-01&to=2025-12-31`))).toEqual([
      { field: 'to', message: '最多查询93天' },
    ]);
    expect(await rowCount(ctx, dutyShifts)).toBe(before);
  });

  it('keeps station shifts apart and region-scoped; deletes a shift recorded in error (audited)', async () => {
    const st = await ctx
      .as(zhongdu.token)
      .post(
        `${base}/duties`,
        shift(zhongdu.id, '2025-11-13', '08:30', '17:30', { place: 'station', stationId: station[TOWNS.zhongdu] }),
      );
    expect(st.statusCode).toBe(201);
    expect(json(st)).toMatchObject({ placeName: '中渡镇零工驿站', regionCode: TOWNS.zhongdu });
    expect(
      details(
        await ctx
          .as(zhongdu.token)
          .post(
            `${base}/duties`,
            shift(zhongdu.id, '2025-11-14', '08:30', '17:30', { place: 'station', stationId: station[TOWNS.zhaisha] }),
          ),
      ),
    ).toEqual([{ field: 'stationId', message: '驿站不存在或不在管辖区域内' }]);
    const mine = json<{ items: { id: string }[]; total: number }>(await ctx.as(zhongdu.token).get(`${base}/duties`));
    expect(mine.total).toBe(1);
    expect((await days('from=2025-11-13&to=2025-11-13&place=station', zhongdu.token)).items[0]).toMatchObject({
      staffCount: 1,
      met: false,
    });
    expect((await days('from=2025-11-10&to=2025-11-10', zhongdu.token)).items[0]).toMatchObject({
      staffCount: 0,
      reason: '当日无值班记录',
    });
    const id = json<{ id: string }>(st).id;
    expect((await ctx.as(zhongdu.token).delete(`${base}/duties/${id}`)).statusCode).toBe(204);
    const audit = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'duty_shift'), eq(auditLog.entityId, id)));
    expect(audit.map((x) => x.action).sort()).toEqual(['create', 'delete']);
    const staffList = json<{ items: { id: string }[] }>(await ctx.as(zhongdu.token).get(`${base}/staff`));
    expect(staffList.items.map((s) => s.id)).toEqual([zhongdu.id]);
  });
});

describe('station guidance visits and facility checks', () => {
  it('records visits to stations in scope and lists them per region', async () => {
    const before = await rowCount(ctx, stationVisits);
    const body = {
      stationId: station[TOWNS.zhongdu],
      visitedOn: '2025-11-05',
      visitorStaffId: counter.id,
      content: '指导驿站台账登记与岗位发布流程',
      issuesFound: '求职登记表缺少登记人签字',
      followUp: '11月底前补齐',
    };
    expect(details(await ctx.as(counter.token).post(`${base}/visits`, { ...body, content: '' }))).toEqual([
      { field: 'content', message: '指导内容至少2个字' },
    ]);
    expect(details(await ctx.as(counter.token).post(`${base}/visits`, { ...body, visitedOn: '2025-12-01' }))).toEqual([
      { field: 'visitedOn', message: '指导日期不能晚于今天' },
    ]);
    expect(
      details(await ctx.as(zhongdu.token).post(`${base}/visits`, { ...body, stationId: station[TOWNS.zhaisha] })),
    ).toEqual([{ field: 'stationId', message: '驿站不存在或不在管辖区域内' }]);
    expect(await rowCount(ctx, stationVisits)).toBe(before);
    const ok = await ctx.as(counter.token).post(`${base}/visits`, body);
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({
      stationName: '中渡镇零工驿站',
      visitorName: counter.name,
      issuesFound: '求职登记表缺少登记人签字',
    });
    await ctx.as(counter.token).post(`${base}/visits`, { ...body, stationId: station[TOWNS.zhaisha] });
    expect(json<{ total: number }>(await ctx.as(zhongdu.token).get(`${base}/visits`)).total).toBe(1);
    expect(json<{ total: number }>(await ctx.as(counter.token).get(`${base}/visits`)).total).toBe(2);
  });

  it('records facility checks; a repair needs a description', async () => {
    const before = await rowCount(ctx, facilityChecks);
    const body = {
      checkedOn: '2025-11-14',
      items: ['自助服务终端', '叫号机', '饮水机'],
      result: 'needs_repair',
      faults: '',
      followUp: '',
    };
    expect(details(await ctx.as(counter.token).post(`${base}/facility-checks`, body))).toEqual([
      { field: 'faults', message: '需维修时请填写问题说明' },
    ]);
    expect(details(await ctx.as(counter.token).post(`${base}/facility-checks`, { ...body, items: [] }))).toEqual(
      expect.arrayContaining([{ field: 'items', message: '至少填写一个检查项目' }]),
    );
    expect(await rowCount(ctx, facilityChecks)).toBe(before);
    const ok = await ctx.as(counter.token).post(`${base}/facility-checks`, {
      ...body,
      faults: '叫号机无法打印',
      followUp: '已报修',
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ placeName: '零工市场（服务大厅）', result: 'needs_repair' });
    expect((await ctx.as(zhongdu.token).post(`${base}/facility-checks`, { ...body, result: 'ok' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await ctx.as(zhongdu.token).post(`${base}/facility-checks`, {
          ...body,
          result: 'ok',
          stationId: station[TOWNS.zhongdu],
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('exports and the acceptance pack', () => {
  it('exports the operations log with the daily check, roster, visits and checks', async () => {
    const res = await ctx.as(counter.token).get(`${base}/export?from=2025-11-01&to=2025-11-30`);
    expect(res.statusCode).toBe(200);
    const sheets = await xlsxSheets(res.rawPayload);
    expect([...sheets.keys()]).toEqual(['每日在岗核查', '值班记录', '驿站指导记录', '设施检查记录']);
    const check = sheets.get('每日在岗核查') ?? [];
    expect(check[0]).toEqual(['序号', '日期', '服务时间', '值班人数', '最少在岗人数', '要求', '是否达标', '说明']);
    expect(check.length - 1).toBe(15);
    expect(check.find((r) => r[1] === '2025-11-10')?.slice(6)).toEqual(['达标', '09:00-18:00 在岗均不少于3人']);
    expect((sheets.get('值班记录') ?? []).length - 1).toBe(6);
    expect(sheets.get('值班记录')?.[0]).toContain('记录人');
    const pack = await ctx.as(counter.token).get('/api/v1/admin/kpi/acceptance-pack?year=2025&month=11');
    const packSheets = await zipSheets(pack.rawPayload, '13-运营日志.xlsx');
    expect((packSheets.get('驿站指导记录') ?? []).length - 1).toBe(2);
    expect((packSheets.get('每日在岗核查') ?? []).length - 1).toBe(15);
  });
});
