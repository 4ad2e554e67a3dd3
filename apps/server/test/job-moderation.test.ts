import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import {
  appUser,
  createTestApp,
  jobBody,
  json,
  makeEmployer,
  makeWorker,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

// Issue 14: the rules the law sets for postings, every finding per field with its span, and the
// publish gate (clean AND verified employer; otherwise review, and no applications until then).
let ctx: TestContext;
let owner: { token: string; userId: string };
let verified: string;
let unverified: string;
let occ: string;
let worker: { token: string };
type Finding = {
  field: string;
  code: string;
  action: string;
  excerpt: string;
  start?: number;
  end?: number;
  basis?: string;
  reason?: { field: string; start: number; end: number; excerpt: string };
};
type Job = { id: string; status: string; description: string; moderation: { verdict: string; findings: Finding[] } };
type Detail = Finding & { message: string };
type Err = { error: { code: string; message: string; details?: Detail[] } };

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  verified = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
  unverified = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, status: 'pending' });
  occ = await occupationIdByName(ctx, '搬运工');
  worker = await makeWorker(ctx, { app: true, name: '覃秀英', occupationIds: [occ] });
});
afterAll(async () => ctx?.close());

const post = (employerId: string, payload: Record<string, unknown>) =>
  ctx.as(owner.token).post(`/api/v1/app/employers/${employerId}/jobs`, payload);
const countJobs = async () => (await ctx.deps.database.db.select({ n: count() }).from(jobPostings))[0]?.n ?? 0;
const apply = (jobId: string) => ctx.as(worker.token).post(`/api/v1/app/jobs/${jobId}/apply`);

describe('content rules (issue 14)', () => {
  it('refuses 无乙肝 with the legal basis, while 要有健康证 is fine; nothing is saved', async () => {
    const before = await countJobs();
    const requirements = '无乙肝，要有健康证';
    const res = await post(verified, jobBody(occ, { requirements }));
    expect(res.statusCode).toBe(400);
    const err = json<Err>(res).error;
    expect(err.code).toBe('CONTENT_BLOCKED');
    expect(err.details).toHaveLength(1);
    const [d] = err.details ?? [];
    expect(d).toMatchObject({ field: 'requirements', code: 'health', action: 'block', excerpt: '无乙肝' });
    expect(requirements.slice(d?.start, d?.end)).toBe('无乙肝');
    expect(d?.basis).toContain('就业促进法》第三十条');
    expect(await countJobs()).toBe(before);
    const ok = await post(verified, jobBody(occ, { requirements: '需持健康证上岗' }));
    expect(json<Job>(ok).status).toBe('published');
  });

  it('lists every finding of a field at once, spaced-out phrases included, with their spans', async () => {
    const requirements = '只 要 女 性，未婚优先，不招河南人；工具押金200元';
    const res = await post(verified, jobBody(occ, { requirements, description: '乙肝携带者勿扰' }));
    expect(res.statusCode).toBe(400);
    const details = json<Err>(res).error.details ?? [];
    const req = details.filter((d) => d.field === 'requirements');
    expect(req.map((d) => d.code).sort()).toEqual(['gender', 'marital', 'region', '押金'].sort());
    for (const d of req) expect(requirements.slice(d.start, d.end)).toBe(d.excerpt);
    expect(req.find((d) => d.code === 'gender')?.excerpt).toBe('只 要 女 性');
    expect(details.find((d) => d.field === 'description')).toMatchObject({ code: 'health', action: 'block' });
    expect(details[details.length - 1]?.action).toBe('review');
  });

  it('sends an age limit with its reason written in the text to review, the reason highlighted', async () => {
    const requirements = '年龄18-50岁，因高空作业';
    const res = await post(verified, jobBody(occ, { requirements }));
    expect(res.statusCode).toBe(201);
    const job = json<Job>(res);
    expect(job.status).toBe('pending_review');
    const [f] = job.moderation.findings;
    expect(f).toMatchObject({ field: 'requirements', code: 'age', action: 'review', excerpt: '年龄18-50岁' });
    expect(f?.reason).toMatchObject({ field: 'requirements', excerpt: '因高空作业' });
    expect(requirements.slice(f?.reason?.start, f?.reason?.end)).toBe('因高空作业');
    const noReason = await post(verified, jobBody(occ, { requirements: '年龄18-50岁' }));
    expect(json<Err>(noReason).error.details?.[0]).toMatchObject({ code: 'age', action: 'block' });
  });

  it('hides phone, WeChat and QQ in the description and sends the posting to review', async () => {
    const description = '搬运建材，详询 139 7777 0000，微信 lg_boss88，QQ：12345678';
    const job = json<Job>(await post(verified, jobBody(occ, { description })));
    expect(job.status).toBe('pending_review');
    expect(job.moderation.findings.map((f) => f.code)).toEqual(['contact', 'contact', 'contact']);
    expect(job.description).not.toMatch(/7777|boss88|12345678/);
    expect(job.description.startsWith('搬运建材，详询 ')).toBe(true);
  });
});

describe('publish gate (issue 14)', () => {
  it('publishes only when the checks are clean AND the employer is verified', async () => {
    expect(json<Job>(await post(verified, jobBody(occ))).status).toBe('published');
    const waiting = json<Job>(await post(unverified, jobBody(occ)));
    expect(waiting).toMatchObject({ status: 'pending_review', moderation: { verdict: 'pass' } });
    const review = json<Job>(await post(verified, jobBody(occ, { requirements: '身体健康，无传染病' })));
    expect(review).toMatchObject({ status: 'pending_review', moderation: { verdict: 'review' } });
  });

  it('an unreviewed posting takes no applications (Chinese message) until a reviewer approves it', async () => {
    const job = json<Job>(await post(unverified, jobBody(occ)));
    const refused = await apply(job.id);
    expect(refused.statusCode).toBe(409);
    expect(json<Err>(refused).error).toMatchObject({
      code: 'INVALID_STATE',
      message: '该岗位正在审核中，审核通过后才能报名',
    });
    const pub = json<{ items: { id: string }[] }>(await ctx.anon.get('/api/v1/public/jobs?pageSize=200'));
    expect(pub.items.map((j) => j.id)).not.toContain(job.id);
    const reviewer = await staffToken(ctx, { roles: ['reviewer'] });
    const decided = await ctx.as(reviewer).post('/api/v1/admin/jobs/review', { ids: [job.id], decision: 'approve' });
    expect(decided.statusCode).toBe(200);
    expect((await apply(job.id)).statusCode).toBe(201);
  });
});
