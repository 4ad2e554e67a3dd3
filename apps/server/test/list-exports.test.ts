import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  jobBody,
  json,
  occupationIdByName,
  registerWorker,
  staffToken,
  type TestContext,
  TOWNS,
  xlsxRows,
} from './support/index.js';

type Err = { error: { code: string; details?: { field: string; message: string }[] } };
type Job = {
  id: string;
  status: string;
  townCode: string;
  reviewReason: string | null;
  contactPhoneMasked: string | null;
  moderation: { verdict: string } | null;
};
type JobPage = { items: Job[]; total: number };

let ctx: TestContext;
let county: string;
let agent: string;
let supervisor: string;
let reviewer: string;
let owner: { token: string; userId: string };
let occ: string;
const jobs: Record<string, string> = {};

const sheet = async (url: string, token: string) => {
  const res = await ctx.as(token).get(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return xlsxRows(res.rawPayload);
};
const exportAudits = async (entity: string) =>
  ctx.deps.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'export'), eq(auditLog.entity, entity)));
/** Row counts of the export audit entries, smallest first (insertion order is not guaranteed). */
const exportedRows = async (entity: string) =>
  (await exportAudits(entity)).map((a) => (a.details as { rows: number }).rows).sort((x, y) => x - y);

beforeAll(async () => {
  ctx = await createTestApp();
  const at = new Date('2026-10-01T02:00:00Z');
  await registerWorker(ctx, {
    name: '韦中渡',
    homeRegionCode: TOWNS.zhongdu,
    createdAt: at,
    priorityGroups: ['脱贫劳动力'],
  });
  await registerWorker(ctx, { name: '韦二中', homeRegionCode: TOWNS.zhongdu, createdAt: at });
  await registerWorker(ctx, {
    name: '覃寨沙',
    homeRegionCode: TOWNS.zhaisha,
    createdAt: at,
    priorityGroups: ['脱贫劳动力'],
  });
  owner = await appUser(ctx);
  const zd = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name: '中渡镇建材厂' });
  const zs = await makeEmployer(ctx, {
    ownerUserId: owner.userId,
    townCode: TOWNS.zhaisha,
    name: '寨沙镇砂糖橘合作社',
    status: 'pending',
  });
  occ = await occupationIdByName(ctx, '家庭保洁');
  const postJob = async (employerId: string, over: Record<string, unknown>) =>
    json<{ id: string }>(await ctx.as(owner.token).post(`/api/v1/app/employers/${employerId}/jobs`, jobBody(occ, over)))
      .id;
  jobs.zdFlex = await postJob(zd, { title: '招搬运工3名', townCode: TOWNS.zhongdu });
  jobs.zdContract = await postJob(zd, {
    title: '招长期保洁',
    kind: 'contract',
    wageUnit: 'month',
    settlement: 'monthly',
    wageMinFen: 300_000,
    wageMaxFen: 400_000,
    townCode: TOWNS.zhongdu,
  });
  jobs.zs = await postJob(zs, { title: '招砍柑工', townCode: TOWNS.zhaisha });
  county = await staffToken(ctx, { roles: ['counter_staff'] });
  agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
  reviewer = await staffToken(ctx, { roles: ['reviewer'] });
});
afterAll(async () => ctx?.close());

describe('雇员管理 export', () => {
  it('exports the filtered list in the region, masked, with Chinese headers, and audits it', async () => {
    const all = await sheet('/api/v1/admin/workers/export', county);
    expect(all.name).toBe('求职者名单');
    expect(all.rows[0]).toEqual([
      '序号',
      '姓名',
      '性别',
      '年龄',
      '公民身份号码',
      '联系电话',
      '现居住地',
      '求职意向工种',
      '重点群体类别',
      '信用等级',
      '登记渠道',
      '登记时间',
    ]);
    expect(all.rows).toHaveLength(4);
    const scoped = await sheet('/api/v1/admin/workers/export', agent);
    expect(scoped.rows.slice(1).map((r) => r[1])).toEqual(['韦**', '韦**']);
    expect(scoped.rows.flat().join('|')).not.toContain('覃');
    const idCell = scoped.rows[1]?.[4] ?? '';
    expect(idCell).toMatch(/\*{4,}/);
    const filtered = await sheet(
      `/api/v1/admin/workers/export?priorityGroup=${encodeURIComponent('脱贫劳动力')}`,
      county,
    );
    expect(filtered.rows).toHaveLength(3);
    const outside = await sheet(`/api/v1/admin/workers/export?town=${TOWNS.zhaisha}`, agent);
    expect(outside.rows).toHaveLength(1);
    expect(await exportedRows('worker_list')).toEqual([0, 2, 2, 3]);
  });

  it('refuses bad filters in Chinese and roles without the permission', async () => {
    const bad = await ctx.as(county).get('/api/v1/admin/workers/export?idLast4=12');
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details?.[0]?.field).toBe('idLast4');
    const before = (await exportAudits('worker_list')).length;
    expect((await ctx.as(reviewer).get('/api/v1/admin/workers/export')).statusCode).toBe(200);
    expect((await ctx.anon.get('/api/v1/admin/workers/export')).statusCode).toBe(401);
    expect((await exportAudits('worker_list')).length).toBe(before + 1);
  });
});

