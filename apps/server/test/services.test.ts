import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { guidanceSessions, matchmakings, registrationFollowups } from '../src/modules/services/services.schema.js';
import { recordMatchmaking } from '../src/modules/services/index.js';
import {
  createTestApp,
  makeEmployer,
  makeJob,
  json,
  registerWorker,
  makeStaff,
  type TestContext,
  TOWNS,
} from './support/index.js';

type ErrorRes = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let counter: { token: string; id: string };
let zhongdu: { token: string; id: string };
let supervisor: { token: string; id: string };
let zhongduWorker: string;
let zhaishaWorker: string;
let jobId: string;
let employerId: string;
let otherEmployerId: string;

const NOW = new Date('2025-11-15T04:00:00Z');

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = NOW;
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  zhongduWorker = (
    await registerWorker(ctx, {
      name: '韦春花',
      homeRegionCode: '450223101001',
      createdAt: new Date('2025-10-01T02:00:00Z'),
    })
  ).id;
  zhaishaWorker = (
    await registerWorker(ctx, {
      name: '覃秋月',
      homeRegionCode: '450223102001',
      createdAt: new Date('2025-10-01T02:00:00Z'),
    })
  ).id;
  employerId = await makeEmployer(ctx, {
    name: '寨沙镇测试建材厂',
    townCode: TOWNS.zhaisha,
    createdAt: new Date('2025-09-01T00:00:00Z'),
  });
  otherEmployerId = await makeEmployer(ctx, {
    name: '鹿寨镇测试餐饮店',
    townCode: TOWNS.luzhai,
    createdAt: new Date('2025-09-01T00:00:00Z'),
  });
  jobId = await makeJob(ctx, {
    employerId,
    townCode: TOWNS.zhaisha,
    kind: 'contract',
    headcount: 10,
    publishedAt: new Date('2025-10-02T00:00:00Z'),
  });
});
afterAll(async () => ctx?.close());

const rowsIn = async (table: typeof registrationFollowups | typeof matchmakings | typeof guidanceSessions) =>
  (await ctx.deps.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
const audits = async (entity: string, entityId: string) =>
  (
    await ctx.deps.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
  )[0]?.n ?? 0;

describe('follow-ups', () => {
  it('records a follow-up in the worker region, attributed to the recorder and audited', async () => {
    const res = await ctx.as(zhongdu.token).post('/api/v1/admin/services/followups', {
      workerId: zhongduWorker,
      status: 'employed',
      note: '已在中渡镇某厂上班',
      nextDate: '2025-12-15',
    });
    expect(res.statusCode).toBe(201);
    const body = json<{
      id: string;
      status: string;
      regionCode: string;
      recorderStaffId: string;
      contactedAt: string;
      nextDate: string;
    }>(res);
    expect(body).toMatchObject({
      status: 'employed',
      regionCode: '450223101001',
      recorderStaffId: zhongdu.id,
      nextDate: '2025-12-15',
      contactedAt: NOW.toISOString(),
    });
    expect(await audits('registration_followup', body.id)).toBe(1);
  });

  it('rejects bad input with Chinese field messages and writes nothing', async () => {
    const before = await rowsIn(registrationFollowups);
    const bad = await ctx.as(counter.token).post('/api/v1/admin/services/followups', {
      workerId: 'nope',
      status: 'happy',
      nextDate: '2025/12/01',
    });
    expect(bad.statusCode).toBe(400);
    const fields = json<ErrorRes>(bad).error.details?.map((d) => d.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['workerId', 'status', 'nextDate']));
    expect(json<ErrorRes>(bad).error.details?.find((d) => d.field === 'status')?.message).toBe(
      '跟踪状态应为 已就业/求职中/培训中/其他',
    );

    const future = await ctx.as(counter.token).post('/api/v1/admin/services/followups', {
      workerId: zhongduWorker,
      status: 'seeking',
      contactedAt: '2026-01-01T00:00:00+08:00',
    });
    expect(future.statusCode).toBe(400);
    expect(json<ErrorRes>(future).error.details).toEqual([{ field: 'contactedAt', message: '时间不能晚于当前时间' }]);

    const early = await ctx.as(counter.token).post('/api/v1/admin/services/followups', {
      workerId: zhongduWorker,
      status: 'seeking',
      nextDate: '2025-11-14',
    });
    expect(json<ErrorRes>(early).error.details).toEqual([
      { field: 'nextDate', message: '下次跟踪日期不能早于本次联系日期' },
    ]);

    const ghost = await ctx.as(counter.token).post('/api/v1/admin/services/followups', {
      workerId: crypto.randomUUID(),
      status: 'seeking',
    });
    expect(json<ErrorRes>(ghost).error.details).toEqual([
      { field: 'workerId', message: '求职者不存在或不在管辖区域内' },
    ]);
    expect(await rowsIn(registrationFollowups)).toBe(before);
  });

  it('a 中渡镇 agent cannot record for a 寨沙镇 worker; a supervisor cannot record at all', async () => {
    const before = await rowsIn(registrationFollowups);
    const outside = await ctx.as(zhongdu.token).post('/api/v1/admin/services/followups', {
      workerId: zhaishaWorker,
      status: 'seeking',
    });
    expect(outside.statusCode).toBe(400);
    expect(json<ErrorRes>(outside).error.details?.[0]?.field).toBe('workerId');
    const sup = await ctx.as(supervisor.token).post('/api/v1/admin/services/followups', {
      workerId: zhongduWorker,
      status: 'seeking',
    });
    expect(sup.statusCode).toBe(403);
    const anon = await ctx.anon.post('/api/v1/admin/services/followups', {
      workerId: zhongduWorker,
      status: 'seeking',
    });
    expect(anon.statusCode).toBe(401);
    expect(await rowsIn(registrationFollowups)).toBe(before);
  });
});

