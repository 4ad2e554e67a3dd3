import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { settingsHistory } from '../src/modules/settings/settings.schema.js';
import { getSetting } from '../src/modules/settings/index.js';
import { createTestApp, json, staffToken, type TestContext } from './support/index.js';

let ctx: TestContext;
let admin: string;
let supervisor: string;
let counter: string;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  counter = await staffToken(ctx, { roles: ['counter_staff'] });
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string; details?: { field: string; message: string }[] } };
type Item = { key: string; value: unknown; isDefault: boolean; updatedByName: string | null };
const put = (key: string, value: unknown, token = admin) =>
  ctx.as(token).put(`/api/v1/admin/settings/${key}`, { value });
const historyCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(settingsHistory))[0]?.n ?? 0;

describe('system settings', () => {
  it('lists every parameter with its default before anything is saved', async () => {
    const res = await ctx.as(supervisor).get('/api/v1/admin/settings');
    expect(res.statusCode).toBe(200);
    const items = json<{ items: Item[] }>(res).items;
    expect(items.map((i) => i.key)).toEqual(
      expect.arrayContaining([
        'autoPublishVerifiedEmployers',
        'checkInRadiusMetres',
        'ratingWindowDays',
        'smsTemplates',
        'kpiTargets',
        'serviceHours',
        'featureSwitches',
        'priorityGroups',
        'educationLevels',
      ]),
    );
    expect(items.find((i) => i.key === 'ratingWindowDays')).toMatchObject({ value: 7, isDefault: true });
    expect(await getSetting(ctx.deps.database.db, 'autoPublishVerifiedEmployers')).toBe(true);
  });

  it('saves a change, applies it at once through getSetting, and keeps old -> new, who and when', async () => {
    const res = await put('autoPublishVerifiedEmployers', false);
    expect(res.statusCode).toBe(200);
    expect(json<Item>(res)).toMatchObject({ key: 'autoPublishVerifiedEmployers', value: false, isDefault: false });
    expect(json<Item>(res).updatedByName).toMatch(/^测试/);
    expect(await getSetting(ctx.deps.database.db, 'autoPublishVerifiedEmployers')).toBe(false);
    await put('checkInRadiusMetres', 800);
    await put('checkInRadiusMetres', 1000);
    const hist = json<{
      items: { key: string; oldValue: unknown; newValue: unknown; changedByName: string | null }[];
      total: number;
    }>(await ctx.as(supervisor).get('/api/v1/admin/settings/history?key=checkInRadiusMetres'));
    expect(hist.total).toBe(2);
    expect(hist.items[0]).toMatchObject({ oldValue: 800, newValue: 1000 });
    expect(hist.items[1]).toMatchObject({ oldValue: null, newValue: 800 });
    const audits = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entity, 'setting'));
    expect(audits.find((a) => a.entityId === 'checkInRadiusMetres' && a.details?.new === 1000)?.details?.old).toBe(800);
  });

  it('an unchanged value writes no history', async () => {
    const before = await historyCount();
    expect((await put('checkInRadiusMetres', 1000)).statusCode).toBe(200);
    expect(await historyCount()).toBe(before);
  });

  it('rejects values that do not fit the parameter, naming the field in Chinese, and writes nothing', async () => {
    const before = await historyCount();
    const radius = await put('checkInRadiusMetres', 10);
    expect(radius.statusCode).toBe(400);
    expect(json<Err>(radius).error.details).toEqual([{ field: 'value', message: '签到半径至少50米' }]);
    const hours = await put('serviceHours', { open: '18:00', close: '09:00' });
    expect(json<Err>(hours).error.details).toEqual([{ field: 'value.close', message: '结束时间应晚于开始时间' }]);
    const badTime = await put('serviceHours', { open: '9点', close: '18:00' });
    expect(json<Err>(badTime).error.details?.[0]).toEqual({
      field: 'value.open',
      message: '时间格式应为 HH:MM，例如 09:00',
    });
    const kpi = await put('kpiTargets', { matchmakings: { '2025-13': 10 } });
    expect(kpi.statusCode).toBe(400);
    const dict = await put('priorityGroups', [
      { code: 'a', label: '甲' },
      { code: 'a', label: '乙' },
    ]);
    expect(json<Err>(dict).error.details?.[0]?.message).toBe('字典代码不能重复');
    const missing = await ctx.as(admin).put('/api/v1/admin/settings/ratingWindowDays', {});
    expect(missing.statusCode).toBe(400);
    expect(await historyCount()).toBe(before);
    expect(await getSetting(ctx.deps.database.db, 'checkInRadiusMetres')).toBe(1000);
  });

  it('unknown keys are refused', async () => {
    const res = await put('noSuchKey', 1);
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details?.[0]).toEqual({ field: 'key', message: '没有这个配置项' });
  });

  it('saves structured parameters: SMS templates, KPI targets, switches, dictionaries', async () => {
    expect((await put('smsTemplates', { login: '验证码${code}，5分钟内有效。' })).statusCode).toBe(200);
    expect(
      (await put('kpiTargets', { matchmakings: { '2025': 3600, '2025-H2': 1800, '2025-11': 300 } })).statusCode,
    ).toBe(200);
    expect((await put('featureSwitches', { provincialSync: true })).statusCode).toBe(200);
    expect(
      (
        await put('educationLevels', [
          { code: 'primary', label: '小学' },
          { code: 'junior_high', label: '初中', disabled: true },
        ])
      ).statusCode,
    ).toBe(200);
    expect(await getSetting(ctx.deps.database.db, 'kpiTargets')).toEqual({
      matchmakings: { '2025': 3600, '2025-H2': 1800, '2025-11': 300 },
    });
    expect((await getSetting(ctx.deps.database.db, 'educationLevels'))[1]).toEqual({
      code: 'junior_high',
      label: '初中',
      disabled: true,
    });
  });

  it('supervisors and counter staff may read but not write', async () => {
    const before = await historyCount();
    expect((await put('ratingWindowDays', 10, supervisor)).statusCode).toBe(403);
    expect((await put('ratingWindowDays', 10, counter)).statusCode).toBe(403);
    expect((await ctx.as(counter).get('/api/v1/admin/settings')).statusCode).toBe(200);
    expect(await historyCount()).toBe(before);
    expect((await ctx.anon.get('/api/v1/admin/settings')).statusCode).toBe(401);
  });
});
