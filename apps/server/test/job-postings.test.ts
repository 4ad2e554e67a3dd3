import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  jobBody,
  json,
  occupationIdByName,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
let owner: { token: string; userId: string };
let stranger: { token: string; userId: string };
let verified: string;
let unverified: string;
let occ: string;
type Job = {
  id: string;
  status: string;
  title: string;
  description: string;
  requirements: string;
  contactPhone: string;
  moderation: {
    verdict: string;
    findings: { field: string; kind: string; code: string; action: string; message: string }[];
  };
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  stranger = await appUser(ctx);
  verified = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
  unverified = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, status: 'pending' });
  occ = await occupationIdByName(ctx, '搬运工');
});
afterAll(async () => ctx?.close());

const post = (employerId: string, payload: Record<string, unknown>, token = owner.token) =>
  ctx.as(token).post(`/api/v1/app/employers/${employerId}/jobs`, payload);
const countJobs = async () => (await ctx.deps.database.db.select({ n: count() }).from(jobPostings))[0]?.n ?? 0;

describe('posting a job', () => {
  it('a clean posting of a verified employer publishes at once and is public', async () => {
    const res = await post(verified, jobBody(occ, { title: '急招搬运工3名' }));
    expect(res.statusCode).toBe(201);
    const job = json<Job>(res);
    expect(job).toMatchObject({
      status: 'published',
      contactPhone: '13977770000',
      moderation: { verdict: 'pass', findings: [] },
    });
    const pub = json<{ items: { id: string }[] }>(await ctx.anon.get('/api/v1/public/jobs?pageSize=200'));
    expect(pub.items.map((j) => j.id)).toContain(job.id);
    const [row] = await ctx.deps.database.db.select().from(jobPostings).where(eq(jobPostings.id, job.id));
    expect(row?.contactPhoneEnc).not.toContain('13977770000');
  });

  it('an unverified employer waits for review; so does a posting with a review word', async () => {
    expect(json<Job>(await post(unverified, jobBody(occ))).status).toBe('pending_review');
    const res = await post(verified, jobBody(occ, { requirements: '工具押金200元，干满退还' }));
    const job = json<Job>(res);
    expect(job.status).toBe('pending_review');
    expect(job.moderation.verdict).toBe('review');
    expect(job.moderation.findings).toEqual([
      expect.objectContaining({ field: 'requirements', kind: 'word', code: '押金', action: 'review' }),
    ]);
  });

  it('without submit the posting is a draft; submitting it publishes', async () => {
    const draft = json<Job>(await post(verified, jobBody(occ, { submit: false })));
    expect(draft.status).toBe('draft');
    const sub = await ctx.as(owner.token).post(`/api/v1/app/jobs/${draft.id}/submit`);
    expect(json<Job>(sub).status).toBe('published');
    const again = await ctx.as(owner.token).post(`/api/v1/app/jobs/${draft.id}/submit`);
    expect(again.statusCode).toBe(409);
  });

  it('blocks a sensitive word, naming it, and saves nothing', async () => {
    const before = await countJobs();
    const res = await post(verified, jobBody(occ, { description: '在家刷单，日结' }));
    expect(res.statusCode).toBe(400);
    const err = json<Err>(res).error;
    expect(err.code).toBe('CONTENT_BLOCKED');
    expect(err.details).toEqual([
      {
        field: 'description',
        message: '工作内容含有禁用词「刷单」（涉嫌诈骗），请删除',
        code: '刷单',
        action: 'block',
        excerpt: '刷单',
        start: 2,
        end: 4,
      },
    ]);
    expect(await countJobs()).toBe(before);
  });

  it('blocks discrimination rules, naming each rule; an age limit passes with a reason', async () => {
    const before = await countJobs();
    const res = await post(
      verified,
      jobBody(occ, { title: '招搬运工，限男性', requirements: '年龄18-45岁，未婚优先' }),
    );
    expect(res.statusCode).toBe(400);
    const details = json<Err>(res).error.details ?? [];
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['title', 'requirements']));
    expect(details.find((d) => d.field === 'title')?.message).toMatch(/限男性.*性别限制/);
    expect(details.some((d) => /年龄限制/.test(d.message))).toBe(true);
    expect(details.some((d) => /婚育/.test(d.message))).toBe(true);
    expect(await countJobs()).toBe(before);
    const withReason = await post(
      verified,
      jobBody(occ, { requirements: '年龄18-55岁', ageReason: '高空作业安全要求' }),
    );
    expect(withReason.statusCode).toBe(201);
  });

  it('masks mask words (contact outside the platform)', async () => {
    const job = json<Job>(await post(verified, jobBody(occ, { description: '有意者加微信详谈' })));
    expect(job.description).not.toContain('加微信');
    expect(job.moderation.findings).toEqual([
      expect.objectContaining({ field: 'description', code: '加微信', action: 'mask' }),
    ]);
  });

  it('rejects wrong enums, ranges and lengths in Chinese and saves nothing', async () => {
    const before = await countJobs();
    const res = await post(
      verified,
      jobBody(occ, {
        kind: 'part_time',
        wageUnit: 'week',
        settlement: 'yearly',
        headcount: 0,
        title: '招工',
        wageMinFen: 30000,
        wageMaxFen: 20000,
        address: '',
        contactPhone: '12345',
        description: '长'.repeat(1001),
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries((json<Err>(res).error.details ?? []).map((d) => [d.field, d.message]));
    expect(fields).toMatchObject({
      kind: '用工类型应为 合同用工 或 灵活用工',
      wageUnit: '计薪单位应为 时/日/件/月',
      settlement: '结算周期应为 日结/周结/月结/完工结',
      headcount: '招聘人数至少1人',
      title: '岗位名称至少4个字',
      address: '工作地址至少2个字',
      contactPhone: '手机号码格式不正确',
      description: '工作内容最多1000个字',
    });
    const range = await post(verified, jobBody(occ, { wageMinFen: 30000, wageMaxFen: 20000 }));
    expect(json<Err>(range).error.details).toEqual([{ field: 'wageMaxFen', message: '最高工资不能低于最低工资' }]);
    const past = await post(verified, jobBody(occ, { startDate: '2020-01-01', endDate: '2020-01-02' }));
    expect(json<Err>(past).error.details).toEqual([{ field: 'endDate', message: '用工日期已过，请重新选择' }]);
    const town = await post(verified, jobBody(occ, { townCode: '450223999000' }));
    expect(json<Err>(town).error.details).toEqual([{ field: 'townCode', message: '所属乡镇不存在' }]);
    const category = await post(verified, jobBody(await occupationIdByName(ctx, '建筑装修')));
    expect(json<Err>(category).error.details).toEqual([
      { field: 'occupationId', message: '工种不存在，请选择具体工种' },
    ]);
    expect(await countJobs()).toBe(before);
  });
});

describe('only members act for the employer', () => {
  it("a user cannot post for, read, edit, close or fill another employer's job", async () => {
    const job = json<Job>(await post(verified, jobBody(occ, { title: '别人家的岗位' })));
    const before = await countJobs();
    expect((await post(verified, jobBody(occ), stranger.token)).statusCode).toBe(403);
    expect(await countJobs()).toBe(before);
    expect((await ctx.as(stranger.token).request('GET', `/api/v1/app/jobs/${job.id}`)).statusCode).toBe(403);
    expect(
      (
        await ctx
          .as(stranger.token)
          .request('PUT', `/api/v1/app/jobs/${job.id}`, jobBody(occ, { title: '被篡改的岗位' }))
      ).statusCode,
    ).toBe(403);
    expect((await ctx.as(stranger.token).request('POST', `/api/v1/app/jobs/${job.id}/close`)).statusCode).toBe(403);
    expect((await ctx.as(stranger.token).request('POST', `/api/v1/app/jobs/${job.id}/fill`)).statusCode).toBe(403);
    expect((await ctx.as(stranger.token).request('GET', `/api/v1/app/employers/${verified}/jobs`)).statusCode).toBe(
      403,
    );
    const [row] = await ctx.deps.database.db.select().from(jobPostings).where(eq(jobPostings.id, job.id));
    expect(row).toMatchObject({ title: '别人家的岗位', status: 'published' });
  });
});

describe('editing and ending', () => {
  it('editing a published posting checks again and may send it back to review', async () => {
    const job = json<Job>(await post(verified, jobBody(occ)));
    const edited = await ctx
      .as(owner.token)
      .put(`/api/v1/app/jobs/${job.id}`, jobBody(occ, { title: '高薪招搬运工', submit: false }));
    expect(json<Job>(edited)).toMatchObject({ status: 'pending_review', title: '高薪招搬运工' });
    const blocked = await ctx
      .as(owner.token)
      .put(`/api/v1/app/jobs/${job.id}`, jobBody(occ, { title: '招搬运工，只招男' }));
    expect(blocked.statusCode).toBe(400);
    const [row] = await ctx.deps.database.db.select().from(jobPostings).where(eq(jobPostings.id, job.id));
    expect(row?.title).toBe('高薪招搬运工');
  });

  it('fill only while published; close ends it; an ended posting cannot be edited', async () => {
    const job = json<Job>(await post(verified, jobBody(occ)));
    const filled = await ctx.as(owner.token).post(`/api/v1/app/jobs/${job.id}/fill`);
    expect(json<Job>(filled).status).toBe('filled');
    expect((await ctx.as(owner.token).post(`/api/v1/app/jobs/${job.id}/fill`)).statusCode).toBe(409);
    expect((await ctx.as(owner.token).put(`/api/v1/app/jobs/${job.id}`, jobBody(occ))).statusCode).toBe(409);
    const other = json<Job>(await post(verified, jobBody(occ)));
    const closed = await ctx.as(owner.token).post(`/api/v1/app/jobs/${other.id}/close`);
    expect(json<Job>(closed).status).toBe('closed');
    const pub = json<{ items: { id: string }[] }>(await ctx.anon.get('/api/v1/public/jobs?pageSize=200'));
    expect(pub.items.map((j) => j.id)).not.toContain(other.id);
    expect((await ctx.anon.get(`/api/v1/public/jobs/${other.id}`)).statusCode).toBe(404);
  });

  it("lists the employer's postings by status", async () => {
    const all = json<{ items: { status: string }[]; total: number }>(
      await ctx.as(owner.token).get(`/api/v1/app/employers/${verified}/jobs?pageSize=200`),
    );
    expect(all.total).toBeGreaterThan(3);
    const drafts = json<{ items: { status: string }[] }>(
      await ctx.as(owner.token).get(`/api/v1/app/employers/${verified}/jobs?status=closed`),
    );
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((j) => j.status === 'closed')).toBe(true);
    const bad = await ctx.as(owner.token).get(`/api/v1/app/employers/${verified}/jobs?status=open`);
    expect(json<Err>(bad).error.details?.[0]?.message).toBe('岗位状态不正确');
  });
});
