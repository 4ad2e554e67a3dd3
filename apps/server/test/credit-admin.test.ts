import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCreditEvent } from '../src/modules/credit/index.js';
import { creditEvents } from '../src/modules/credit/credit.schema.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { applications } from '../src/modules/applications/applications.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  appUser,
  buildPair,
  createTestApp,
  jobBody,
  json,
  type Pair,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };
type Ledger = {
  subjectId: string;
  subjectName: string;
  kind: string;
  kindLabel: string;
  points: number;
  regionCode: string;
};

let ctx: TestContext;
let admin: string;
let reviewer: string;
let zhongduAgent: string;
let zhongduReviewer: string;
let supervisor: string;
let zd: Pair;
let zs: Pair;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await staffToken(ctx, { roles: ['admin'] });
  reviewer = await staffToken(ctx, { roles: ['reviewer'] });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  zhongduReviewer = await staffToken(ctx, { roles: ['reviewer'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  zd = await buildPair(ctx, {
    townCode: TOWNS.zhongdu,
    employerName: '中渡建材有限公司',
    workerName: '覃秀英',
    workerRegion: '450223101001',
  });
  zs = await buildPair(ctx, {
    townCode: TOWNS.zhaisha,
    employerName: '寨沙农业合作社',
    workerName: '韦大山',
    workerRegion: '450223102001',
  });
  const db = ctx.deps.database.db;
  await recordCreditEvent(db, {
    subjectType: 'worker',
    subjectId: zd.worker.workerId,
    kind: 'no_show',
    refType: 'application',
    refId: crypto.randomUUID(),
  });
  await recordCreditEvent(db, {
    subjectType: 'worker',
    subjectId: zs.worker.workerId,
    kind: 'no_show',
    refType: 'application',
    refId: crypto.randomUUID(),
  });
  await recordCreditEvent(db, {
    subjectType: 'employer',
    subjectId: zs.employerId,
    kind: 'late_cancel',
    refType: 'application',
    refId: crypto.randomUUID(),
  });
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const countOf = async (table: typeof creditEvents | typeof applications | typeof jobPostings) =>
  (await db().select({ n: count() }).from(table))[0]?.n ?? 0;

describe('credit rules', () => {
  it('lists every kind with its default, edits with an audit of old → new, and new events use the new points', async () => {
    const list = json<{ items: { kind: string; kindLabel: string; points: number; isDefault: boolean }[] }>(
      await ctx.as(supervisor).get('/api/v1/admin/credit/rules'),
    );
    expect(list.items.find((r) => r.kind === 'no_show')).toEqual(
      expect.objectContaining({ kindLabel: '爽约（未到岗）', points: -10, isDefault: true }),
    );
    expect(
      (await ctx.as(supervisor).request('PUT', '/api/v1/admin/credit/rules/no_show', { points: -15 })).statusCode,
    ).toBe(403);
    const bad = await ctx.as(reviewer).request('PUT', '/api/v1/admin/credit/rules/no_show', { points: -80 });
    expect(json<Err>(bad).error.details).toEqual([
      expect.objectContaining({ field: 'points', message: '分值不能低于-50' }),
    ]);
    expect((await ctx.as(reviewer).request('PUT', '/api/v1/admin/credit/rules/bogus', { points: 1 })).statusCode).toBe(
      400,
    );
    const manual = await ctx.as(reviewer).request('PUT', '/api/v1/admin/credit/rules/manual_adjust', { points: 3 });
    expect(json<Err>(manual).error.details).toEqual([expect.objectContaining({ field: 'kind' })]);

    const ok = await ctx.as(reviewer).request('PUT', '/api/v1/admin/credit/rules/no_show', { points: -15 });
    expect(ok.statusCode).toBe(200);
    expect(json<typeof list>(ok).items.find((r) => r.kind === 'no_show')).toMatchObject({
      points: -15,
      isDefault: false,
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'credit_rule'), eq(auditLog.action, 'update')));
    expect(audit!.details).toEqual({ kind: 'no_show', old: -10, new: -15 });
    const other = await buildPair(ctx);
    const ev = await recordCreditEvent(db(), {
      subjectType: 'worker',
      subjectId: other.worker.workerId,
      kind: 'no_show',
      refId: crypto.randomUUID(),
    });
    expect(ev).toMatchObject({ points: -15, score: 65 });
    await ctx.as(reviewer).request('PUT', '/api/v1/admin/credit/rules/no_show', { points: -10 });
  });
});

describe('events ledger', () => {
  it('is region-scoped (a 中渡镇 agent never sees 寨沙镇 rows), filtered and names subjects (workers masked)', async () => {
    const county = json<Page<Ledger>>(await ctx.as(admin).get('/api/v1/admin/credit/events?pageSize=200'));
    const ids = county.items.map((r) => r.subjectId);
    expect(ids).toEqual(expect.arrayContaining([zd.worker.workerId, zs.worker.workerId, zs.employerId]));
    const town = json<Page<Ledger>>(await ctx.as(zhongduAgent).get('/api/v1/admin/credit/events?pageSize=200'));
    expect(town.items.length).toBeGreaterThan(0);
    expect(town.items.every((r) => r.regionCode.startsWith('450223101'))).toBe(true);
    expect(town.items.map((r) => r.subjectId)).not.toContain(zs.worker.workerId);
    expect(town.items.map((r) => r.subjectId)).not.toContain(zs.employerId);
    expect(town.items.find((r) => r.subjectId === zd.worker.workerId)).toMatchObject({
      subjectName: '覃**',
      kindLabel: '爽约（未到岗）',
      points: -10,
    });
    // A filter outside the scope yields nothing rather than widening it.
    expect(
      json<Page<Ledger>>(await ctx.as(zhongduAgent).get(`/api/v1/admin/credit/events?regionCode=${TOWNS.zhaisha}`))
        .items,
    ).toEqual([]);
    const employersOnly = json<Page<Ledger>>(
      await ctx.as(admin).get('/api/v1/admin/credit/events?subjectType=employer&kind=late_cancel'),
    );
    expect(employersOnly.items).toEqual([
      expect.objectContaining({ subjectId: zs.employerId, subjectName: '寨沙农业合作社', kindLabel: '临时取消' }),
    ]);
    const bad = await ctx.as(admin).get('/api/v1/admin/credit/events?kind=robbery&from=2025-13-01');
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'kind', message: '信用事件类型不正确' }),
        expect.objectContaining({ field: 'from' }),
      ]),
    );
  });

  it('exports the same scoped rows to Excel and audits the export', async () => {
    const res = await ctx.as(zhongduAgent).get('/api/v1/admin/credit/events/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="credit-events.xlsx"; filename*=UTF-8''${encodeURIComponent('信用记录.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('信用记录')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const listed = json<Page<Ledger>>(await ctx.as(zhongduAgent).get('/api/v1/admin/credit/events?pageSize=200'));
    expect(rows).toHaveLength(listed.total);
    expect(rows.map((r) => String(r[7]))).not.toContain(TOWNS.zhaisha.slice(0, 9));
    expect(rows.every((r) => String(r[7]).startsWith('450223101'))).toBe(true);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'credit_event'), eq(auditLog.action, 'export')));
    expect(audits).toHaveLength(1);
  });
});

