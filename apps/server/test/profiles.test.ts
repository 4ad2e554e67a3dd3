import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { resolveSegment } from '../src/modules/profiles/index.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  appWorker,
  type AppWorker,
  COUNTY,
  createTestApp,
  json,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
  tweakWorker,
} from './support/index.js';

type Err = { error: { code: string; details?: { field: string; message: string }[] } };
type Row = {
  id: string;
  nameMasked: string;
  age: number | null;
  priorityGroups: string[];
  priorityGroupsVerified: string[];
  priorityStatus: string;
  priorityReviewReason: string | null;
  systemTags: string[];
  staffTags: { id: string; name: string }[];
  completeness: number;
};
type Detail = Row & { completenessHints: string[]; certificates: { name: string; reviewStatus: string }[] };
type Page = { items: Row[]; total: number };
type Segment = { id: string; name: string; count: number; regionCode: string };

const NOW = new Date('2026-11-01T04:00:00Z');
let ctx: TestContext;
let welder: string;
let cleaner: string;
let w1: AppWorker;
let w2: AppWorker;
let w3: AppWorker;
let county: string;
let agent: string;
let supervisor: string;

const ids = (p: Page) => p.items.map((r) => r.id).sort();
const filter = (over: Record<string, unknown> = {}) => ({
  towns: [],
  occupationIds: [],
  priorityGroups: [],
  priorityGroupMode: 'declared',
  tags: [],
  ageMin: null,
  ageMax: null,
  ...over,
});

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.now = NOW;
  welder = await occupationIdByName(ctx, '电焊工');
  cleaner = await occupationIdByName(ctx, '家庭保洁');
  w1 = await appWorker(ctx, {
    name: '韦秀英',
    homeRegionCode: TOWNS.zhongdu,
    occupationId: welder,
    certificates: [{ name: '焊工证' }],
    priorityGroups: ['脱贫劳动力', '残疾人'],
    trainingIntentions: ['电工'],
  });
  w2 = await appWorker(ctx, { name: '韦小军', homeRegionCode: TOWNS.zhongdu, occupationId: cleaner });
  w3 = await appWorker(ctx, {
    name: '覃秀兰',
    homeRegionCode: TOWNS.zhaisha,
    occupationId: welder,
    priorityGroups: ['脱贫劳动力'],
  });
  await tweakWorker(ctx, w1.workerId, { gender: 'female', birthDate: '1980-05-01' });
  await tweakWorker(ctx, w2.workerId, {
    gender: 'male',
    birthDate: '1990-05-01',
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
  await tweakWorker(ctx, w3.workerId, { gender: 'female', birthDate: '1981-05-01' });
  county = await staffToken(ctx, { roles: ['counter_staff'] });
  agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  supervisor = await staffToken(ctx, { roles: ['supervisor'] });
});
afterAll(async () => ctx?.close());

describe('profiles (画像): system tags, completeness, region scope', () => {
  it('derives 4050人员, 持证, 活跃, 有培训意愿 and 工种 tags and a completeness score', async () => {
    const page = json<Page>(await ctx.as(county).get('/api/v1/admin/profiles'));
    expect(page.total).toBe(3);
    const one = page.items.find((r) => r.id === w1.workerId);
    expect(one).toMatchObject({
      nameMasked: '韦**',
      age: 46,
      priorityStatus: 'pending',
      systemTags: ['4050人员', '持证', '活跃', '有培训意愿', '电焊工'],
    });
    const two = page.items.find((r) => r.id === w2.workerId);
    expect(two?.systemTags).toEqual(['家庭保洁']);
    expect(two?.priorityStatus).toBe('none');
    expect(one?.completeness).toBeGreaterThan(two?.completeness ?? 100);
    const detail = json<Detail>(await ctx.as(county).get(`/api/v1/admin/profiles/${w2.workerId}`));
    expect(detail.completenessHints).toContain('填写身份证号码，实名后雇主更放心');
  });

  it('a 中渡镇 agent sees only 中渡镇 profiles; a 寨沙镇 profile is not found', async () => {
    expect(ids(json<Page>(await ctx.as(agent).get('/api/v1/admin/profiles')))).toEqual(
      [w1.workerId, w2.workerId].sort(),
    );
    expect(json<Page>(await ctx.as(agent).get(`/api/v1/admin/profiles?towns=${TOWNS.zhaisha}`)).total).toBe(0);
    expect((await ctx.as(agent).get(`/api/v1/admin/profiles/${w3.workerId}`)).statusCode).toBe(404);
  });

  it('filters live by 工种, tags and age; bad ranges are refused in Chinese', async () => {
    expect(
      ids(json<Page>(await ctx.as(county).get(`/api/v1/admin/profiles?occupationIds=${welder}&tags=4050人员`))),
    ).toEqual([w1.workerId, w3.workerId].sort());
    expect(ids(json<Page>(await ctx.as(county).get('/api/v1/admin/profiles?ageMin=30&ageMax=40')))).toEqual([
      w2.workerId,
    ]);
    const bad = await ctx.as(county).get('/api/v1/admin/profiles?ageMin=50&ageMax=40');
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details).toEqual([{ field: 'ageMax', message: '最大年龄不能小于最小年龄' }]);
  });
});

