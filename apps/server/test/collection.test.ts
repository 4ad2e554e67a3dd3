import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeIdNumber } from '@lingong/contracts';
import { collectionHouseholds, collectionMembers } from '../src/modules/collection/index.js';
import {
  createTestApp,
  insertVillages,
  json,
  rowCount,
  makeStaff,
  type TestContext,
  TOWNS,
  xlsxSheets,
  zipSheets,
} from './support/index.js';

type ErrorRes = { error: { code: string; details?: { field: string; message: string }[] } };
type Member = {
  id: string;
  nameMasked: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  status: string;
  age: number;
  migrantContactMasked: string;
};
type Detail = {
  id: string;
  villageName: string;
  headNameMasked: string;
  addressMasked: string;
  zeroEmployment: boolean;
  zeroEmploymentDerived: boolean;
  zeroEmploymentOverride: boolean | null;
  collectedMembers: number;
  members: Member[];
  followups: { content: string }[];
};
type CoverageRow = {
  code: string;
  name: string;
  villagesTotal: number;
  villagesCovered: number;
  households: number;
  members: number;
  zeroEmploymentFamilies: number;
  migrants: number;
};
type Indicator = { key: string; actual: number; target: number | null };

let ctx: TestContext;
let counter: { token: string; id: string; name: string };
let zhongdu: { token: string; id: string; name: string };
let supervisor: { token: string };
let zdVillages: string[] = [];
let zsVillages: string[] = [];
const h: Record<string, string> = {};

const base = '/api/v1/admin/collection';
const details = (res: { body: string }) => (JSON.parse(res.body) as ErrorRes).error.details;
const id = (birthDate: string, seq: number, gender: 'male' | 'female' = 'male') =>
  makeIdNumber({ regionCode: '450223', birthDate, seq, gender });

