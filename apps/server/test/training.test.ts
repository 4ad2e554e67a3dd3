import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { backgroundJobs } from '../src/platform/queue/queue.schema.js';
import { classSessions, trainingCourses, trainingRecommendations } from '../src/modules/training/index.js';
import {
  COUNTY,
  createTestApp,
  json,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
  xlsxRows,
} from './support/index.js';

type ErrorRes = { error: { code: string; details?: { field: string; message: string }[] } };
type Push = { matched: number; created: number; alreadyRecommended: number };
type Indicator = { key: string; actual: number; available: boolean };
type RowsPage = { actual: number; total: number; items: { value: number; cells: Record<string, unknown> }[] };

let ctx: TestContext;
let counter: { token: string; id: string };
let zhongdu: { token: string; id: string };
let supervisor: { token: string; id: string };
const w: Record<string, string> = {};
let providerId = '';
let courseId = '';

const NOW = new Date('2025-11-15T04:00:00Z');
const base = '/api/v1/admin/training';
const rows = async (table: typeof trainingCourses | typeof trainingRecommendations | typeof classSessions) =>
  (await ctx.deps.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
const smsJobs = async () =>
  (await ctx.deps.database.db.select({ n: count() }).from(backgroundJobs).where(eq(backgroundJobs.kind, 'sms.send')))[0]
    ?.n ?? 0;

const courseBody = (over: Record<string, unknown> = {}) => ({
  providerId,
  trade: '电工',
  title: '低压电工作业培训班',
  hours: 48,
  sessionCount: 3,
  startDate: '2025-11-01',
  endDate: '2025-11-30',
  place: '鹿寨县职业技能培训中心',
  capacity: 2,
  funding: 'subsidised',
  eligibleGroups: ['脱贫人口'],
  regionCode: COUNTY,
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = NOW;
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  const at = new Date('2025-10-01T02:00:00Z');
  w.zd1 = (
    await registerWorker(ctx, {
      name: '韦电工',
      homeRegionCode: '450223101001',
      createdAt: at,
      priorityGroups: ['脱贫人口'],
      trainingIntentions: ['电工'],
    })
  ).id;
  w.zd2 = (await registerWorker(ctx, { name: '韦二妹', homeRegionCode: '450223101002', createdAt: at })).id;
  w.zd3 = (
    await registerWorker(ctx, {
      name: '韦厨师',
      homeRegionCode: '450223101001',
      createdAt: at,
      trainingIntentions: ['厨师'],
    })
  ).id;
  w.zs1 = (
    await registerWorker(ctx, {
      name: '覃电工',
      homeRegionCode: '450223102001',
      createdAt: at,
      trainingIntentions: ['电工'],
    })
  ).id;
});
afterAll(async () => ctx?.close());

describe('providers and courses', () => {
  it('registers a provider and a subsidised course with its eligibility rule', async () => {
    const p = await ctx.as(counter.token).post(`${base}/providers`, {
      name: '鹿寨县职业技能培训中心',
      contact: '0772-6812345',
      regionCode: COUNTY,
    });
    expect(p.statusCode).toBe(201);
    providerId = json<{ id: string }>(p).id;
    const c = await ctx.as(counter.token).post(`${base}/courses`, courseBody());
    expect(c.statusCode).toBe(201);
    courseId = json<{ id: string }>(c).id;
    expect(json(c)).toMatchObject({
      trade: '电工',
      funding: 'subsidised',
      eligibleGroups: ['脱贫人口'],
      enrolled: 0,
      providerName: '鹿寨县职业技能培训中心',
    });
    const list = json<{ items: { id: string }[] }>(await ctx.as(zhongdu.token).get(`${base}/courses`));
    expect(list.items.map((i) => i.id)).toContain(courseId);
  });

  it('rejects bad courses with Chinese field messages, supervisors and out-of-scope regions; writes nothing', async () => {
    const before = await rows(trainingCourses);
    const bad = await ctx
      .as(counter.token)
      .post(`${base}/courses`, courseBody({ trade: '', hours: 0, funding: 'free', endDate: '2025-10-01' }));
    expect(bad.statusCode).toBe(400);
    expect(json<ErrorRes>(bad).error.details).toEqual(
      expect.arrayContaining([
        { field: 'trade', message: '培训工种至少2个字' },
        { field: 'hours', message: '总学时至少1' },
        { field: 'funding', message: '培训类型应为 补贴培训/自主培训' },
      ]),
    );
    const selfPaid = await ctx.as(counter.token).post(`${base}/courses`, courseBody({ funding: 'self_paid' }));
    expect(json<ErrorRes>(selfPaid).error.details).toEqual([
      { field: 'eligibleGroups', message: '自主培训不设补贴对象' },
    ]);
    expect((await ctx.as(supervisor.token).post(`${base}/courses`, courseBody())).statusCode).toBe(403);
    expect(
      (await ctx.as(zhongdu.token).post(`${base}/courses`, courseBody({ regionCode: TOWNS.zhaisha }))).statusCode,
    ).toBe(403);
    expect(await rows(trainingCourses)).toBe(before);
  });
});

describe('needs and the recommendation push', () => {
  it('records a staff need in scope only', async () => {
    const ok = await ctx
      .as(zhongdu.token)
      .post(`${base}/needs`, { workerId: w.zd2, trade: '电工', note: '想考电工证' });
    expect(ok.statusCode).toBe(201);
    const out = await ctx.as(zhongdu.token).post(`${base}/needs`, { workerId: w.zs1, trade: '电工' });
    expect(json<ErrorRes>(out).error.details).toEqual([{ field: 'workerId', message: '求职者不存在或不在管辖区域内' }]);
    expect((await ctx.as(supervisor.token).post(`${base}/needs`, { workerId: w.zd2, trade: '电工' })).statusCode).toBe(
      403,
    );
    const needs = json<{ items: { workerId: string; trade: string; source: string }[]; total: number }>(
      await ctx.as(zhongdu.token).get(`${base}/needs`),
    );
    expect(needs.items.map((n) => n.workerId)).not.toContain(w.zs1);
    expect(needs.total).toBe(3);
  });

  it('previews and pushes: one recommendation and one queued SMS per matching worker in the region', async () => {
    const preview = json<Push>(await ctx.as(zhongdu.token).get(`${base}/courses/${courseId}/push-preview`));
    expect(preview).toMatchObject({ matched: 2, created: 2, alreadyRecommended: 0 });
    const jobsBefore = await smsJobs();
    const push = await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/push`, {});
    expect(push.statusCode).toBe(200);
    expect(json<Push>(push)).toMatchObject({ matched: 2, created: 2 });
    const recs = await ctx.deps.database.db
      .select()
      .from(trainingRecommendations)
      .where(eq(trainingRecommendations.courseId, courseId));
    expect(recs.map((r) => r.workerId).sort()).toEqual([w.zd1, w.zd2].sort());
    expect(await smsJobs()).toBe(jobsBefore + 2);
    const [job] = await ctx.deps.database.db
      .select()
      .from(backgroundJobs)
      .where(and(eq(backgroundJobs.kind, 'sms.send')));
    expect(job?.payload).toMatchObject({ template: 'notice' });
    expect(json<Push>(await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/push`, {}))).toMatchObject({
      matched: 2,
      created: 0,
      alreadyRecommended: 2,
    });
    expect(await smsJobs()).toBe(jobsBefore + 2);
    expect(json<Push>(await ctx.as(counter.token).post(`${base}/courses/${courseId}/push`, {}))).toMatchObject({
      matched: 3,
      created: 1,
    });
    expect((await ctx.as(supervisor.token).post(`${base}/courses/${courseId}/push`, {})).statusCode).toBe(403);
  });
});