describe('雇主管理 export', () => {
  it('exports employers with filters and region scope, phones masked, audited', async () => {
    const all = await sheet('/api/v1/admin/employers/export', supervisor);
    expect(all.name).toBe('用工主体名单');
    expect(all.rows[0]?.slice(0, 3)).toEqual(['序号', '单位名称', '单位类型']);
    expect(
      all.rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['中渡镇建材厂', '寨沙镇砂糖橘合作社'].sort());
    expect(all.rows[1]?.[10]).toBe('139****0000');
    const scoped = await sheet('/api/v1/admin/employers/export', agent);
    expect(scoped.rows.slice(1).map((r) => r[1])).toEqual(['中渡镇建材厂']);
    const pending = await sheet('/api/v1/admin/employers/export?status=pending', supervisor);
    expect(pending.rows.slice(1).map((r) => r[11])).toEqual(['待审核']);
    expect((await sheet('/api/v1/admin/employers/export?creditLevel=poor', supervisor)).rows).toHaveLength(1);
    expect((await ctx.as(supervisor).get('/api/v1/admin/employers/export?kind=company')).statusCode).toBe(400);
    expect(await exportedRows('employer_list')).toEqual([0, 1, 1, 2]);
  });
});

describe('岗位管理: list, detail, take-down and export', () => {
  it('lists postings of every status with filters, inside the region', async () => {
    const all = json<JobPage>(await ctx.as(county).get('/api/v1/admin/jobs'));
    expect(all.total).toBe(3);
    expect(all.items[0]?.contactPhoneMasked).toBe('139****0000');
    expect(json<JobPage>(await ctx.as(county).get('/api/v1/admin/jobs?kind=contract')).items.map((j) => j.id)).toEqual([
      jobs.zdContract,
    ]);
    expect(
      json<JobPage>(await ctx.as(county).get(`/api/v1/admin/jobs?q=${encodeURIComponent('砍柑')}`)).items.map(
        (j) => j.id,
      ),
    ).toEqual([jobs.zs]);
    expect(json<JobPage>(await ctx.as(county).get(`/api/v1/admin/jobs?occupationId=${occ}`)).total).toBe(3);
    // A verified employer's clean postings publish at once; the pending employer's wait for review.
    expect(
      json<JobPage>(await ctx.as(county).get('/api/v1/admin/jobs?status=pending_review')).items.map((j) => j.id),
    ).toEqual([jobs.zs]);
    const scoped = json<JobPage>(await ctx.as(agent).get('/api/v1/admin/jobs'));
    expect(scoped.items.map((j) => j.townCode)).toEqual([TOWNS.zhongdu, TOWNS.zhongdu]);
    expect((await ctx.as(agent).get(`/api/v1/admin/jobs/${jobs.zs}`)).statusCode).toBe(404);
    expect(json<Job>(await ctx.as(agent).get(`/api/v1/admin/jobs/${jobs.zdFlex}`)).status).toBe('published');
    expect((await ctx.as(county).get('/api/v1/admin/jobs?status=open')).statusCode).toBe(400);
  });

  it('takes a posting down with a reason (audited); refuses no reason, other regions, supervisors and closed ones', async () => {
    const url = (id: string) => `/api/v1/admin/jobs/${id}/close`;
    const noReason = await ctx.as(agent).post(url(jobs.zdFlex as string), { reason: '' });
    expect(json<Err>(noReason).error.details).toEqual([{ field: 'reason', message: '理由至少2个字' }]);
    expect((await ctx.as(agent).post(url(jobs.zs as string), { reason: '信息不实' })).statusCode).toBe(404);
    expect((await ctx.as(supervisor).post(url(jobs.zdFlex as string), { reason: '信息不实' })).statusCode).toBe(403);
    const [before] = await ctx.deps.database.db
      .select()
      .from(jobPostings)
      .where(eq(jobPostings.id, jobs.zdFlex as string));
    expect(before?.status).toBe('published');
    const done = await ctx.as(reviewer).post(url(jobs.zdFlex as string), { reason: '虚假招聘信息' });
    expect(done.statusCode).toBe(200);
    expect(json<Job>(done)).toMatchObject({ status: 'closed', reviewReason: '下架：虚假招聘信息' });
    expect((await ctx.as(reviewer).post(url(jobs.zdFlex as string), { reason: '再次下架' })).statusCode).toBe(409);
    const audits = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'take_down'), eq(auditLog.entityId, jobs.zdFlex as string)));
    expect(audits).toHaveLength(1);
    const msgs = await ctx.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.userId), eq(notifications.refId, jobs.zdFlex as string)));
    expect(msgs.map((m) => m.body)).toEqual(['您发布的岗位「招搬运工3名」已被工作人员下架：虚假招聘信息']);
  });

  it('exports postings with the list filters and region scope, audited', async () => {
    const all = await sheet('/api/v1/admin/jobs/export', county);
    expect(all.name).toBe('岗位信息');
    expect(all.rows).toHaveLength(4);
    const scoped = await sheet('/api/v1/admin/jobs/export?status=closed', agent);
    expect(scoped.rows.slice(1).map((r) => [r[1], r[13], r[14]])).toEqual([
      ['招搬运工3名', '已关闭', '下架：虚假招聘信息'],
    ]);
    expect(scoped.rows.flat().join('|')).not.toContain('13977770000');
    expect(await exportedRows('job_list')).toEqual([1, 3]);
  });
});