describe('manual adjustment', () => {
  it('moves the score with a reason, audited; out of scope or without permission it changes nothing', async () => {
    const before = await countOf(creditEvents);
    expect(
      (
        await ctx.as(zhongduAgent).request('POST', '/api/v1/admin/credit/adjustments', {
          subjectType: 'worker',
          subjectId: zd.worker.workerId,
          points: 5,
          reason: '驿站核实',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await ctx.as(zhongduReviewer).request('POST', '/api/v1/admin/credit/adjustments', {
          subjectType: 'worker',
          subjectId: zs.worker.workerId,
          points: 5,
          reason: '跨区调整',
        })
      ).statusCode,
    ).toBe(404);
    const bad = await ctx.as(reviewer).request('POST', '/api/v1/admin/credit/adjustments', {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      points: 0,
      reason: '',
    });
    expect(json<Err>(bad).error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'points', message: '调整分值不能为0' }),
        expect.objectContaining({ field: 'reason', message: '调整原因至少4个字' }),
      ]),
    );
    expect(await countOf(creditEvents)).toBe(before);

    const ok = await ctx.as(reviewer).request('POST', '/api/v1/admin/credit/adjustments', {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      points: 20,
      reason: '多次获评优秀零工',
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ score: 90, level: 'excellent' });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'credit_score'), eq(auditLog.entityId, zd.worker.workerId)));
    expect(audit[0]!.details).toMatchObject({ points: 20, reason: '多次获评优秀零工', newScore: 90 });
  });
});