const ID = {
  head: id('1980-03-01', 11),
  spouse: id('1985-06-01', 12, 'female'),
  child: id('2015-01-01', 13),
  lone: id('1975-02-02', 14),
  elder: id('1950-02-02', 15),
  zs: id('1990-01-01', 16),
};
const member = (over: Record<string, unknown> = {}) => ({
  name: '韦大壮',
  idNumber: ID.head,
  phone: '13877001122',
  relation: '户主',
  status: 'migrant',
  migrantDestination: '广东东莞',
  migrantTrade: '电子装配',
  migrantContact: '13877001122',
  needs: ['job'],
  ...over,
});
const household = (over: Record<string, unknown> = {}) => ({
  villageCode: zdVillages[0],
  headName: '韦大壮',
  address: '广西柳州市鹿寨县中渡镇大兆村三组12号',
  memberCount: 4,
  collectedOn: '2025-09-12',
  members: [
    member(),
    member({
      name: '覃小花',
      idNumber: ID.spouse,
      phone: null,
      relation: '配偶',
      status: 'unemployed',
      migrantDestination: '',
      migrantTrade: '',
      migrantContact: '',
      needs: ['training', 'job'],
    }),
    member({
      name: '韦小宝',
      idNumber: ID.child,
      phone: null,
      relation: '子女',
      status: 'not_in_labour_force',
      migrantDestination: '',
      needs: [],
    }),
  ],
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = new Date('2025-11-15T04:00:00Z');
  zdVillages = await insertVillages(ctx, TOWNS.zhongdu, ['大兆村', '石墨村']);
  zsVillages = await insertVillages(ctx, TOWNS.zhaisha, ['寨沙村']);
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

describe('household collection', () => {
  it('collects a household with its members: encrypted at rest, masked on the way out', async () => {
    const res = await ctx.as(zhongdu.token).post(`${base}/households`, household());
    expect(res.statusCode).toBe(201);
    const d = json<Detail>(res);
    h.one = d.id;
    expect(d).toMatchObject({
      villageName: '中渡镇·大兆村',
      headNameMasked: '韦**',
      addressMasked: '广西柳州市鹿****',
      collectedMembers: 3,
      zeroEmployment: false,
      zeroEmploymentOverride: null,
    });
    expect(d.members.map((m) => [m.nameMasked, m.status])).toEqual([
      ['韦**', 'migrant'],
      ['覃**', 'unemployed'],
      ['韦**', 'not_in_labour_force'],
    ]);
    expect(d.members[0]).toMatchObject({
      idNumberMasked: `${ID.head.slice(0, 6)}********${ID.head.slice(-4)}`,
      phoneMasked: '138****1122',
      migrantContactMasked: '138****1122',
      age: 45,
    });
    for (const raw of [ID.head, '13877001122', '韦大壮', '三组12号']) expect(res.body).not.toContain(raw);
    const [row] = await ctx.deps.database.db
      .select()
      .from(collectionHouseholds)
      .where(eq(collectionHouseholds.id, d.id));
    expect(row?.headNameEnc).not.toContain('韦大壮');
    expect(ctx.deps.pii.decrypt(row?.addressEnc ?? '')).toBe('广西柳州市鹿寨县中渡镇大兆村三组12号');
  });

  it('derives 零就业家庭 when no working-age member works, and lets the collector override it', async () => {
    const res = await ctx.as(zhongdu.token).post(
      `${base}/households`,
      household({
        headName: '莫老三',
        memberCount: 3,
        members: [
          member({
            name: '莫老三',
            idNumber: ID.lone,
            status: 'unemployed',
            migrantDestination: '',
            migrantContact: '',
          }),
          member({ name: '莫阿婆', idNumber: ID.elder, status: 'flexible', migrantDestination: '' }),
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    h.zero = json<Detail>(res).id;
    expect(json<Detail>(res)).toMatchObject({ zeroEmployment: true, zeroEmploymentDerived: true });
    const set = await ctx.as(zhongdu.token).patch(`${base}/households/${h.one}`, { zeroEmploymentOverride: true });
    expect(json<Detail>(set)).toMatchObject({
      zeroEmployment: true,
      zeroEmploymentDerived: false,
      zeroEmploymentOverride: true,
    });
    const unset = await ctx.as(zhongdu.token).patch(`${base}/households/${h.one}`, { zeroEmploymentOverride: null });
    expect(json<Detail>(unset)).toMatchObject({ zeroEmployment: false, zeroEmploymentOverride: null });
    const lone = json<Detail>(await ctx.as(zhongdu.token).get(`${base}/households/${h.zero}`)).members.find(
      (m) => m.status === 'unemployed',
    );
    const employed = await ctx.as(zhongdu.token).patch(`${base}/members/${lone?.id}`, { status: 'employed_local' });
    expect(employed.statusCode).toBe(200);
    expect(json<Detail>(employed)).toMatchObject({ zeroEmployment: false, zeroEmploymentDerived: false });
    await ctx.as(zhongdu.token).patch(`${base}/members/${lone?.id}`, { status: 'unemployed' });
  });

  it('rejects bad households with Chinese field messages and writes nothing', async () => {
    const [hs, ms] = [await rowCount(ctx, collectionHouseholds), await rowCount(ctx, collectionMembers)];
    expect(
      details(await ctx.as(zhongdu.token).post(`${base}/households`, household({ villageCode: TOWNS.zhongdu }))),
    ).toEqual([{ field: 'villageCode', message: '请选择行政村（须为区划中的村级代码）' }]);
    expect(
      details(await ctx.as(zhongdu.token).post(`${base}/households`, household({ villageCode: '450223101099' }))),
    ).toEqual([{ field: 'villageCode', message: '请选择行政村（须为区划中的村级代码）' }]);
    expect(details(await ctx.as(zhongdu.token).post(`${base}/households`, household({ memberCount: 2 })))).toEqual([
      { field: 'members', message: '采集的成员数不能超过家庭人口数' },
    ]);
    const badId = await ctx
      .as(zhongdu.token)
      .post(
        `${base}/households`,
        household({ members: [member({ idNumber: `${ID.zs.slice(0, 17)}${ID.zs.endsWith('1') ? '2' : '1'}` })] }),
      );
    expect(details(badId)).toEqual([{ field: 'members.0.idNumber', message: '身份证号码校验位不正确' }]);
    const dup = await ctx
      .as(zhongdu.token)
      .post(`${base}/households`, household({ members: [member({ idNumber: ID.spouse })] }));
    expect(details(dup)).toEqual([{ field: 'members.0.idNumber', message: '该身份证号码已在其他户登记' }]);
    const migrant = await ctx
      .as(zhongdu.token)
      .post(`${base}/households`, household({ members: [member({ idNumber: ID.zs, migrantDestination: '' })] }));
    expect(details(migrant)).toEqual([
      { field: 'members.0.migrantDestination', message: '外出务工人员须填写务工地点' },
    ]);
    const phone = await ctx
      .as(zhongdu.token)
      .post(`${base}/households`, household({ members: [member({ idNumber: ID.zs, phone: '123' })] }));
    expect(details(phone)).toEqual([{ field: 'members.0.phone', message: '手机号码格式不正确' }]);
    expect(
      details(
        await ctx.as(zhongdu.token).post(`${base}/households`, household({ collectedOn: '2025-11-16', members: [] })),
      ),
    ).toEqual([{ field: 'collectedOn', message: '采集日期不能晚于今天' }]);
    expect(details(await ctx.as(zhongdu.token).patch(`${base}/households/${h.one}`, { memberCount: 2 }))).toEqual([
      { field: 'memberCount', message: '家庭人口不能少于已采集的3名成员' },
    ]);
    expect((await ctx.as(supervisor.token).post(`${base}/households`, household({ members: [] }))).statusCode).toBe(
      403,
    );
    expect([await rowCount(ctx, collectionHouseholds), await rowCount(ctx, collectionMembers)]).toEqual([hs, ms]);
  });

  it('adds members within the household size and records follow-ups', async () => {
    const add = await ctx
      .as(zhongdu.token)
      .post(
        `${base}/households/${h.one}/members`,
        member({ name: '韦二壮', idNumber: id('2000-05-05', 17), status: 'flexible', migrantDestination: '' }),
      );
    expect(add.statusCode).toBe(201);
    expect(json<Detail>(add).collectedMembers).toBe(4);
    const full = await ctx
      .as(zhongdu.token)
      .post(
        `${base}/households/${h.one}/members`,
        member({ name: '韦三壮', idNumber: id('2001-05-05', 18), status: 'flexible', migrantDestination: '' }),
      );
    expect(details(full)).toEqual([{ field: 'memberCount', message: '已采集成员数已达家庭人口数，请先修改家庭人口' }]);
    const bad = await ctx.as(zhongdu.token).post(`${base}/households/${h.zero}/followups`, {
      followedOn: '2025-10-01',
      content: '推荐保洁岗位',
      nextDate: '2025-09-01',
    });
    expect(details(bad)).toEqual([{ field: 'nextDate', message: '下次回访日期不能早于本次回访日期' }]);
    const ok = await ctx.as(zhongdu.token).post(`${base}/households/${h.zero}/followups`, {
      followedOn: '2025-10-01',
      content: '推荐县城保洁岗位，已报名',
      nextDate: '2025-11-01',
    });
    expect(ok.statusCode).toBe(201);
    expect(json<Detail>(ok).followups.map((f) => f.content)).toEqual(['推荐县城保洁岗位，已报名']);
  });
});

describe('region scope', () => {
  it('a 中渡镇 agent collects and sees only 中渡镇 villages; the county sees all', async () => {
    expect(
      (await ctx.as(zhongdu.token).post(`${base}/households`, household({ villageCode: zsVillages[0], members: [] })))
        .statusCode,
    ).toBe(403);
    const zs = await ctx.as(counter.token).post(
      `${base}/households`,
      household({
        villageCode: zsVillages[0],
        headName: '黄寨沙',
        memberCount: 1,
        collectedOn: '2025-07-01',
        members: [member({ name: '黄寨沙', idNumber: ID.zs })],
      }),
    );
    expect(zs.statusCode).toBe(201);
    h.zs = json<Detail>(zs).id;
    const mine = json<{ items: { id: string }[]; total: number }>(
      await ctx.as(zhongdu.token).get(`${base}/households`),
    );
    expect(mine.items.map((i) => i.id).sort()).toEqual([h.one, h.zero].sort());
    expect((await ctx.as(zhongdu.token).get(`${base}/households/${h.zs}`)).statusCode).toBe(404);
    expect(
      json<{ total: number }>(await ctx.as(zhongdu.token).get(`${base}/households?town=${TOWNS.zhaisha}`)).total,
    ).toBe(0);
    expect(json<{ total: number }>(await ctx.as(counter.token).get(`${base}/households`)).total).toBe(3);
    expect(
      json<{ total: number }>(await ctx.as(counter.token).get(`${base}/households?zeroEmployment=true`)).total,
    ).toBe(1);
    expect(
      json<{ total: number }>(await ctx.as(counter.token).get(`${base}/households?village=${zdVillages[1]}`)).total,
    ).toBe(0);
    const members = json<Detail>(await ctx.as(counter.token).get(`${base}/households/${h.zs}`)).members;
    expect(
      (await ctx.as(zhongdu.token).patch(`${base}/members/${members[0]?.id}`, { status: 'unemployed' })).statusCode,
    ).toBe(404);
  });
});

describe('coverage, KPI, export and pack', () => {
  it('reports coverage per town for the county and per village for a town', async () => {
    const county = json<{ level: string; items: CoverageRow[]; total: CoverageRow }>(
      await ctx.as(counter.token).get(`${base}/coverage`),
    );
    expect(county.level).toBe('town');
    expect(county.items).toHaveLength(9);
    expect(county.items.find((r) => r.name === '中渡镇')).toMatchObject({
      villagesTotal: 2,
      villagesCovered: 1,
      households: 2,
      members: 6,
      zeroEmploymentFamilies: 1,
      migrants: 1,
    });
    expect(county.total).toMatchObject({ villagesTotal: 3, villagesCovered: 2, households: 3, members: 7 });
    const town = json<{ level: string; items: CoverageRow[] }>(await ctx.as(zhongdu.token).get(`${base}/coverage`));
    expect(town.level).toBe('village');
    expect(town.items.map((r) => [r.name, r.villagesCovered])).toEqual([
      ['大兆村', 1],
      ['石墨村', 0],
    ]);
  });

  it("shows villages covered against 113 for the county and against the town's villages for a town; rows add up", async () => {
    const kpi = async (token: string, qs = 'year=2025') =>
      json<{ indicators: Indicator[] }>(await ctx.as(token).get(`/api/v1/admin/kpi?${qs}`)).indicators.find(
        (i) => i.key === 'info_collection_villages',
      );
    expect(await kpi(counter.token)).toMatchObject({ actual: 2, target: 113 });
    expect(await kpi(zhongdu.token)).toMatchObject({ actual: 1, target: 2 });
    expect(await kpi(counter.token, 'year=2025&month=8')).toMatchObject({ actual: 1 });
    const rows = json<{ actual: number; total: number; items: { value: number }[] }>(
      await ctx.as(counter.token).get('/api/v1/admin/kpi/info_collection_villages/rows?year=2025'),
    );
    expect(rows.total).toBe(3);
    expect(rows.items.reduce((s, r) => s + r.value, 0)).toBe(rows.actual);
  });

  it('exports households, members, migrants, follow-ups and coverage; real names only with permission', async () => {
    const res = await ctx.as(zhongdu.token).get(`${base}/export`);
    expect(res.statusCode).toBe(200);
    const sheets = await xlsxSheets(res.rawPayload);
    expect([...sheets.keys()]).toEqual([
      '就业信息采集台账',
      '家庭成员就业情况',
      '外出务工人员',
      '采集回访台账',
      '采集覆盖情况',
    ]);
    expect(sheets.get('就业信息采集台账')?.[0]).toEqual([
      '序号',
      '所在村',
      '户主姓名',
      '家庭住址',
      '家庭人口',
      '已采集成员',
      '零就业家庭',
      '认定方式',
      '采集日期',
      '备注',
      '采集人',
      '登记时间',
    ]);
    expect((sheets.get('就业信息采集台账') ?? []).length - 1).toBe(2);
    expect((sheets.get('家庭成员就业情况') ?? []).length - 1).toBe(6);
    expect(
      sheets
        .get('外出务工人员')
        ?.slice(1)
        .map((r) => [r[3], r[10]]),
    ).toEqual([['韦**', '广东东莞']]);
    expect(res.body).not.toContain('韦大壮');
    const full = await ctx.as(counter.token).get(`${base}/export?pii=full`);
    const fullSheets = await xlsxSheets(full.rawPayload);
    expect(fullSheets.get('家庭成员就业情况')?.some((r) => r.includes('韦大壮') && r.includes(ID.head))).toBe(true);
    expect((await ctx.as(supervisor.token).get(`${base}/export?pii=full`)).statusCode).toBe(403);
    const pack = await ctx.as(zhongdu.token).get('/api/v1/admin/kpi/acceptance-pack?year=2025');
    const packSheets = await zipSheets(pack.rawPayload, '12-就业信息采集台账.xlsx');
    expect((packSheets.get('就业信息采集台账') ?? []).length - 1).toBe(2);
    expect((packSheets.get('采集回访台账') ?? []).length - 1).toBe(1);
  });
});
