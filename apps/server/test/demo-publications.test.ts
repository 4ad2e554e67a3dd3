import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../scripts/demo/seed-demo.js';
import { createTestApp, json, type TestContext } from './support/index.js';

let ctx: TestContext;
type Items = { items: { title: string; kind: string }[] };

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ db: ctx.deps.database.db, pii: ctx.deps.pii }, { workers: 30, employers: 8, jobs: 20, seed: 2025 });
});
afterAll(async () => ctx?.close());

describe('demo 统一发布 items', () => {
  it('fill the mobile banner and notices and the hall screen; the pending one stays off every channel', async () => {
    const channel = async (c: string) =>
      json<Items>(await ctx.anon.get(`/api/v1/public/publications?channel=${c}`)).items.map((i) => i.title);
    expect(await channel('banner')).toEqual(['鹿寨县2026年冬季专场招聘会']);
    expect((await channel('notice')).sort()).toEqual(
      ['本周热招岗位快讯', '灵活就业人员社保补贴申领指南', '鹿寨县2026年冬季专场招聘会'].sort(),
    );
    expect(await channel('screen')).toHaveLength(2);
    for (const c of ['banner', 'notice', 'screen'])
      expect(await channel(c)).not.toContain('寨沙镇零工驿站春节期间服务安排');
  });
});