describe('blacklist', () => {
  it('stops a blacklisted worker from applying and a blacklisted employer from posting, until lifted or expired', async () => {
    const jobId = json<{ id: string }>(
      await ctx
        .as(zd.owner.token)
        .request('POST', `/api/v1/app/employers/${zd.employerId}/jobs`, jobBody(zd.occupationId)),
    ).id;
    const add = (token: string, payload: Record<string, unknown>) =>
      ctx.as(token).request('POST', '/api/v1/admin/credit/blacklist', payload);
    expect(
      (
        await add(zhongduReviewer, {
          subjectType: 'worker',
          subjectId: zs.worker.workerId,
          scope: 'all',
          reason: '跨区列入',
        })
      ).statusCode,
    ).toBe(404);
    const past = await add(reviewer, {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      scope: 'applying',
      reason: '多次爽约',
      expiresOn: '2020-01-01',
    });
    expect(json<Err>(past).error.details).toEqual([{ field: 'expiresOn', message: '到期日不能早于今天' }]);
    const badScope = await add(reviewer, {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      scope: 'everything',
      reason: '多次爽约',
    });
    expect(json<Err>(badScope).error.details).toEqual([
      expect.objectContaining({ field: 'scope', message: '限制范围应为 禁止发布/禁止报名/全部禁止' }),
    ]);

    const mismatch = await add(reviewer, {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      scope: 'posting',
      reason: '三次爽约未到岗',
    });
    expect(json<Err>(mismatch).error.details).toEqual([
      { field: 'scope', message: '零工不发布岗位，请选择“禁止报名”或“全部禁止”' },
    ]);
    const entry = await add(reviewer, {
      subjectType: 'worker',
      subjectId: zd.worker.workerId,
      scope: 'applying',
      reason: '三次爽约未到岗',
    });
    expect(entry.statusCode).toBe(201);
    const entryId = json<{ id: string }>(entry).id;
    expect(json(entry)).toMatchObject({ subjectName: '覃**', scopeLabel: '禁止报名', active: true });
    const apps = await countOf(applications);
    const refused = await ctx.as(zd.worker.token).request('POST', `/api/v1/app/jobs/${jobId}/apply`, {});
    expect(refused.statusCode).toBe(403);
    expect(json<Err>(refused).error).toMatchObject({
      code: 'BLACKLISTED',
      message: expect.stringContaining('您已被列入诚信黑名单，暂不能报名岗位（原因：三次爽约未到岗）'),
    });
    expect(await countOf(applications)).toBe(apps);
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, zd.worker.userId), eq(notifications.refId, entryId)));
    expect(told).toHaveLength(1);

    const town = json<Page<{ id: string }>>(await ctx.as(zhongduAgent).get('/api/v1/admin/credit/blacklist'));
    expect(town.items.map((i) => i.id)).toContain(entryId);
    const zhaishaAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    expect(json<Page<{ id: string }>>(await ctx.as(zhaishaAgent).get('/api/v1/admin/credit/blacklist')).items).toEqual(
      [],
    );

    expect(
      (
        await ctx
          .as(zhongduAgent)
          .request('POST', `/api/v1/admin/credit/blacklist/${entryId}/lift`, { reason: '已整改' })
      ).statusCode,
    ).toBe(403);
    const lifted = await ctx.as(reviewer).request('POST', `/api/v1/admin/credit/blacklist/${entryId}/lift`, {
      reason: '本人已作出书面承诺',
    });
    expect(json(lifted)).toMatchObject({ active: false, liftReason: '本人已作出书面承诺' });
    expect(
      (await ctx.as(reviewer).request('POST', `/api/v1/admin/credit/blacklist/${entryId}/lift`, { reason: '重复解除' }))
        .statusCode,
    ).toBe(409);
    expect((await ctx.as(zd.worker.token).request('POST', `/api/v1/app/jobs/${jobId}/apply`, {})).statusCode).toBe(201);

    // An employer barred from posting, with an expiry date.
    const expires = new Date(ctx.clock.now.getTime() + 2 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Asia/Shanghai',
    });
    expect(
      (
        await add(reviewer, {
          subjectType: 'employer',
          subjectId: zs.employerId,
          scope: 'posting',
          reason: '拖欠工资查实',
          expiresOn: expires,
        })
      ).statusCode,
    ).toBe(201);
    const jobs = await countOf(jobPostings);
    const post = () =>
      ctx
        .as(zs.owner.token)
        .request(
          'POST',
          `/api/v1/app/employers/${zs.employerId}/jobs`,
          jobBody(zs.occupationId, { townCode: TOWNS.zhaisha }),
        );
    const blocked = await post();
    expect(blocked.statusCode).toBe(403);
    expect(json<Err>(blocked).error.message).toContain(
      '您的用工主体已被列入诚信黑名单，暂不能发布或修改岗位（原因：拖欠工资查实，限制至',
    );
    expect(await countOf(jobPostings)).toBe(jobs);
    const saved = ctx.clock.now;
    ctx.clock.advance(3 * 86_400_000);
    try {
      expect((await post()).statusCode).toBe(201);
    } finally {
      ctx.clock.now = saved;
    }
  });
});