describe('staff tags', () => {
  it('adds and removes a tag with audit; refuses duplicates, system names, other regions and read-only roles', async () => {
    const url = `/api/v1/admin/profiles/${w1.workerId}/tags`;
    const added = await ctx.as(agent).post(url, { name: '踏实肯干' });
    expect(added.statusCode).toBe(200);
    const tag = json<Detail>(added).staffTags[0];
    expect(tag?.name).toBe('踏实肯干');
    const dup = await ctx.as(agent).post(url, { name: '踏实肯干' });
    expect(json<Err>(dup).error.details).toEqual([{ field: 'name', message: '该求职者已有这个标签' }]);
    expect(json<Err>(await ctx.as(agent).post(url, { name: '持证' })).error.details?.[0]?.field).toBe('name');
    expect(json<Err>(await ctx.as(agent).post(url, { name: '' })).error.details?.[0]).toEqual({
      field: 'name',
      message: '请填写标签',
    });
    expect(
      (await ctx.as(agent).post(`/api/v1/admin/profiles/${w3.workerId}/tags`, { name: '踏实肯干' })).statusCode,
    ).toBe(404);
    expect((await ctx.as(supervisor).post(url, { name: '热心' })).statusCode).toBe(403);
    expect(json<{ staff: string[] }>(await ctx.as(agent).get('/api/v1/admin/profiles/tag-names')).staff).toEqual([
      '踏实肯干',
    ]);
    expect(
      ids(json<Page>(await ctx.as(county).get(`/api/v1/admin/profiles?tags=${encodeURIComponent('踏实肯干')}`))),
    ).toEqual([w1.workerId]);
    const removed = await ctx.as(agent).delete(`${url}/${tag?.id}`);
    expect(json<Detail>(removed).staffTags).toEqual([]);
    expect((await ctx.as(agent).delete(`${url}/${tag?.id}`)).statusCode).toBe(404);
    const audits = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w1.workerId), inArray(auditLog.action, ['add_tag', 'remove_tag'])));
    expect(audits.map((a) => a.action).sort()).toEqual(['add_tag', 'remove_tag']);
  });
});

describe('priority-group verification', () => {
  const url = (id: string) => `/api/v1/admin/profiles/${id}/priority-review`;
  it('refuses undeclared groups, a rejection without reason, workers without groups and other regions', async () => {
    const undeclared = await ctx.as(agent).post(url(w1.workerId), { decision: 'verify', groups: ['退役军人'] });
    expect(json<Err>(undeclared).error.details).toEqual([
      { field: 'groups', message: '只能核验本人申报的重点群体：退役军人未申报' },
    ]);
    expect(json<Err>(await ctx.as(agent).post(url(w1.workerId), { decision: 'reject' })).error.details).toEqual([
      { field: 'reason', message: '驳回时请填写理由（至少2个字）' },
    ]);
    expect(
      json<Err>(await ctx.as(agent).post(url(w2.workerId), { decision: 'verify' })).error.details?.[0]?.field,
    ).toBe('decision');
    expect((await ctx.as(agent).post(url(w3.workerId), { decision: 'verify' })).statusCode).toBe(404);
    expect(json<Row>(await ctx.as(agent).get(`/api/v1/admin/profiles/${w1.workerId}`)).priorityStatus).toBe('pending');
  });

  it('verifies some or all declared groups, rejects with a reason, tells the worker and audits', async () => {
    const part = json<Detail>(
      await ctx.as(agent).post(url(w1.workerId), { decision: 'verify', groups: ['脱贫劳动力'] }),
    );
    expect(part).toMatchObject({ priorityStatus: 'pending', priorityGroupsVerified: ['脱贫劳动力'] });
    const all = json<Detail>(await ctx.as(agent).post(url(w1.workerId), { decision: 'verify' }));
    expect(all).toMatchObject({ priorityStatus: 'verified', priorityGroupsVerified: ['脱贫劳动力', '残疾人'] });
    const drawer = json<{ priorityGroupsVerified: boolean }>(
      await ctx.as(agent).get(`/api/v1/admin/workers/${w1.workerId}/detail`),
    );
    expect(drawer.priorityGroupsVerified).toBe(true);
    const rejected = json<Detail>(
      await ctx.as(county).post(url(w3.workerId), { decision: 'reject', reason: '未提供建档立卡证明' }),
    );
    expect(rejected).toMatchObject({
      priorityStatus: 'rejected',
      priorityReviewReason: '未提供建档立卡证明',
      priorityGroupsVerified: [],
    });
    const msgs = await ctx.deps.database.db.select().from(notifications).where(eq(notifications.userId, w3.userId));
    expect(msgs.map((m) => m.body)).toContain('您申报的重点群体未通过核验：未提供建档立卡证明');
    const audits = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['verify_priority_groups', 'reject_priority_groups']));
    expect(audits).toHaveLength(3);
  });
});

