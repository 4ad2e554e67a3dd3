// The public job list after issue 16 (one statement, slim columns, keyset cursor, page cache):
// the same rows in the same order as the plain query the list ran before, for every filter and
// sort; cursor pages that neither skip nor repeat; the cache dropped on publish and close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { occupations } from '../src/modules/reference/reference.schema.js';
import { seedEmployers, seedJobs } from '../scripts/demo/seed-demo.js';
import {
  appUser,
  createTestApp,
  jobBody,
  json,
  makeEmployer,
  makeJob,
  occupationIdByName,
  TOWNS,
} from './support/index.js';
import type { TestContext } from './support/index.js';

type Item = {
  id: string;
  title: string;
  townName: string;
  occupationName: string;
  employerName: string;
  employerCreditLevel: string | null;
  distanceKm: number | null;
};
type Page = { items: Item[]; total: number; nextCursor?: string | null };

let ctx: TestContext;
let owner: { token: string };
let employerId: string;
let category: string;
const POINT = { lng: 109.62, lat: 24.78 };

const list = async (query: string) => {
  const res = await ctx.anon.get(`/api/v1/public/jobs?${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return json<Page>(res);
};

/** The list as the plain query of before issue 16 computes it: every column, LIKE, count(*). */
async function reference(f: {
  town?: string;
  kind?: 'contract' | 'flexible';
  occupationIds?: string[];
  minPay?: [number, 'day' | 'hour' | 'month' | 'piece'];
  date?: string;
  words?: string;
  radiusKm?: number;
  sort?: 'newest' | 'best_pay' | 'nearest';
}): Promise<string[]> {
  const j = jobPostings;
  const conds: SQL[] = [eq(j.status, 'published')];
  if (f.town) conds.push(like(j.townCode, `${f.town.slice(0, 9)}%`));
  if (f.kind) conds.push(eq(j.kind, f.kind));
  if (f.occupationIds) conds.push(inArray(j.occupationId, f.occupationIds));
  if (f.minPay) conds.push(eq(j.wageUnit, f.minPay[1]), gte(j.wageMaxFen, f.minPay[0]));
  if (f.date) conds.push(lte(j.startDate, f.date), or(isNull(j.endDate), gte(j.endDate, f.date)) as SQL);
  if (f.words) conds.push(sql`${j.searchTokens} @@ ${f.words}::tsquery`);
  const dist = sql`(case when ${j.lat} is null or ${j.lng} is null then null else 12742 * asin(least(1, sqrt(power(sin(radians(${j.lat} - ${POINT.lat}::float8) / 2), 2) + cos(radians(${POINT.lat}::float8)) * cos(radians(${j.lat})) * power(sin(radians(${j.lng} - ${POINT.lng}::float8) / 2), 2)))) end)`;
  if (f.radiusKm !== undefined) conds.push(sql`${dist} <= ${f.radiusKm}::float8`);
  const pay = sql`(case ${j.wageUnit} when 'hour' then ${j.wageMaxFen} * 8.0 when 'month' then ${j.wageMaxFen} / 22.0 else ${j.wageMaxFen} * 1.0 end)`;
  const order = f.sort === 'best_pay' ? [sql`${pay} desc`] : f.sort === 'nearest' ? [sql`${dist} asc nulls last`] : [];
  const rows = await ctx.deps.database.db
    .select()
    .from(j)
    .where(and(...conds))
    .orderBy(...order, desc(j.publishedAt), desc(j.id));
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.deps.database.db;
  const emps = await seedEmployers({ db, pii: ctx.deps.pii }, 8, 16);
  await seedJobs({ db, pii: ctx.deps.pii }, 90, 16, emps);
  const user = await appUser(ctx);
  owner = user;
  employerId = await makeEmployer(ctx, {
    ownerUserId: user.userId,
    townCode: TOWNS.zhongdu,
    name: '鹿寨县列表测试公司',
  });
  category = await occupationIdByName(ctx, '建筑装修');
  // Two jobs without a point (last when nearest first; their cursor key is infinity).
  for (const title of ['无坐标岗位甲', '无坐标岗位乙'])
    await makeJob(ctx, { employerId, townCode: TOWNS.zhongdu, title });
});
afterAll(async () => ctx?.close());

async function post(title: string): Promise<string> {
  ctx.clock.advance(1000); // published after every earlier job
  const res = await ctx
    .as(owner.token)
    .post(`/api/v1/app/employers/${employerId}/jobs`, jobBody(await occupationIdByName(ctx, '电焊工'), { title }));
  if (res.statusCode !== 201) throw new Error(res.body);
  return json<{ id: string }>(res).id;
}

describe('the public list returns what the plain query returned', () => {
  it('for each filter and sort: same ids, same order, exact total', async () => {
    const trades = await ctx.deps.database.db
      .select({ id: occupations.id })
      .from(occupations)
      .where(or(eq(occupations.id, category), eq(occupations.parentId, category)));
    const p = `lng=${POINT.lng}&lat=${POINT.lat}`;
    const cases: [string, Parameters<typeof reference>[0]][] = [
      ['', {}],
      [`town=${TOWNS.zhongdu}`, { town: TOWNS.zhongdu }],
      ['town=450223000000', { town: '450223' }],
      ['kind=contract', { kind: 'contract' }],
      [`occupationId=${category}`, { occupationIds: trades.map((t) => t.id) }],
      ['minPayFen=15000&payUnit=day', { minPay: [15_000, 'day'] }],
      [`date=${new Date().toISOString().slice(0, 10)}`, { date: new Date().toISOString().slice(0, 10) }],
      [`q=${encodeURIComponent('电焊')}`, { words: "'电焊'" }],
      ['sort=best_pay', { sort: 'best_pay' }],
      [`${p}&sort=nearest`, { sort: 'nearest' }],
      [`${p}&radiusKm=8&sort=nearest`, { radiusKm: 8, sort: 'nearest' }],
      [`town=${TOWNS.luzhai}&sort=best_pay`, { town: TOWNS.luzhai, sort: 'best_pay' }],
    ];
    for (const [query, filter] of cases) {
      const expected = await reference(filter);
      const page = await list(`${query}&pageSize=200`);
      expect(
        page.items.map((i) => i.id),
        query,
      ).toEqual(expected);
      expect(page.total, query).toBe(expected.length);
      const second = await list(`${query}&pageSize=7&page=2`);
      expect(
        second.items.map((i) => i.id),
        query,
      ).toEqual(expected.slice(7, 14));
      expect(second.total, query).toBe(expected.length);
    }
    expect((await reference({})).length).toBeGreaterThan(50);
  });

  it('names and credit level on each row are those of the job detail', async () => {
    const page = await list('pageSize=30');
    for (const item of page.items) {
      const detail = json<Item & { employer: { name: string; creditLevel: string | null } }>(
        await ctx.anon.get(`/api/v1/public/jobs/${item.id}`),
      );
      expect(item.townName).toBe(detail.townName);
      expect(item.occupationName).toBe(detail.occupationName);
      expect(item.employerName).toBe(detail.employer.name);
      expect(item.employerCreditLevel).toBe(detail.employer.creditLevel);
      expect(item.townName).not.toBe('');
    }
  });
});

describe('cursor pages (keyset)', () => {
  const walk = async (query: string) => {
    const ids: string[] = [];
    let page = await list(`${query}&pageSize=7`);
    for (let n = 0; n < 50; n++) {
      ids.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) break;
      page = await list(`${query}&pageSize=7&cursor=${page.nextCursor}`);
    }
    return ids;
  };

  it('walks the whole list in order, each job once, for every sort', async () => {
    for (const query of [
      '',
      'sort=best_pay',
      `lng=${POINT.lng}&lat=${POINT.lat}&sort=nearest`,
      `town=${TOWNS.zhongdu}`,
    ]) {
      const all = (await list(`${query}&pageSize=200`)).items.map((i) => i.id);
      expect(await walk(query), query).toEqual(all);
    }
  });

  it('a job published mid-walk neither repeats nor skips a row of the later pages', async () => {
    const first = await list('pageSize=10');
    const before = (await list('pageSize=200')).items.map((i) => i.id);
    const fresh = await post('游标测试新岗位');
    const next = await list(`pageSize=10&cursor=${first.nextCursor}`);
    expect(next.items.map((i) => i.id)).toEqual(before.slice(10, 20));
    expect(next.items.map((i) => i.id)).not.toContain(fresh);
    // An offset page shifts by the new job; the cursor page does not.
    expect((await list('pageSize=10&page=2')).items.map((i) => i.id)).toEqual(before.slice(9, 19));
  });

  it('a damaged cursor is a Chinese error on the cursor field', async () => {
    for (const bad of ['abc', Buffer.from('["x","y","z"]').toString('base64url')]) {
      const res = await ctx.anon.get(`/api/v1/public/jobs?cursor=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(json<{ error: { details: unknown } }>(res).error.details).toEqual([
        { field: 'cursor', message: '分页游标无效，请从第一页重新加载' },
      ]);
    }
  });
});

describe('the page cache', () => {
  it('serves cached pages, and drops them when a job is published or closed', async () => {
    const q = `town=${TOWNS.zhongdu}&pageSize=200`;
    const before = await list(q);
    // A row written behind the repositories' back is not seen while the page is cached ...
    await ctx.deps.database.db
      .update(jobPostings)
      .set({ title: '缓存中的旧标题' })
      .where(eq(jobPostings.id, before.items[0]?.id ?? ''));
    expect((await list(q)).items[0]?.title).toBe(before.items[0]?.title);
    // ... and a publish through the app drops the cache: the new job and the edit both show.
    const fresh = await post('缓存测试新岗位');
    const after = await list(q);
    expect(after.items[0]?.id).toBe(fresh);
    expect(after.total).toBe(before.total + 1);
    expect(after.items[1]?.title).toBe('缓存中的旧标题');
    const closed = await ctx.as(owner.token).post(`/api/v1/app/jobs/${fresh}/close`);
    expect(closed.statusCode).toBe(200);
    const end = await list(q);
    expect(end.items.map((i) => i.id)).not.toContain(fresh);
    expect(end.total).toBe(before.total);
  });
});
