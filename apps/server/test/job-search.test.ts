import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, isNull } from 'drizzle-orm';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { seedEmployers, seedJobs } from '../scripts/demo/seed-demo.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  jobBody,
  json,
  occupationIdByName,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
const ids: Record<string, string> = {};
const ZHONGDU_POINT = { lng: 109.62, lat: 24.78 };
type Page = {
  items: { id: string; title: string; distanceKm: number | null; occupationName: string }[];
  total: number;
};
type Err = { error: { details?: { field: string; message: string }[] } };
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  const owner = await appUser(ctx);
  const employer = await makeEmployer(ctx, {
    ownerUserId: owner.userId,
    townCode: TOWNS.zhongdu,
    name: '鹿寨县测试劳务有限公司',
  });
  const post = async (key: string, occupation: string, over: Record<string, unknown>) => {
    const res = await ctx
      .as(owner.token)
      .post(`/api/v1/app/employers/${employer}/jobs`, jobBody(await occupationIdByName(ctx, occupation), over));
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = json<{ id: string }>(res).id;
  };
  await post('weld', '电焊工', {
    title: '急招电焊工3名',
    townCode: TOWNS.zhongdu,
    ...ZHONGDU_POINT,
    wageMinFen: 22_000,
    wageMaxFen: 25_000,
  });
  await post('home', '家庭保洁', {
    title: '家庭保洁阿姨',
    townCode: TOWNS.zhaisha,
    address: '寨沙镇街上',
    lng: 109.8,
    lat: 24.6,
    wageMinFen: 12_000,
    wageMaxFen: 15_000,
  });
  await post('estate', '保洁员', {
    title: '小区保洁员 日结',
    townCode: TOWNS.luzhai,
    address: '鹿寨镇城南小区',
    lng: 109.74,
    lat: 24.48,
    wageUnit: 'hour',
    wageMinFen: 2_000,
    wageMaxFen: 2_500,
  });
  await post('mason', '泥水工', {
    title: '泥水工砌砖抹灰',
    townCode: TOWNS.zhongdu,
    lng: 109.63,
    lat: 24.79,
    kind: 'contract',
    settlement: 'monthly',
    wageUnit: 'month',
    wageMinFen: 500_000,
    wageMaxFen: 600_000,
  });
  await post('porter', '搬运工', {
    title: '装卸工 干完就结',
    townCode: TOWNS.luzhai,
    address: '鹿寨镇物流园',
    lng: null,
    lat: null,
    wageMinFen: 25_000,
    wageMaxFen: 30_000,
    startDate: day(20),
    endDate: day(40),
  });
  await post('draft', '电焊工', { title: '电焊工草稿', submit: false });
});
afterAll(async () => ctx?.close());

const list = async (qs: string) => json<Page>(await ctx.anon.get(`/api/v1/public/jobs?pageSize=100&${qs}`));
const found = async (qs: string) => (await list(qs)).items.map((j) => j.id).sort();
const only = (...keys: string[]) => keys.map((k) => ids[k]).sort();

describe('Chinese keyword search (jieba tokens)', () => {
  it('电焊 finds 电焊工 postings; 保洁 finds 家庭保洁 and 保洁员', async () => {
    expect(await found(`q=${encodeURIComponent('电焊')}`)).toEqual(only('weld'));
    expect(await found(`q=${encodeURIComponent('保洁')}`)).toEqual(only('home', 'estate'));
  });
  it('more examples: whole trade names, words inside sentences, towns, several words', async () => {
    expect(await found(`q=${encodeURIComponent('电焊工')}`)).toEqual(only('weld'));
    expect(await found(`q=${encodeURIComponent('找电焊的活')}`)).toEqual(only('weld'));
    expect(await found(`q=${encodeURIComponent('泥水')}`)).toEqual(only('mason'));
    expect(await found(`q=${encodeURIComponent('中渡')}`)).toEqual(only('weld', 'mason'));
    expect(await found(`q=${encodeURIComponent('保洁 日结')}`)).toEqual(only('estate'));
    expect(await found(`q=${encodeURIComponent('装卸')}`)).toEqual(only('porter'));
    expect(await found(`q=${encodeURIComponent('挖掘机')}`)).toEqual([]);
    expect(await found(`q=${encodeURIComponent("'|!")}`)).toEqual([]);
  });
  it('drafts are never found', async () => {
    expect(await found(`q=${encodeURIComponent('草稿')}`)).toEqual([]);
  });
});

