import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import { publicationLogs, publications } from '../src/modules/publications/index.js';
import { runPublicationSchedule } from '../src/modules/publications/index.js';
import { createJobRunner } from '../src/background.js';
import {
  appUser,
  makeEmployer,
  COUNTY,
  createTestApp,
  json,
  occupationIdByName,
  postJob,
  makeStaff,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Pub = { id: string; status: string; rejectReason: string | null; publishedAt: string | null; channels: string[] };
type Page<T> = { items: T[]; total: number };
type PublicPub = { id: string; title: string; jobs: { id: string; title: string }[] };
type Log = { channel: string; action: string; staffId: string | null; staffName: string | null };
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let counter: { token: string; id: string; name: string };
let reviewer: { token: string; id: string; name: string };
let zhongdu: { token: string; id: string; name: string };
let zhaisha: { token: string; id: string; name: string };
let supervisor: { token: string; id: string; name: string };
let jobId = '';

const NOW = new Date('2026-03-02T02:00:00Z');
const base = '/api/v1/admin/publications';
const db = () => ctx.deps.database.db;
const rows = async () => (await db().select({ n: count() }).from(publications))[0]?.n ?? 0;
const body = (over: Record<string, unknown> = {}) => ({
  kind: 'announcement',
  title: '春风行动招聘会通知',
  summary: '3月8日 县人民广场',
  body: '3月8日上午9点在县人民广场举办春风行动专场招聘会。\n现场有50家企业，提供岗位800余个，欢迎求职者参加。',
  channels: ['banner', 'notice', 'screen', 'poster', 'wechat'],
  regionCode: COUNTY,
  ...over,
});
const create = async (token: string, over: Record<string, unknown> = {}) => {
  const res = await ctx.as(token).request('POST', base, body(over));
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`);
  return json<Pub>(res).id;
};
const publicList = async (channel: string, region?: string) =>
  json<Page<PublicPub>>(
    await ctx.anon.get(`/api/v1/public/publications?channel=${channel}${region ? `&region=${region}` : ''}`),
  );

beforeAll(async () => {
  ctx = await createTestApp();
  const owner = await appUser(ctx);
  const employer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
  jobId = await postJob(ctx, owner.token, employer, await occupationIdByName(ctx, '搬运工'), { title: '建材<搬运>工' });
  ctx.clock.now = NOW;
  counter = await makeStaff(ctx, { roles: ['counter_staff'] });
  reviewer = await makeStaff(ctx, { roles: ['reviewer'] });
  zhongdu = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  zhaisha = await makeStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

describe('workflow: draft -> review -> published, with a log per channel', () => {
  it('writes a draft, submits it, a reviewer rejects with a reason, the author fixes and resubmits, approval publishes at once', async () => {
    const id = await create(counter.token);
    expect(json<Pub>(await ctx.as(counter.token).request('GET', `${base}/${id}`)).status).toBe('draft');
    expect((await publicList('banner')).items).toHaveLength(0);
    expect(json<Pub>(await ctx.as(counter.token).request('POST', `${base}/${id}/submit`)).status).toBe(
      'pending_review',
    );
    expect((await ctx.as(counter.token).request('PUT', `${base}/${id}`, body())).statusCode).toBe(409);
    // Only reviewers review.
    expect((await ctx.as(counter.token).request('POST', `${base}/${id}/approve`)).statusCode).toBe(403);
    const noReason = await ctx.as(reviewer.token).request('POST', `${base}/${id}/reject`, {});
    expect(json<Err>(noReason).error.details).toEqual([{ field: 'reason', message: '请填写驳回原因' }]);
    const rejected = json<Pub>(
      await ctx.as(reviewer.token).request('POST', `${base}/${id}/reject`, { reason: '请写明主办单位' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '请写明主办单位' });
    expect((await ctx.as(reviewer.token).request('POST', `${base}/${id}/approve`)).statusCode).toBe(409);
    const edited = await ctx
      .as(counter.token)
      .request(
        'PUT',
        `${base}/${id}`,
        body({ body: '鹿寨县就业服务中心主办：3月8日上午9点在县人民广场举办春风行动专场招聘会。' }),
      );
    expect(json<Pub>(edited).status).toBe('draft');
    await ctx.as(counter.token).request('POST', `${base}/${id}/submit`);
    const approved = json<Pub>(await ctx.as(reviewer.token).request('POST', `${base}/${id}/approve`));
    expect(approved).toMatchObject({ status: 'published', publishedAt: NOW.toISOString() });
    expect((await publicList('banner')).items.map((i) => i.id)).toEqual([id]);
    expect((await publicList('screen')).items.map((i) => i.id)).toEqual([id]);
    const logs = json<{ items: Log[] }>(await ctx.as(counter.token).request('GET', `${base}/${id}/logs`)).items;
    expect(logs.map((l) => `${l.channel}:${l.action}`).sort()).toEqual([
      'banner:published',
      'notice:published',
      'poster:published',
      'screen:published',
      'wechat:published',
    ]);
    expect(logs.every((l) => l.staffId === reviewer.id && l.staffName === reviewer.name)).toBe(true);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'publication'), eq(auditLog.entityId, id)));
    expect(audits.map((a) => a.action)).toEqual(['create', 'submit', 'reject', 'update', 'submit', 'approve']);
  });

  it('schedules publish and unpublish: the background schedule publishes at publishAt and takes it down at unpublishAt', async () => {
    const publishAt = new Date(NOW.getTime() + 3600_000).toISOString();
    const unpublishAt = new Date(NOW.getTime() + 2 * 86_400_000).toISOString();
    const id = await create(counter.token, {
      title: '灵活就业社保补贴政策解读',
      kind: 'policy',
      channels: ['notice'],
      publishAt,
      unpublishAt,
    });
    await ctx.as(counter.token).request('POST', `${base}/${id}/submit`);
    expect(json<Pub>(await ctx.as(reviewer.token).request('POST', `${base}/${id}/approve`)).status).toBe('approved');
    expect((await publicList('notice')).items.map((i) => i.id)).not.toContain(id);
    expect(await runPublicationSchedule(db(), ctx.clock.now)).toEqual({ published: 0, unpublished: 0 });
    ctx.clock.advance(3600_000);
    // Through the background runner's own schedule, as in production.
    const runner = createJobRunner(ctx.deps);
    await runner.enqueueSchedules();
    await runner.runOnce();
    expect((await publicList('notice')).items.map((i) => i.id)).toContain(id);
    expect((await publicList('banner')).items.map((i) => i.id)).not.toContain(id);
    ctx.clock.advance(2 * 86_400_000);
    expect(await runPublicationSchedule(db(), ctx.clock.now)).toEqual({ published: 0, unpublished: 1 });
    expect((await publicList('notice')).items.map((i) => i.id)).not.toContain(id);
    const detail = await ctx.anon.get(`/api/v1/public/publications/${id}`);
    expect(detail.statusCode).toBe(404);
    const logs = await db().select().from(publicationLogs).where(eq(publicationLogs.publicationId, id));
    expect(logs.map((l) => [l.channel, l.action, l.staffId])).toEqual([
      ['notice', 'published', null],
      ['notice', 'unpublished', null],
    ]);
    ctx.clock.now = NOW;
  });
});

describe('bad input, permissions and region scope', () => {
  it('rejects bad bodies with Chinese field messages and writes nothing', async () => {
    const before = await rows();
    const bad = await ctx
      .as(counter.token)
      .request('POST', base, body({ kind: 'ad', title: '短', channels: [], unpublishAt: 'tomorrow' }));
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual(
      expect.arrayContaining([
        { field: 'kind', message: '类型应为 公告/政策/岗位快讯' },
        { field: 'title', message: '标题至少4个字' },
        { field: 'channels', message: '至少选择一个发布渠道' },
        { field: 'unpublishAt', message: '时间格式不正确，应为 ISO 8601（含时区）' },
      ]),
    );
    const order = await ctx
      .as(counter.token)
      .request(
        'POST',
        base,
        body({ publishAt: '2026-03-05T00:00:00+08:00', unpublishAt: '2026-03-04T00:00:00+08:00' }),
      );
    expect(json<Err>(order).error.details).toEqual([{ field: 'unpublishAt', message: '下线时间须晚于发布时间' }]);
    const noJobs = await ctx.as(counter.token).request('POST', base, body({ kind: 'job_bulletin' }));
    expect(json<Err>(noJobs).error.details).toEqual([{ field: 'jobIds', message: '岗位快讯至少选择一个岗位' }]);
    const ghost = await ctx
      .as(counter.token)
      .request('POST', base, body({ kind: 'job_bulletin', jobIds: [crypto.randomUUID()] }));
    expect(json<Err>(ghost).error.details).toEqual([{ field: 'jobIds', message: '岗位不存在：1个' }]);
    expect((await ctx.as(supervisor.token).request('POST', base, body())).statusCode).toBe(403);
    expect((await ctx.as(zhongdu.token).request('POST', base, body())).statusCode).toBe(403);
    expect((await ctx.anon.get('/api/v1/public/publications?channel=poster')).statusCode).toBe(400);
    const badRegion = await ctx.anon.get('/api/v1/public/publications?channel=notice&region=4502');
    expect(json<Err>(badRegion).error.details).toEqual([{ field: 'region', message: '行政区划代码应为12位数字' }]);
    expect(await rows()).toBe(before);
  });

  it('a 中渡镇 agent sees county and own-town items only; 寨沙镇 items are not found; public reads follow the region', async () => {
    const zd = await create(zhongdu.token, {
      title: '中渡镇驿站招聘信息',
      regionCode: TOWNS.zhongdu,
      channels: ['notice'],
    });
    const zs = await create(zhaisha.token, {
      title: '寨沙镇驿站招聘信息',
      regionCode: TOWNS.zhaisha,
      channels: ['notice'],
    });
    const zdList = json<Page<Pub>>(await ctx.as(zhongdu.token).request('GET', `${base}?pageSize=100`)).items.map(
      (i) => i.id,
    );
    expect(zdList).toContain(zd);
    expect(zdList).not.toContain(zs);
    expect(
      json<Page<Pub>>(await ctx.as(zhongdu.token).request('GET', `${base}?regionCode=${TOWNS.zhaisha}`)).total,
    ).toBe(0);
    expect((await ctx.as(zhongdu.token).request('GET', `${base}/${zs}`)).statusCode).toBe(404);
    expect((await ctx.as(zhongdu.token).request('GET', `${base}/${zs}/logs`)).statusCode).toBe(404);
    expect((await ctx.as(zhongdu.token).request('POST', `${base}/${zs}/submit`)).statusCode).toBe(404);
    for (const id of [zd, zs]) {
      await ctx.as(counter.token).request('POST', `${base}/${id}/submit`);
      expect((await ctx.as(reviewer.token).request('POST', `${base}/${id}/approve`)).statusCode).toBe(200);
    }
    const inZhongdu = (await publicList('notice', TOWNS.zhongdu)).items.map((i) => i.id);
    expect(inZhongdu).toContain(zd);
    expect(inZhongdu).not.toContain(zs);
    const county = (await publicList('notice', COUNTY)).items.map((i) => i.id);
    expect(county).toEqual(expect.arrayContaining([zd, zs]));
    const filtered = json<Page<Pub>>(
      await ctx
        .as(counter.token)
        .request('GET', `${base}?status=published&channel=notice&q=${encodeURIComponent('寨沙')}`),
    );
    expect(filtered.items.map((i) => i.id)).toEqual([zs]);
  });
});

describe('channel exports', () => {
  let bulletin = '';
  it('the A4 poster is a PDF with an embedded QR image, and the export is logged', async () => {
    bulletin = await create(counter.token, {
      kind: 'job_bulletin',
      title: '本周岗位快讯 <第1期>',
      summary: '"急招" & 日结',
      jobIds: [jobId],
      body: '以下岗位正在招聘，<b>欢迎</b>扫码报名。\n<script>alert(1)</script>',
    });
    expect((await ctx.as(counter.token).request('GET', `${base}/${bulletin}/poster.pdf`)).statusCode).toBe(409);
    await ctx.as(counter.token).request('POST', `${base}/${bulletin}/submit`);
    await ctx.as(reviewer.token).request('POST', `${base}/${bulletin}/approve`);
    const res = await ctx.as(counter.token).request('GET', `${base}/${bulletin}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const logs = json<{ items: Log[] }>(await ctx.as(counter.token).request('GET', `${base}/${bulletin}/logs`)).items;
    expect(logs.filter((l) => l.action === 'exported').map((l) => [l.channel, l.staffId])).toEqual([
      ['poster', counter.id],
    ]);
    const detail = json<PublicPub>(await ctx.anon.get(`/api/v1/public/publications/${bulletin}`));
    expect(detail.jobs).toEqual([{ id: jobId, title: '建材<搬运>工' }]);
  });

  it('the WeChat article is self-contained HTML with inline styles and every user text escaped', async () => {
    const res = await ctx.as(counter.token).request('GET', `${base}/${bulletin}/wechat.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('本周岗位快讯 &lt;第1期&gt;');
    expect(html).toContain('&quot;急招&quot; &amp; 日结');
    expect(html).toContain('&lt;b&gt;欢迎&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('建材&lt;搬运&gt;工');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<link|<style|src="http/);
    expect(html).toContain(`/notices/${bulletin}`);
    expect(html).toMatch(/<p style="[^"]+">/);
  });

  it('an item without the channel cannot be exported; unpublishing takes it off every channel with a log', async () => {
    const id = await create(counter.token, { title: '只在大屏显示的通知', channels: ['screen'] });
    await ctx.as(counter.token).request('POST', `${base}/${id}/submit`);
    await ctx.as(reviewer.token).request('POST', `${base}/${id}/approve`);
    const noPoster = await ctx.as(counter.token).request('GET', `${base}/${id}/poster.pdf`);
    expect(noPoster.statusCode).toBe(409);
    expect(json<Err>(noPoster).error.message).toBe('该内容未选择“海报”渠道');
    expect((await publicList('screen')).items.map((i) => i.id)).toContain(id);
    expect((await ctx.as(supervisor.token).request('POST', `${base}/${id}/unpublish`)).statusCode).toBe(403);
    expect(json<Pub>(await ctx.as(counter.token).request('POST', `${base}/${id}/unpublish`)).status).toBe(
      'unpublished',
    );
    expect((await publicList('screen')).items.map((i) => i.id)).not.toContain(id);
    const logs = json<{ items: Log[] }>(await ctx.as(counter.token).request('GET', `${base}/${id}/logs`)).items;
    expect(logs.map((l) => `${l.channel}:${l.action}`)).toEqual(['screen:published', 'screen:unpublished']);
  });
});
