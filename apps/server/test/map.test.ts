import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
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
type Points = {
  jobs: { id: string; title: string; townName: string; lng: number; lat: number }[];
  stations: { name: string; lng: number }[];
};

beforeAll(async () => {
  ctx = await createTestApp({
    MAP_TILE_URL: 'http://tiles.county.local/{z}/{x}/{y}.png',
    MAP_TILE_ATTRIBUTION: '鹿寨县自然资源局',
  });
  const owner = await appUser(ctx);
  const employer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
  const occupation = await occupationIdByName(ctx, '电焊工');
  const post = async (key: string, over: Record<string, unknown>) => {
    const res = await ctx.as(owner.token).post(`/api/v1/app/employers/${employer}/jobs`, jobBody(occupation, over));
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = json<{ id: string }>(res).id;
  };
  await post('zhongdu', { title: '中渡电焊工' });
  await post('zhaisha', { title: '寨沙电焊工', townCode: TOWNS.zhaisha, address: '寨沙镇街上', lng: 109.8, lat: 24.6 });
  await post('nopoint', { title: '没有位置的岗位', lng: null, lat: null });
  await post('draft', { title: '草稿岗位', submit: false });
});
afterAll(async () => ctx?.close());

describe('map points', () => {
  it('shows published jobs that have a point, and the stations, filtered by town', async () => {
    const all = json<Points>(await ctx.anon.get('/api/v1/public/map/points'));
    expect(all.jobs.map((j) => j.id).sort()).toEqual([ids.zhongdu, ids.zhaisha].sort());
    expect(all.jobs.find((j) => j.id === ids.zhaisha)).toMatchObject({ townName: '寨沙镇', lng: 109.8, lat: 24.6 });
    expect(all.stations.length).toBeGreaterThan(0);
    const town = json<Points>(await ctx.anon.get(`/api/v1/public/map/points?town=${TOWNS.zhongdu}`));
    expect(town.jobs.map((j) => j.id)).toEqual([ids.zhongdu]);
    expect(town.stations.length).toBeLessThan(all.stations.length);
  });

  it('rejects a bad town code with a Chinese field message', async () => {
    const res = await ctx.anon.get('/api/v1/public/map/points?town=abc');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('行政区划代码应为12位数字');
  });
});

describe('client config', () => {
  it('gives the configured tile URL and the feature switches, and lets the tile host through the CSP', async () => {
    const res = await ctx.anon.get('/api/v1/public/client-config');
    expect(json(res)).toMatchObject({
      map: { tileUrl: 'http://tiles.county.local/{z}/{x}/{y}.png', attribution: '鹿寨县自然资源局' },
      features: { mapView: true, voiceReadAloud: true },
    });
    expect(res.headers['content-security-policy']).toContain('http://tiles.county.local');
  });

  it('refuses a tile URL without {z}/{x}/{y}', () => {
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/map.png' })).toThrow(/MAP_TILE_URL/);
  });
});