describe('filters and sorts', () => {
  it('town, kind, 工种 category (with its trades), minimum pay per unit, date', async () => {
    expect(await found(`town=${TOWNS.zhaisha}`)).toEqual(only('home'));
    expect(await found('kind=contract')).toEqual(only('mason'));
    expect(await found(`occupationId=${await occupationIdByName(ctx, '建筑装修')}`)).toEqual(only('weld', 'mason'));
    expect(await found(`occupationId=${await occupationIdByName(ctx, '家庭保洁')}`)).toEqual(only('home'));
    expect(await found('minPayFen=20000&payUnit=day')).toEqual(only('weld', 'porter'));
    expect(await found(`date=${day(2)}`)).toEqual(only('weld', 'home', 'estate', 'mason'));
  });
  it('distance from a point: radius, nearest first, distance on each item', async () => {
    const q = `lng=${ZHONGDU_POINT.lng}&lat=${ZHONGDU_POINT.lat}`;
    expect(await found(`${q}&radiusKm=5`)).toEqual(only('weld', 'mason'));
    const nearest = await list(`${q}&sort=nearest`);
    expect(nearest.items[0]?.id).toBe(ids.weld);
    expect(nearest.items[0]?.distanceKm).toBe(0);
    expect(nearest.items[1]?.id).toBe(ids.mason);
    expect(nearest.items[1]?.distanceKm).toBeGreaterThan(1);
    expect(nearest.items[1]?.distanceKm).toBeLessThan(2);
    expect(nearest.items.at(-1)?.id).toBe(ids.porter);
    expect(nearest.items.at(-1)?.distanceKm).toBeNull();
  });
  it('best pay compares per day across units', async () => {
    const page = await list('sort=best_pay');
    expect(page.items.map((j) => j.id)).toEqual([ids.porter, ids.mason, ids.weld, ids.estate, ids.home]);
  });
  it('bad filters are named in Chinese', async () => {
    const res = await ctx.anon.get(
      '/api/v1/public/jobs?sort=nearest&radiusKm=0&kind=part&minPayFen=100&occupationId=1',
    );
    expect(res.statusCode).toBe(400);
    const messages = (json<Err>(res).error.details ?? []).map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining(['距离应大于0', '用工类型应为 合同用工 或 灵活用工', '工种不正确']),
    );
    const needPoint = await ctx.anon.get('/api/v1/public/jobs?sort=nearest');
    expect(json<Err>(needPoint).error.details).toEqual([{ field: 'lng', message: '按距离筛选或排序需要提供位置' }]);
    const needUnit = await ctx.anon.get('/api/v1/public/jobs?minPayFen=100');
    expect(json<Err>(needUnit).error.details).toEqual([{ field: 'payUnit', message: '按工资筛选请选择计薪单位' }]);
    const longQ = await ctx.anon.get(`/api/v1/public/jobs?q=${encodeURIComponent('电'.repeat(31))}`);
    expect(json<Err>(longQ).error.details).toEqual([{ field: 'q', message: '搜索词最多30个字' }]);
  });
});

describe('job detail', () => {
  it("shows pay, settlement, distance and the employer's verification; the phone stays hidden", async () => {
    const res = await ctx.anon.get(
      `/api/v1/public/jobs/${ids.mason}?lng=${ZHONGDU_POINT.lng}&lat=${ZHONGDU_POINT.lat}`,
    );
    expect(res.statusCode).toBe(200);
    const d = json(res);
    expect(d).toMatchObject({
      title: '泥水工砌砖抹灰',
      wageMinFen: 500_000,
      wageUnit: 'month',
      settlement: 'monthly',
      contactPhone: null,
      contactPhoneHidden: true,
      employer: { name: '鹿寨县测试劳务有限公司', verificationStatus: 'verified', creditLevel: 'good' },
    });
    expect(d.distanceKm).toBeGreaterThan(1);
    expect(res.body).not.toContain('13977770000');
    const noPoint = json(await ctx.anon.get(`/api/v1/public/jobs/${ids.mason}`));
    expect(noPoint.distanceKm).toBeNull();
    expect((await ctx.anon.get(`/api/v1/public/jobs/${ids.draft}`)).statusCode).toBe(404);
    expect((await ctx.anon.get('/api/v1/public/jobs/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('demo seed', () => {
  it('seeded jobs carry search tokens and are found by a two-character word', async () => {
    const db = ctx.deps.database.db;
    const emps = await seedEmployers({ db, pii: ctx.deps.pii }, 5, 11);
    await seedJobs({ db, pii: ctx.deps.pii }, 40, 11, emps);
    const [missing] = await db.select({ n: count() }).from(jobPostings).where(isNull(jobPostings.searchTokens));
    expect(missing?.n).toBe(0);
    const page = await list('');
    const seeded = page.items.find((j) => !Object.values(ids).includes(j.id));
    expect(seeded).toBeDefined();
    const word = [...(seeded?.occupationName ?? '')].slice(0, 2).join('');
    const hits = await list(`q=${encodeURIComponent(word)}`);
    expect(hits.items.map((j) => j.id)).toContain(seeded?.id);
  });
});