describe('enrolment and class sessions', () => {
  it('enrols with the subsidy rule applied, refuses duplicates and a full class', async () => {
    const a = await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/enrolments`, { workerId: w.zd1 });
    expect(a.statusCode).toBe(201);
    expect(json(a)).toMatchObject({ subsidised: true });
    expect(
      json(await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/enrolments`, { workerId: w.zd2 })),
    ).toMatchObject({ subsidised: false });
    expect(
      json<ErrorRes>(await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/enrolments`, { workerId: w.zd1 }))
        .error.details?.[0]?.field,
    ).toBe('workerId');
    expect(
      json<ErrorRes>(await ctx.as(counter.token).post(`${base}/courses/${courseId}/enrolments`, { workerId: w.zs1 }))
        .error.details,
    ).toEqual([{ field: 'workerId', message: '本课程名额已满' }]);
  });

  it('records sessions with attendance of enrolled workers only, up to the course session count', async () => {
    const before = await rows(classSessions);
    const bad = await ctx.as(counter.token).post(`${base}/courses/${courseId}/sessions`, {
      heldAt: '2025-11-10T09:00:00+08:00',
      topic: '安全用电',
      presentWorkerIds: [w.zs1],
    });
    expect(json<ErrorRes>(bad).error.details).toEqual([
      { field: 'presentWorkerIds', message: '出勤人员须为本课程已报名学员' },
    ]);
    expect(
      (
        await ctx.as(supervisor.token).post(`${base}/courses/${courseId}/sessions`, {
          heldAt: '2025-11-10T09:00:00+08:00',
          topic: '安全用电',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.as(zhongdu.token).post(`${base}/courses/${courseId}/sessions`, {
          heldAt: '2025-11-10T09:00:00+08:00',
          topic: '安全用电',
        })
      ).statusCode,
    ).toBe(403);
    expect(await rows(classSessions)).toBe(before);
    for (const [i, day] of ['2025-11-10', '2025-11-11', '2025-11-12'].entries()) {
      const res = await ctx.as(counter.token).post(`${base}/courses/${courseId}/sessions`, {
        heldAt: `${day}T09:00:00+08:00`,
        topic: `第${i + 1}课`,
        teacher: '李老师',
        presentWorkerIds: i === 0 ? [w.zd1, w.zd2] : [w.zd1],
      });
      expect(res.statusCode).toBe(201);
      expect(json(res)).toMatchObject({ seq: i + 1, enrolled: 2 });
    }
    const extra = await ctx.as(counter.token).post(`${base}/courses/${courseId}/sessions`, {
      heldAt: '2025-11-13T09:00:00+08:00',
      topic: '加课',
    });
    expect(json<ErrorRes>(extra).error.details?.[0]?.message).toBe('本课程共3节课，已全部登记');
    const list = json<{ items: { seq: number; present: number }[] }>(
      await ctx.as(zhongdu.token).get(`${base}/courses/${courseId}/sessions`),
    );
    expect(list.items.map((s) => s.present)).toEqual([2, 1, 1]);
  });
});

describe('KPI and ledgers', () => {
  const figure = async (token: string, key: string, qs = 'year=2025') =>
    json<{ indicators: Indicator[] }>(await ctx.as(token).get(`/api/v1/admin/kpi?${qs}`)).indicators.find(
      (i) => i.key === key,
    );
  const drill = async (token: string, key: string, qs = 'year=2025') =>
    json<RowsPage>(await ctx.as(token).get(`/api/v1/admin/kpi/${key}/rows?${qs}&pageSize=200`));

  it('counts class sessions and coverage, each equal to its drill-down rows', async () => {
    expect(await figure(counter.token, 'training_sessions')).toMatchObject({ actual: 3, available: true });
    const sessions = await drill(counter.token, 'training_sessions');
    expect(sessions.items.reduce((s, r) => s + r.value, 0)).toBe(3);
    expect(await figure(counter.token, 'training_coverage')).toMatchObject({ actual: 75 });
    const cov = await drill(counter.token, 'training_coverage');
    expect(cov.total).toBe(4);
    expect(cov.items.reduce((s, r) => s + r.value, 0)).toBe(3);
    expect(cov.actual).toBe(75);
  });

  it('a 中渡镇 agent sees only 中渡镇 needs and coverage; 寨沙镇 shows nothing', async () => {
    expect(await figure(zhongdu.token, 'training_coverage')).toMatchObject({ actual: 66.7 });
    const cov = await drill(zhongdu.token, 'training_coverage');
    expect(cov.total).toBe(3);
    expect(await figure(zhongdu.token, 'training_coverage', `year=2025&town=${TOWNS.zhaisha}`)).toMatchObject({
      actual: 0,
    });
    expect((await drill(zhongdu.token, 'training_coverage', `year=2025&town=${TOWNS.zhaisha}`)).total).toBe(0);
    const recs = json<{ items: { workerNameMasked: string }[] }>(
      await ctx.as(zhongdu.token).get('/api/v1/admin/ledgers/training-recommendations'),
    );
    expect(recs.items.map((r) => r.workerNameMasked).sort()).toEqual(['韦**', '韦**']);
  });

  it('exports the class-session and recommendation ledgers as .xlsx that parse back', async () => {
    const res = await ctx
      .as(counter.token)
      .get('/api/v1/admin/ledgers/class-sessions/export?from=2025-11-01&to=2025-11-30');
    expect(res.statusCode).toBe(200);
    const sheet = await xlsxRows(res.rawPayload);
    expect(sheet.name).toBe('培训课时台账');
    expect(sheet.rows[0]?.slice(0, 3)).toEqual(['序号', '课程名称', '培训工种']);
    expect(sheet.rows).toHaveLength(4);
    const recs = await xlsxRows(
      (await ctx.as(counter.token).get('/api/v1/admin/ledgers/training-recommendations/export')).rawPayload,
    );
    expect(
      recs.rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['覃**', '韦**', '韦**']);
    expect(
      (await ctx.as(supervisor.token).get('/api/v1/admin/ledgers/training-recommendations/export?pii=full')).statusCode,
    ).toBe(403);
  });
});
