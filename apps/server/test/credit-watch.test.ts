// 重点关注 by rule: N overdue wage statements within M days (default 2 in 90) put the employer on the
// watch list when the overdue sweep records the event reaching it; not below; never twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wageStatements } from '../src/modules/wages/wages.schema.js';
import { sweepOverdueWages } from '../src/modules/wages/index.js';
import {
  appUser,
  COUNTY,
  createTestApp,
  json,
  makeEmployer,
  makeWorker,
  staffToken,
  TOWNS,
  type TestContext,
} from './support/index.js';

type Entry = { subjectId: string; subjectName: string; reason: string; rule: string };
type Err = { error: { code: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let staff: string;
const DAY = 86_400_000;
const t0 = new Date('2026-06-01T04:00:00Z');
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

async function employer(name: string) {
  const owner = await appUser(ctx);
  return makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name });
}

/** An issued statement whose pay day is 10 days before `sweepAt` (past the grace days). */
async function overdueStatement(employerId: string, sweepAt: Date) {
  const worker = await makeWorker(ctx, { name: '覃秀英', app: true });
  const due = iso(new Date(sweepAt.getTime() - 10 * DAY));
  const at = new Date(sweepAt.getTime() - 12 * DAY);
  await ctx.deps.database.db.insert(wageStatements).values({
    applicationId: crypto.randomUUID(),
    jobId: crypto.randomUUID(),
    workerId: worker.workerId,
    employerId,
    townCode: TOWNS.zhongdu,
    periodStart: due,
    periodEnd: due,
    unit: 'day',
    rateFen: 15_000,
    days: 1,
    minutes: 540,
    pieces: 0,
    baseFen: 15_000,
    additionsFen: 0,
    deductionsFen: 0,
    totalFen: 15_000,
    status: 'issued',
    dueDate: due,
    createdAt: at,
    updatedAt: at,
    issuedAt: at,
  });
}

const sweep = (at: Date) => sweepOverdueWages(ctx.deps.database.db, ctx.deps.pii, at);
const watchlist = async (token = staff) =>
  json<{ items: Entry[] }>(await ctx.as(token).get('/api/v1/admin/credit/watchlist')).items;
const entriesOf = async (employerId: string) => (await watchlist()).filter((e) => e.subjectId === employerId);

describe('重点关注 rule on repeated overdue wages', () => {
  it('shows the default rule with the credit rules', async () => {
    staff = await staffToken(ctx, { roles: ['admin'], regionCode: COUNTY });
    const rule = json(await ctx.as(staff).get('/api/v1/admin/credit/watch-rule'));
    expect(rule).toMatchObject({ enabled: true, overdueCount: 2, withinDays: 90, text: '90天内工资逾期未付2笔及以上' });
  });

  it('fires at the threshold, not below, and adds no duplicate', async () => {
    const e = await employer('中渡建材有限公司');
    await overdueStatement(e, t0);
    expect((await sweep(t0)).filed).toBe(1);
    expect(await entriesOf(e)).toEqual([]);
    const t1 = new Date(t0.getTime() + 20 * DAY);
    await overdueStatement(e, t1);
    expect((await sweep(t1)).filed).toBe(1);
    expect(await entriesOf(e)).toEqual([
      expect.objectContaining({
        subjectName: '中渡建材有限公司',
        reason: '近90天内2笔工资逾期未付',
        rule: '90天内工资逾期未付2笔及以上',
      }),
    ]);
    const t2 = new Date(t1.getTime() + 5 * DAY);
    await overdueStatement(e, t2);
    await sweep(t2);
    await sweep(t2);
    expect(await entriesOf(e)).toHaveLength(1);
  });

  it('counts only overdue statements within the window', async () => {
    const e = await employer('寨沙物流有限公司');
    await overdueStatement(e, t0);
    await sweep(t0);
    const later = new Date(t0.getTime() + 100 * DAY);
    await overdueStatement(e, later);
    expect((await sweep(later)).filed).toBe(1);
    expect(await entriesOf(e)).toEqual([]);
  });

  it('is configurable by credit writers (audited), with Chinese field messages; others may only read', async () => {
    const bad = await ctx.as(staff).put('/api/v1/admin/credit/watch-rule', {
      enabled: true,
      overdueCount: 0,
      withinDays: 90,
    });
    expect(json<Err>(bad).error.details).toContainEqual({ field: 'overdueCount', message: '逾期笔数至少1笔' });
    const agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const body = { enabled: true, overdueCount: 1, withinDays: 30 };
    expect((await ctx.as(agent).put('/api/v1/admin/credit/watch-rule', body)).statusCode).toBe(403);
    expect((await ctx.as(agent).get('/api/v1/admin/credit/watch-rule')).statusCode).toBe(200);
    const saved = await ctx.as(staff).put('/api/v1/admin/credit/watch-rule', body);
    expect(json(saved)).toMatchObject({ ...body, text: '30天内工资逾期未付1笔及以上' });
    // Now one overdue statement is enough, and the entry records the rule as it stood.
    const e = await employer('鹿寨劳务有限公司');
    const t3 = new Date(t0.getTime() + 200 * DAY);
    await overdueStatement(e, t3);
    await sweep(t3);
    expect(await entriesOf(e)).toEqual([
      expect.objectContaining({ reason: '近30天内1笔工资逾期未付', rule: '30天内工资逾期未付1笔及以上' }),
    ]);
    // Switched off: nothing more is added.
    await ctx.as(staff).put('/api/v1/admin/credit/watch-rule', { ...body, enabled: false });
    const off = await employer('拉沟建筑有限公司');
    await overdueStatement(off, t3);
    await sweep(t3);
    expect(await entriesOf(off)).toEqual([]);
    // Region scope: a station agent of another town sees none of these.
    const elsewhere = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    expect(await watchlist(elsewhere)).toEqual([]);
  });
});