describe('offline referrals (matchmakings)', () => {
  it('records a referral to a job in another town; the job fixes the employer', async () => {
    const res = await ctx.as(zhongdu.token).post('/api/v1/admin/services/referrals', {
      workerId: zhongduWorker,
      jobId,
      note: '电话推荐',
    });
    expect(res.statusCode).toBe(201);
    const body = json<{ id: string }>(res);
    expect(body).toMatchObject({
      workerId: zhongduWorker,
      jobId,
      employerId,
      channel: 'offline',
      kind: 'referral',
      source: 'manual',
      recorderStaffId: zhongdu.id,
      regionCode: '450223101001',
    });
    expect(await audits('matchmaking', body.id)).toBe(1);
  });

  it('records a hire with an employer only', async () => {
    const res = await ctx.as(counter.token).post('/api/v1/admin/services/referrals', {
      workerId: zhaishaWorker,
      employerId: otherEmployerId,
      kind: 'hire',
      occurredAt: '2025-11-10T10:00:00+08:00',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      jobId: null,
      employerId: otherEmployerId,
      kind: 'hire',
      occurredAt: '2025-11-10T02:00:00.000Z',
    });
  });

  it('rejects a referral without target, to a missing job, or with a mismatched employer', async () => {
    const before = await rowsIn(matchmakings);
    const none = await ctx.as(counter.token).post('/api/v1/admin/services/referrals', { workerId: zhongduWorker });
    expect(json<ErrorRes>(none).error.details).toEqual([{ field: 'jobId', message: '请选择推荐的岗位或用工主体' }]);
    const missing = await ctx.as(counter.token).post('/api/v1/admin/services/referrals', {
      workerId: zhongduWorker,
      jobId: crypto.randomUUID(),
    });
    expect(json<ErrorRes>(missing).error.details).toEqual([{ field: 'jobId', message: '岗位不存在' }]);
    const mismatch = await ctx.as(counter.token).post('/api/v1/admin/services/referrals', {
      workerId: zhongduWorker,
      jobId,
      employerId: otherEmployerId,
    });
    expect(json<ErrorRes>(mismatch).error.details).toEqual([{ field: 'employerId', message: '用工主体与岗位不一致' }]);
    const kind = await ctx.as(counter.token).post('/api/v1/admin/services/referrals', {
      workerId: zhongduWorker,
      jobId,
      kind: 'marry',
    });
    expect(kind.statusCode).toBe(400);
    expect(
      (await ctx.as(supervisor.token).post('/api/v1/admin/services/referrals', { workerId: zhongduWorker, jobId }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.as(zhongdu.token).post('/api/v1/admin/services/referrals', { workerId: zhaishaWorker, jobId }))
        .statusCode,
    ).toBe(400);
    expect(await rowsIn(matchmakings)).toBe(before);
  });

  it('recordMatchmaking writes an automatic record and its audit in the caller transaction', async () => {
    const row = await ctx.deps.database.db.transaction((tx) =>
      recordMatchmaking(
        tx,
        {
          workerId: zhongduWorker,
          jobId,
          employerId,
          channel: 'online',
          kind: 'apply',
          source: 'auto',
          occurredAt: NOW,
          regionCode: '450223101001',
        },
        { actor: { kind: 'user', id: crypto.randomUUID() } },
      ),
    );
    expect(row).toMatchObject({ source: 'auto', recorderStaffId: null, channel: 'online' });
    expect(await audits('matchmaking', row.id)).toBe(1);
    await expect(
      ctx.deps.database.db.transaction(async (tx) => {
        await recordMatchmaking(
          tx,
          {
            workerId: zhongduWorker,
            jobId,
            channel: 'online',
            kind: 'hire',
            source: 'auto',
            occurredAt: NOW,
            regionCode: '450223101001',
          },
          { actor: { kind: 'system' } },
        );
        throw new Error('caller fails');
      }),
    ).rejects.toThrow('caller fails');
    const [hires] = await ctx.deps.database.db
      .select({ n: count() })
      .from(matchmakings)
      .where(and(eq(matchmakings.kind, 'hire'), eq(matchmakings.workerId, zhongduWorker)));
    expect(hires?.n).toBe(0);
  });
});

describe('career guidance', () => {
  it('records a one-to-one session with topic, advice, next step and follow-up date', async () => {
    const res = await ctx.as(counter.token).post('/api/v1/admin/services/guidance', {
      workerId: zhaishaWorker,
      topic: '择业方向',
      advice: '建议先参加电工培训，取得证书后再找工作',
      nextStep: '报名12月电工班',
      followupDate: '2025-12-20',
    });
    expect(res.statusCode).toBe(201);
    const body = json<{ id: string }>(res);
    expect(body).toMatchObject({
      topic: '择业方向',
      nextStep: '报名12月电工班',
      followupDate: '2025-12-20',
      recorderStaffId: counter.id,
      regionCode: '450223102001',
    });
    expect(await audits('guidance_session', body.id)).toBe(1);
  });

  it('rejects missing topic and advice with Chinese messages, and scope and role violations', async () => {
    const before = await rowsIn(guidanceSessions);
    const bad = await ctx.as(counter.token).post('/api/v1/admin/services/guidance', {
      workerId: zhongduWorker,
      topic: '',
      advice: 'x',
      followupDate: 'tomorrow',
    });
    expect(bad.statusCode).toBe(400);
    const details = json<ErrorRes>(bad).error.details ?? [];
    expect(details).toEqual(
      expect.arrayContaining([
        { field: 'topic', message: '指导主题至少2个字' },
        { field: 'advice', message: '择业建议至少2个字' },
        { field: 'followupDate', message: '日期格式应为 YYYY-MM-DD' },
      ]),
    );
    expect(
      (
        await ctx.as(zhongdu.token).post('/api/v1/admin/services/guidance', {
          workerId: zhaishaWorker,
          topic: '求职技巧',
          advice: '多参加招聘会',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await ctx.as(supervisor.token).post('/api/v1/admin/services/guidance', {
          workerId: zhongduWorker,
          topic: '求职技巧',
          advice: '多参加招聘会',
        })
      ).statusCode,
    ).toBe(403);
    expect(await rowsIn(guidanceSessions)).toBe(before);
  });
});