describe('saved segments (人群分组)', () => {
  let segmentId = '';
  it('counts a filter live, saves it with audit and lists its members; verified groups differ from declared', async () => {
    const f = filter({
      occupationIds: [welder],
      priorityGroups: ['脱贫劳动力'],
      tags: ['4050人员'],
      ageMin: 40,
      ageMax: 55,
    });
    expect(
      json<{ count: number }>(await ctx.as(county).post('/api/v1/admin/segments/count', { filter: f })).count,
    ).toBe(2);
    expect(
      json<{ count: number }>(
        await ctx.as(county).post('/api/v1/admin/segments/count', { filter: { ...f, priorityGroupMode: 'verified' } }),
      ).count,
    ).toBe(1);
    const res = await ctx.as(county).post('/api/v1/admin/segments', {
      name: '电焊 · 脱贫 · 4050',
      filter: { ...f, priorityGroupMode: 'verified' },
    });
    expect(res.statusCode).toBe(201);
    const seg = json<Segment>(res);
    segmentId = seg.id;
    expect(seg).toMatchObject({ count: 1, regionCode: COUNTY });
    expect(
      json<{ items: Segment[] }>(await ctx.as(county).get('/api/v1/admin/segments')).items.map((s) => s.id),
    ).toContain(seg.id);
    expect(ids(json<Page>(await ctx.as(county).get(`/api/v1/admin/segments/${seg.id}/members`)))).toEqual([
      w1.workerId,
    ]);
    expect(await resolveSegment(ctx.deps.database.db, seg.id, NOW)).toEqual([w1.workerId]);
  });

  it("keeps segments inside the creator's region and refuses bad filters", async () => {
    expect(json<{ items: Segment[] }>(await ctx.as(agent).get('/api/v1/admin/segments')).items).toEqual([]);
    expect((await ctx.as(agent).get(`/api/v1/admin/segments/${segmentId}/members`)).statusCode).toBe(404);
    const outside = await ctx.as(agent).post('/api/v1/admin/segments', {
      name: '寨沙电焊',
      filter: filter({ towns: [TOWNS.zhaisha] }),
    });
    expect(json<Err>(outside).error.details).toEqual([
      { field: 'filter.towns', message: '不能选择管辖区域以外的乡镇' },
    ]);
    const bad = await ctx
      .as(agent)
      .post('/api/v1/admin/segments', { name: '甲', filter: filter({ ageMin: 60, ageMax: 40 }) });
    expect(
      json<Err>(bad)
        .error.details?.map((d) => d.field)
        .sort(),
    ).toEqual(['filter.ageMax', 'name']);
    const mine = json<Segment>(
      await ctx
        .as(agent)
        .post('/api/v1/admin/segments', { name: '全部电焊工', filter: filter({ occupationIds: [welder] }) }),
    );
    expect(mine.count).toBe(1);
    expect(ids(json<Page>(await ctx.as(county).get(`/api/v1/admin/segments/${mine.id}/members`)))).toEqual([
      w1.workerId,
    ]);
    expect((await ctx.as(supervisor).delete(`/api/v1/admin/segments/${mine.id}`)).statusCode).toBe(403);
    expect((await ctx.as(agent).delete(`/api/v1/admin/segments/${mine.id}`)).statusCode).toBe(204);
    expect((await ctx.as(agent).get(`/api/v1/admin/segments/${mine.id}/members`)).statusCode).toBe(404);
  });

  it('a training push can target a segment instead of the training needs', async () => {
    const provider = json<{ id: string }>(
      await ctx.as(county).post('/api/v1/admin/training/providers', {
        name: '鹿寨县职业技能培训中心',
        contact: '0772-6812345',
        regionCode: COUNTY,
      }),
    );
    const course = json<{ id: string }>(
      await ctx.as(county).post('/api/v1/admin/training/courses', {
        providerId: provider.id,
        trade: '家政',
        title: '家政服务员培训班',
        hours: 40,
        sessionCount: 2,
        startDate: '2026-11-10',
        endDate: '2026-11-30',
        place: '中渡镇驿站',
        capacity: 30,
        funding: 'subsidised',
        eligibleGroups: [],
        regionCode: COUNTY,
      }),
    );
    const none = json<{ matched: number }>(
      await ctx.as(county).get(`/api/v1/admin/training/courses/${course.id}/push-preview`),
    );
    expect(none.matched).toBe(0);
    const preview = json<{ matched: number; created: number }>(
      await ctx.as(county).get(`/api/v1/admin/training/courses/${course.id}/push-preview?segmentId=${segmentId}`),
    );
    expect(preview).toMatchObject({ matched: 1, created: 1 });
    const pushed = json<{ created: number }>(
      await ctx.as(county).post(`/api/v1/admin/training/courses/${course.id}/push?segmentId=${segmentId}`, {}),
    );
    expect(pushed.created).toBe(1);
    const foreign = await ctx
      .as(agent)
      .get(`/api/v1/admin/training/courses/${course.id}/push-preview?segmentId=${segmentId}`);
    expect(json<Err>(foreign).error.details).toEqual([
      { field: 'segmentId', message: '人群分组不存在或不在管辖区域内' },
    ]);
  });
});
