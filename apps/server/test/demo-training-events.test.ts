import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../scripts/demo/seed-demo.js';
import { createTestApp, json, makeStaff, type TestContext } from './support/index.js';

type Indicator = { key: string; actual: number; target: number | null };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(
    { db: ctx.deps.database.db, pii: ctx.deps.pii },
    { workers: 300, employers: 40, jobs: 120, seed: 2025 },
  );
});
afterAll(async () => ctx?.close());

describe('demo data for training and events', () => {
  it('fills the training and event figures on the dashboard, each equal to its rows', async () => {
    const counter = await makeStaff(ctx, { roles: ['counter_staff'] });
    const d = json<{ indicators: Indicator[] }>(await ctx.as(counter.token).get('/api/v1/admin/kpi'));
    const by = (key: string) => d.indicators.find((i) => i.key === key)?.actual ?? -1;
    expect(by('training_sessions')).toBeGreaterThanOrEqual(200);
    expect(by('training_coverage')).toBeGreaterThan(80);
    expect(by('recruitment_events')).toBe(5);
    expect(by('station_events')).toBe(9);
    for (const key of ['training_sessions', 'station_events']) {
      const rows = json<{ total: number }>(await ctx.as(counter.token).get(`/api/v1/admin/kpi/${key}/rows?pageSize=1`));
      expect(rows.total).toBe(by(key));
    }
  });
});
