import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FlowsView } from '@lingong/contracts';
import { applications } from '../src/modules/applications/applications.schema.js';
import { collectionHouseholds, collectionMembers } from '../src/modules/collection/collection.schema.js';
import { wageStatements } from '../src/modules/wages/wages.schema.js';
import {
  COUNTY,
  createTestApp,
  json,
  makeEmployer,
  makeJob,
  makeStaff,
  makeWorker,
  pdfStreams,
  TOWNS,
  type TestContext,
} from './support/index.js';

// 就业流向 (issue 13, point 2): the funnel per town and priority group, days to the first hire,
// repeat employment and outgoing migrants, read from the rollups, equal to the rows behind them.

let ctx: TestContext;
const db = () => ctx.deps.database.db;
const DAY = 86_400_000;
const T0 = new Date('2026-03-02T02:00:00Z');

type Planned = {
  town: string;
  groups: string[];
  statuses: string[];
  hireAfterDays: number;
  paid: boolean;
};
// A fixed plan (one row per worker): where they live, their groups, their applications' ends.
const PLAN: Planned[] = [];
let n = 0;
for (const town of [TOWNS.zhongdu, TOWNS.zhaisha])
  for (const groups of [[], ['脱贫劳动力'], ['脱贫劳动力', '农民工/返乡人员']])
    for (const statuses of [
      [],
      ['applied'],
      ['declined', 'hired'],
      ['completed'],
      ['completed', 'completed', 'cancelled'],
    ]) {
      n += 1;
      PLAN.push({ town, groups, statuses, hireAfterDays: n % 7, paid: statuses.includes('completed') && n % 2 === 0 });
    }

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = new Date('2026-06-01T02:00:00Z');
  const employerId = await makeEmployer(ctx, { townCode: TOWNS.zhongdu });
  for (const p of PLAN) {
    const w = await makeWorker(ctx, {
      homeRegionCode: p.town.slice(0, 9) + '001',
      priorityGroups: p.groups,
      createdAt: T0,
    });
    for (const status of p.statuses) {
      const jobId = await makeJob(ctx, { employerId, townCode: p.town });
      const hired = !['applied', 'declined'].includes(status);
      const [app] = await db()
        .insert(applications)
        .values({
          jobId,
          workerId: w.id,
          employerId,
          status: status as 'applied',
          origin: 'apply',
          hiredAt: hired ? new Date(T0.getTime() + p.hireAfterDays * DAY + 3600_000) : null,
        })
        .returning();
      if (p.paid && status === 'completed')
        await db().insert(wageStatements).values({
          applicationId: app!.id,
          jobId,
          workerId: w.id,
          employerId,
          townCode: p.town,
          periodStart: '2026-03-10',
          periodEnd: '2026-03-11',
          unit: 'day',
          rateFen: 15_000,
          days: 2,
          minutes: 960,
          pieces: 0,
          baseFen: 30_000,
          additionsFen: 0,
          deductionsFen: 0,
          totalFen: 30_000,
          status: 'received',
          dueDate: '2026-03-14',
          createdAt: T0,
          updatedAt: T0,
          paidAt: T0,
        });
    }
  }
  // Three migrants from a 寨沙镇 village (two to 广东), one from 中渡镇, and a local worker.
  const members = [
    { village: '450223102001', status: 'migrant', destination: '广东省东莞市' },
    { village: '450223102001', status: 'migrant', destination: '广东省东莞市' },
    { village: '450223102002', status: 'migrant', destination: '' },
    { village: '450223101001', status: 'migrant', destination: '柳州市' },
    { village: '450223101001', status: 'employed_local', destination: '' },
  ] as const;
  for (const [i, m] of members.entries()) {
    const [h] = await db()
      .insert(collectionHouseholds)
      .values({ villageCode: m.village, headNameEnc: 'x', addressEnc: 'x', memberCount: 1, collectedOn: '2026-05-01' })
      .returning();
    await db()
      .insert(collectionMembers)
      .values({
        householdId: h!.id,
        villageCode: m.village,
        nameEnc: 'x',
        idNumberEnc: 'x',
        idNumberIndex: `flows-${i}-${randomUUID()}`,
        gender: 'male',
        birthDate: '1980-01-01',
        status: m.status,
        migrantDestination: m.destination,
      });
  }
});
afterAll(async () => ctx?.close());

