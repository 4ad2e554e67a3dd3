import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { regions } from '../src/modules/reference/reference.schema.js';
import { parseDivisionCsv } from '../src/modules/reference/division-import.js';
import { findAllRegionCodes, importRegions } from '../src/modules/reference/index.js';
import { createTestApp, json, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

describe('reference data', () => {
  it('lists the nine towns of 鹿寨县', async () => {
    const res = await ctx.anon.get('/api/v1/public/regions?parent=450223000000');
    const items = json<{ items: { code: string; name: string; level: string }[] }>(res).items;
    expect(items.map((r) => r.name)).toEqual([
      '鹿寨镇',
      '中渡镇',
      '寨沙镇',
      '平山镇',
      '黄冕镇',
      '四排镇',
      '江口乡',
      '导江乡',
      '拉沟乡',
    ]);
    expect(items.every((r) => r.level === 'town')).toBe(true);
    const chain = json<{ items: { name: string }[] }>(await ctx.anon.get('/api/v1/public/regions?parent=450200000000'));
    expect(chain.items.map((r) => r.name)).toEqual(['鹿寨县']);
  });

  it('rejects a malformed parent code', async () => {
    const res = await ctx.anon.get('/api/v1/public/regions?parent=abc');
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(res).error.details[0]?.field).toBe('parent');
  });

  it('serves an occupation tree with at least 80 trades', async () => {
    const items = json<{
      items: { id: string; name: string; parentId: string | null; category: boolean; nationalCode: string | null }[];
    }>(await ctx.anon.get('/api/v1/public/occupations')).items;
    const leaves = items.filter((o) => !o.category);
    expect(leaves.length).toBeGreaterThanOrEqual(80);
    const ids = new Set(items.map((o) => o.id));
    expect(leaves.every((o) => o.parentId !== null && ids.has(o.parentId))).toBe(true);
    expect(leaves.map((o) => o.name)).toEqual(expect.arrayContaining(['电焊工', '泥水工', '家庭保洁']));
    expect(leaves.some((o) => o.nationalCode !== null)).toBe(true);
  });

  it('lists gig stations, filterable by town', async () => {
    const all = json<{ items: { townCode: string; name: string }[]; total: number }>(
      await ctx.anon.get('/api/v1/public/stations?pageSize=100'),
    );
    expect(all.total).toBeGreaterThanOrEqual(9);
    const zhongdu = json<{ items: { townCode: string; townName: string }[] }>(
      await ctx.anon.get('/api/v1/public/stations?town=450223101000'),
    );
    expect(zhongdu.items.length).toBeGreaterThan(0);
    expect(zhongdu.items.every((s) => s.townCode === '450223101000' && s.townName === '中渡镇')).toBe(true);
  });

  it('imports the division list from a file, and nothing from a file with a bad row', async () => {
    const db = ctx.deps.database.db;
    const sample = readFileSync(
      path.join(import.meta.dirname, '../scripts/fixtures/luzhai-villages.sample.csv'),
      'utf8',
    );
    const parsed = parseDivisionCsv(sample, { knownCodes: await findAllRegionCodes(db) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importRegions(db, parsed.regions, { kind: 'system' });
    const [villages] = await db.select({ n: count() }).from(regions).where(eq(regions.level, 'village'));
    expect(villages?.n).toBe(parsed.regions.filter((r) => r.level === 'village').length);

    const bad = `${sample.trimEnd()}\n450223101999,坏村,village,450223102000\n`;
    const result = parseDivisionCsv(bad, { knownCodes: await findAllRegionCodes(db) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ row: sample.trimEnd().split('\n').length + 1 });
  });
});
