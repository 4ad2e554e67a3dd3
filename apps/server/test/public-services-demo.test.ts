import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../scripts/demo/seed-demo.js';
import { createTestApp, json, makeStaff, type TestContext } from './support/index.js';

type Indicator = { key: string; actual: number; target: number | null };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ db: ctx.deps.database.db, pii: ctx.deps.pii }, { workers: 60, employers: 10, jobs: 20, seed: 2025 });
});
afterAll(async () => ctx?.close());

describe('demo data for publicity, collection and operations', () => {
  it('fills the ledgers and the publicity and village figures, each equal to its rows', async () => {
    const counter = await makeStaff(ctx, { roles: ['counter_staff'] });
    const d = await json<{ indicators: Indicator[] }>(await ctx.as(counter.token).get('/api/v1/admin/kpi'));
    const by = (key: string) => d.indicators.find((i) => i.key === key)?.actual ?? -1;
    expect(by('publicity_articles')).toBe(12);
    expect(by('publicity_slogans')).toBe(34);
    expect(by('info_collection_villages')).toBeGreaterThan(10);
    for (const key of ['publicity_posts', 'publicity_campaigns'])
      expect(
        (await json<{ total: number }>(await ctx.as(counter.token).get(`/api/v1/admin/kpi/${key}/rows?pageSize=1`)))
          .total,
      ).toBe(by(key));
    expect(
      (await json<{ total: number }>(await ctx.as(counter.token).get('/api/v1/admin/collection/households?pageSize=1')))
        .total,
    ).toBeGreaterThan(40);
    expect(
      (await json<{ total: number }>(await ctx.as(counter.token).get('/api/v1/admin/operations/duties?pageSize=1')))
        .total,
    ).toBeGreaterThan(40);
    expect(
      (await json<{ total: number }>(await ctx.as(counter.token).get('/api/v1/admin/operations/visits?pageSize=1')))
        .total,
    ).toBeGreaterThan(0);
  });
});