const expected = (rows: Planned[]) => {
  const hiredRows = rows.filter((p) => p.statuses.some((s) => !['applied', 'declined'].includes(s)));
  const days = hiredRows.map((p) => p.hireAfterDays).sort((a, b) => a - b);
  const mid = (days.length - 1) / 2;
  return {
    registered: rows.length,
    applied: rows.filter((p) => p.statuses.length > 0).length,
    hired: hiredRows.length,
    completed: rows.filter((p) => p.statuses.includes('completed')).length,
    paid: rows.filter((p) => p.paid).length,
    repeat: rows.filter((p) => p.statuses.filter((s) => s === 'completed').length > 1).length,
    medianDaysToFirstHire: days.length ? (days[Math.floor(mid)]! + days[Math.ceil(mid)]!) / 2 : null,
  };
};

describe('就业流向', () => {
  it('is empty until the rollups are built, then matches the rows behind it, per town and group', async () => {
    const admin = await makeStaff(ctx, { roles: ['admin'], regionCode: COUNTY });
    const get = async (q = '') => json<FlowsView>(await ctx.as(admin.token).get(`/api/v1/admin/monitoring/flows${q}`));
    expect((await get()).total.registered).toBe(0);
    expect((await ctx.as(admin.token).post('/api/v1/admin/monitoring/refresh')).statusCode).toBe(200);
    const all = await get();
    expect(all.refreshedAt).toBe(ctx.clock.now.toISOString());
    expect(all.total).toMatchObject(expected(PLAN));
    for (const town of [TOWNS.zhongdu, TOWNS.zhaisha])
      expect(all.towns.find((t) => t.key === town)).toMatchObject(expected(PLAN.filter((p) => p.town === town)));
    for (const g of ['脱贫劳动力', '农民工/返乡人员'])
      expect(all.groups.find((x) => x.key === g)).toMatchObject(expected(PLAN.filter((p) => p.groups.includes(g))));
    const poor = await get(`?group=${encodeURIComponent('脱贫劳动力')}`);
    expect(poor.total).toMatchObject(expected(PLAN.filter((p) => p.groups.includes('脱贫劳动力'))));
    expect(all.migrants).toEqual({
      total: 4,
      towns: [
        { townCode: TOWNS.zhongdu, townName: expect.any(String), migrants: 1 },
        { townCode: TOWNS.zhaisha, townName: expect.any(String), migrants: 3 },
      ],
      destinations: [
        { destination: '广东省东莞市', migrants: 2 },
        { destination: expect.any(String), migrants: 1 },
        { destination: expect.any(String), migrants: 1 },
      ],
    });
    expect(all.migrants.destinations.map((d) => d.destination)).toContain('未填写');
  });

  it('is region-scoped: a station agent sees only the town', async () => {
    const agent = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    const v = json<FlowsView>(await ctx.as(agent.token).get('/api/v1/admin/monitoring/flows'));
    expect(v.towns.map((t) => t.key)).toEqual([TOWNS.zhaisha]);
    expect(v.total).toMatchObject(expected(PLAN.filter((p) => p.town === TOWNS.zhaisha)));
    expect(v.migrants.total).toBe(3);
    const other = await ctx.as(agent.token).get(`/api/v1/admin/monitoring/flows?town=${TOWNS.zhongdu}`);
    expect(json<FlowsView>(other).total.registered).toBe(0);
  });

  it('names a bad group in Chinese', async () => {
    const admin = await makeStaff(ctx, { roles: ['admin'], regionCode: COUNTY });
    const res = await ctx.as(admin.token).get('/api/v1/admin/monitoring/flows?group=x');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('重点群体类别不正确');
  });

  it('makes the monthly report PDF for the region, audited; a bad or future month is refused in Chinese', async () => {
    const admin = await makeStaff(ctx, { roles: ['admin'], regionCode: COUNTY });
    const res = await ctx.as(admin.token).get('/api/v1/admin/monitoring/monthly-report?month=2026-05');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('供需监测月报_2026-05'));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Charts drawn as vector bars and lines (re / l operators in a content stream), the CJK font embedded.
    expect(pdf.toString('latin1')).toContain('/FontDescriptor');
    const content = pdfStreams(pdf)
      .map((h) => Buffer.from(h, 'hex').toString('latin1'))
      .join('\n');
    expect(content).toMatch(/ re\n/);
    expect(content).toMatch(/ l\n/);
    const audit = await ctx.as(admin.token).get('/api/v1/admin/audit?entity=monitoring_report');
    expect(audit.body).toContain('2026-05');
    for (const [month, message] of [
      ['2026-13', '月份应为 YYYY-MM'],
      ['2026-07', '月份不能晚于本月'],
    ]) {
      const bad = await ctx.as(admin.token).get(`/api/v1/admin/monitoring/monthly-report?month=${month}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(message);
    }
  });
});