describe('appeals and the owner’s credit', () => {
  it('lets the owner see the history and appeal; staff uphold (reversal) or reject, and the owner is told', async () => {
    const mine = await ctx.as(zs.worker.token).get('/api/v1/app/me/credit');
    expect(mine.statusCode).toBe(200);
    const credit = json<{ score: number; events: { id: string; kind: string; appealable: boolean }[] }>(mine);
    const noShow = credit.events.find((e) => e.kind === 'no_show')!;
    expect(noShow.appealable).toBe(true);
    expect(credit.score).toBe(70);

    const file = (token: string, payload: Record<string, unknown>) =>
      ctx.as(token).request('POST', '/api/v1/app/credit/appeals', payload);
    expect(
      json<Err>(
        await file(zd.worker.token, {
          subjectType: 'worker',
          targetType: 'event',
          targetId: noShow.id,
          reason: '别人的记录我来申诉',
        }),
      ).error.details,
    ).toEqual([{ field: 'targetId', message: '信用记录不存在' }]);
    const short = await file(zs.worker.token, {
      subjectType: 'worker',
      targetType: 'event',
      targetId: noShow.id,
      reason: '冤',
    });
    expect(json<Err>(short).error.details).toEqual([
      expect.objectContaining({ field: 'reason', message: '申诉理由至少5个字' }),
    ]);
    const filed = await file(zs.worker.token, {
      subjectType: 'worker',
      targetType: 'event',
      targetId: noShow.id,
      reason: '当天暴雨封路，已提前电话告知老板',
    });
    expect(filed.statusCode).toBe(201);
    const appealId = json<{ id: string }>(filed).id;
    expect(json(filed)).toMatchObject({ status: 'pending', targetSummary: '爽约（未到岗） -10分' });
    expect(
      (
        await file(zs.worker.token, {
          subjectType: 'worker',
          targetType: 'event',
          targetId: noShow.id,
          reason: '再次申诉同一记录',
        })
      ).statusCode,
    ).toBe(400);

    expect(
      json<Page<{ id: string }>>(await ctx.as(zhongduAgent).get('/api/v1/admin/credit/appeals')).items.map((a) => a.id),
    ).not.toContain(appealId);
    expect(
      json<Page<{ id: string }>>(await ctx.as(reviewer).get('/api/v1/admin/credit/appeals?status=pending')).items.map(
        (a) => a.id,
      ),
    ).toContain(appealId);
    expect(json(await ctx.as(reviewer).get('/api/v1/admin/dashboard/queues'))).toMatchObject({ pendingAppeals: 1 });
    const decide = (token: string, payload: Record<string, unknown>) =>
      ctx.as(token).request('POST', `/api/v1/admin/credit/appeals/${appealId}/decide`, payload);
    expect((await decide(zhongduReviewer, { decision: 'uphold', reason: '核实' })).statusCode).toBe(404);
    const upheld = await decide(reviewer, { decision: 'uphold', reason: '经核实当天道路中断' });
    expect(upheld.statusCode).toBe(200);
    expect(json(upheld)).toMatchObject({ status: 'upheld', statusLabel: '申诉成立' });
    expect((await decide(reviewer, { decision: 'reject', reason: '再处理' })).statusCode).toBe(409);
    const after = json<{ score: number; events: { kind: string; points: number; appealStatus: string | null }[] }>(
      await ctx.as(zs.worker.token).get('/api/v1/app/me/credit'),
    );
    expect(after.score).toBe(80);
    expect(after.events.find((e) => e.kind === 'appeal_upheld')).toMatchObject({ points: 10 });
    expect(after.events.find((e) => e.kind === 'no_show')).toMatchObject({ appealStatus: 'upheld' });
    const notes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, zs.worker.userId), eq(notifications.refId, appealId)));
    expect(notes).toEqual([expect.objectContaining({ title: '信用申诉处理结果', smsQueued: 'yes' })]);

    // An employer member appeals a blacklist entry; staff reject it and it stays in force.
    const entry = json<{ id: string }>(
      await ctx.as(reviewer).request('POST', '/api/v1/admin/credit/blacklist', {
        subjectType: 'employer',
        subjectId: zs.employerId,
        scope: 'all',
        reason: '虚假招聘查实',
      }),
    );
    // The detail drawers read one subject's credit, in scope only.
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/credit/subjects/employer/${zs.employerId}`)).statusCode).toBe(
      404,
    );
    const drawer = json<{ blacklist: { id: string; active: boolean }[]; level: string }>(
      await ctx.as(admin).get(`/api/v1/admin/credit/subjects/employer/${zs.employerId}`),
    );
    expect(drawer.blacklist.find((b) => b.id === entry.id)).toMatchObject({ active: true });
    expect((await ctx.as(admin).get(`/api/v1/admin/credit/subjects/boss/${zs.employerId}`)).statusCode).toBe(400);
    const stranger = await appUser(ctx);
    expect((await ctx.as(stranger.token).get(`/api/v1/app/employers/${zs.employerId}/credit`)).statusCode).toBe(403);
    const emp = json<{ blacklist: { id: string; active: boolean }[] }>(
      await ctx.as(zs.owner.token).get(`/api/v1/app/employers/${zs.employerId}/credit`),
    );
    expect(emp.blacklist.find((b) => b.id === entry.id)).toMatchObject({ active: true });
    const eAppeal = await file(zs.owner.token, {
      subjectType: 'employer',
      employerId: zs.employerId,
      targetType: 'blacklist',
      targetId: entry.id,
      reason: '招聘信息真实，有合同为证',
    });
    expect(eAppeal.statusCode).toBe(201);
    const rejected = await ctx
      .as(reviewer)
      .request('POST', `/api/v1/admin/credit/appeals/${json<{ id: string }>(eAppeal).id}/decide`, {
        decision: 'reject',
        reason: '证据不足',
      });
    expect(json(rejected)).toMatchObject({ status: 'rejected', decisionReason: '证据不足' });
    const still = json<{ blacklist: { id: string; active: boolean; appealStatus: string }[] }>(
      await ctx.as(zs.owner.token).get(`/api/v1/app/employers/${zs.employerId}/credit`),
    );
    expect(still.blacklist.find((b) => b.id === entry.id)).toMatchObject({ active: true, appealStatus: 'rejected' });
  });
});

describe('credit level across the product', () => {
  it('filters the employers list by level and shows levels on jobs, applicants and employer lists', async () => {
    const low = await buildPair(ctx, { townCode: TOWNS.zhongdu, employerName: '信用较差建筑队' });
    await ctx.as(reviewer).request('POST', '/api/v1/admin/credit/adjustments', {
      subjectType: 'employer',
      subjectId: low.employerId,
      points: -30,
      reason: '多次拖欠工资',
    });
    const poor = json<Page<{ id: string; creditLevel: string }>>(
      await ctx.as(admin).get('/api/v1/admin/employers?creditLevel=poor'),
    );
    expect(poor.items.map((e) => e.id)).toEqual([low.employerId]);
    expect(poor.items[0]!.creditLevel).toBe('poor');
    const bad = await ctx.as(admin).get('/api/v1/admin/employers?creditLevel=awful');
    expect(json<Err>(bad).error.details).toEqual([
      expect.objectContaining({ field: 'creditLevel', message: '信用等级不正确' }),
    ]);
    const workers = json<Page<{ id: string; creditLevel: string }>>(
      await ctx.as(admin).get(`/api/v1/admin/workers?town=${TOWNS.zhongdu}&pageSize=100`),
    );
    expect(workers.items.find((w) => w.id === zd.worker.workerId)?.creditLevel).toBe('excellent');

    const jobId = json<{ id: string }>(
      await ctx
        .as(low.owner.token)
        .request('POST', `/api/v1/app/employers/${low.employerId}/jobs`, jobBody(low.occupationId)),
    ).id;
    const detail = json<{ employer: { creditLevel: string } }>(await ctx.anon.get(`/api/v1/public/jobs/${jobId}`));
    expect(detail.employer.creditLevel).toBe('poor');
    const list = json<Page<{ id: string; employerCreditLevel: string }>>(
      await ctx.anon.get(`/api/v1/public/jobs?town=${TOWNS.zhongdu}&pageSize=100`),
    );
    expect(list.items.find((j) => j.id === jobId)?.employerCreditLevel).toBe('poor');
    expect((await ctx.as(zd.worker.token).request('POST', `/api/v1/app/jobs/${jobId}/apply`, {})).statusCode).toBe(201);
    const applicants = json<{ items: { workerId: string; workerCreditLevel: string }[] }>(
      await ctx.as(low.owner.token).get(`/api/v1/app/jobs/${jobId}/applications`),
    );
    expect(applicants.items).toEqual([
      expect.objectContaining({ workerId: zd.worker.workerId, workerCreditLevel: 'excellent' }),
    ]);
    const recommended = json<{ items: { workerId: string; creditLevel: string; reasons: string[] }[] }>(
      await ctx.as(low.owner.token).get(`/api/v1/app/jobs/${jobId}/recommended-workers`),
    );
    const rec = recommended.items.find((w) => w.workerId === zd.worker.workerId);
    expect(rec).toMatchObject({ creditLevel: 'excellent' });
    expect(rec!.reasons).toContain('信用优秀');
  });
});
