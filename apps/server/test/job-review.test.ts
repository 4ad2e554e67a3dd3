import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { expireJobs } from '../src/modules/jobs/index.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  jobBody,
  json,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
let owner: { token: string; userId: string };
let zhongduEmployer: string;
let zhaishaEmployer: string;
let occ: string;
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type ReviewPage = {
  items: {
    id: string;
    townCode: string;
    status: string;
    employerVerificationStatus: string;
    contactPhoneMasked: string;
  }[];
  total: number;
};

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  zhongduEmployer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, status: 'pending' });
  zhaishaEmployer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhaisha, status: 'pending' });
  occ = await occupationIdByName(ctx, '家庭保洁');
});
afterAll(async () => ctx?.close());

async function pendingJob(employerId: string, townCode: string): Promise<string> {
  const res = await ctx
    .as(owner.token)
    .post(`/api/v1/app/employers/${employerId}/jobs`, jobBody(occ, { townCode, title: '招家庭保洁2名' }));
  const job = json<{ id: string; status: string }>(res);
  expect(job.status).toBe('pending_review');
  return job.id;
}
const statusOf = async (ids: string[]) =>
  (
    await ctx.deps.database.db
      .select({ id: jobPostings.id, status: jobPostings.status })
      .from(jobPostings)
      .where(inArray(jobPostings.id, ids))
  ).map((r) => r.status);
const decide = (token: string, payload: Record<string, unknown>) =>
  ctx.as(token).post('/api/v1/admin/jobs/review', payload);

describe('review queue', () => {
  it("lists waiting postings in the reviewer's region, contact phone masked", async () => {
    const a = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    const b = await pendingJob(zhaishaEmployer, TOWNS.zhaisha);
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const zhongdu = await staffToken(ctx, { roles: ['reviewer'], regionCode: TOWNS.zhongdu });
    const all = json<ReviewPage>(await ctx.as(county).get('/api/v1/admin/jobs/review'));
    expect(all.items.map((j) => j.id)).toEqual(expect.arrayContaining([a, b]));
    expect(all.items[0]).toMatchObject({
      status: 'pending_review',
      employerVerificationStatus: 'pending',
      contactPhoneMasked: '139****0000',
    });
    const scoped = json<ReviewPage>(await ctx.as(zhongdu).get('/api/v1/admin/jobs/review'));
    expect(scoped.items.map((j) => j.id)).toContain(a);
    expect(scoped.items.map((j) => j.id)).not.toContain(b);
    const outside = json<ReviewPage>(await ctx.as(zhongdu).get(`/api/v1/admin/jobs/review?town=${TOWNS.zhaisha}`));
    expect(outside.total).toBe(0);
  });

  it('a 中渡镇 station agent cannot review; a 中渡镇 reviewer cannot review a 寨沙镇 posting', async () => {
    const b = await pendingJob(zhaishaEmployer, TOWNS.zhaisha);
    const agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    expect((await decide(agent, { ids: [b], decision: 'approve' })).statusCode).toBe(403);
    expect((await ctx.as(agent).get('/api/v1/admin/jobs/review')).statusCode).toBe(403);
    const zhongdu = await staffToken(ctx, { roles: ['reviewer'], regionCode: TOWNS.zhongdu });
    const a = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    const res = await decide(zhongdu, { ids: [a, b], decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(await statusOf([a, b])).toEqual(['pending_review', 'pending_review']);
  });

  it('approves in bulk (published, public) and rejects with a reason the employer sees', async () => {
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const ids = [await pendingJob(zhongduEmployer, TOWNS.zhongdu), await pendingJob(zhaishaEmployer, TOWNS.zhaisha)];
    const ok = await decide(county, { ids, decision: 'approve' });
    expect(json(ok)).toMatchObject({ updated: 2 });
    expect(await statusOf(ids)).toEqual(['published', 'published']);
    const detail = await ctx.anon.get(`/api/v1/public/jobs/${ids[0]}`);
    expect(detail.statusCode).toBe(200);

    const r = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    const noReason = await decide(county, { ids: [r], decision: 'reject' });
    expect(json<Err>(noReason).error.details).toEqual([{ field: 'reason', message: '驳回时请填写理由（至少2个字）' }]);
    const rejected = await decide(county, { ids: [r], decision: 'reject', reason: '工作地址不详细' });
    expect(json(rejected)).toMatchObject({ items: [{ id: r, status: 'rejected' }] });
    const mine = json<{ status: string; reviewReason: string }>(await ctx.as(owner.token).get(`/api/v1/app/jobs/${r}`));
    expect(mine).toMatchObject({ status: 'rejected', reviewReason: '工作地址不详细' });
    const audits = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entityId, r));
    expect(audits.map((x) => x.action)).toContain('reject');
  });

  it('all or nothing: one posting not waiting refuses the whole batch', async () => {
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const waiting = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    const done = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    await decide(county, { ids: [done], decision: 'approve' });
    const res = await decide(county, { ids: [waiting, done], decision: 'reject', reason: '信息不全' });
    expect(res.statusCode).toBe(409);
    expect(await statusOf([waiting])).toEqual(['pending_review']);
  });

  it('rejects bad review bodies in Chinese', async () => {
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const empty = await decide(county, { ids: [], decision: 'approve' });
    expect(json<Err>(empty).error.details).toEqual([{ field: 'ids', message: '请至少选择一个岗位' }]);
    const bad = await decide(county, { ids: ['x'], decision: 'ok' });
    const fields = (json<Err>(bad).error.details ?? []).map((d) => d.message);
    expect(fields).toEqual(expect.arrayContaining(['ID格式不正确', '审核结果应为 通过 或 驳回']));
    const tooMany = await decide(county, {
      ids: Array.from({ length: 101 }, () => crypto.randomUUID()),
      decision: 'approve',
    });
    expect(json<Err>(tooMany).error.details?.[0]?.message).toBe('一次最多审核100个岗位');
  });
});

describe('expiry', () => {
  it('expireJobs turns postings past their end date into expired, once', async () => {
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const id = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    await decide(county, { ids: [id], decision: 'approve' });
    const live = await pendingJob(zhongduEmployer, TOWNS.zhongdu);
    await ctx.deps.database.db
      .update(jobPostings)
      .set({ endDate: '2025-01-01', startDate: '2024-12-01' })
      .where(eq(jobPostings.id, id));
    const first = await expireJobs(ctx.deps.database.db, new Date());
    expect(first.ids).toContain(id);
    expect(first.ids).not.toContain(live);
    expect(await statusOf([id])).toEqual(['expired']);
    expect((await expireJobs(ctx.deps.database.db, new Date())).expired).toBe(0);
    expect((await ctx.anon.get(`/api/v1/public/jobs/${id}`)).statusCode).toBe(404);
  });
});

describe('auto-publish off (系统配置 autoPublishVerifiedEmployers = false)', () => {
  it("even a verified employer's clean posting waits for review", async () => {
    const other = await createTestApp();
    try {
      const admin = await staffToken(other, { roles: ['admin'] });
      const off = await other.as(admin).put('/api/v1/admin/settings/autoPublishVerifiedEmployers', { value: false });
      expect(off.statusCode).toBe(200);
      const user = await appUser(other);
      const employerId = await makeEmployer(other, { ownerUserId: user.userId, townCode: TOWNS.luzhai });
      const res = await other
        .as(user.token)
        .post(
          `/api/v1/app/employers/${employerId}/jobs`,
          jobBody(await occupationIdByName(other, '家庭保洁'), { townCode: TOWNS.luzhai }),
        );
      expect(json(res).status).toBe('pending_review');
    } finally {
      await other.close();
    }
  });
});
