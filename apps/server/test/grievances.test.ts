import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  actAs,
  appUser,
  buildPair,
  buildStaff,
  createTestApp,
  fileAs,
  type GrievanceCase,
  grievanceCounts,
  hiredCase,
  json,
  loginStaff,
  PNG_BASE64,
  postJob,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Event = { toStatus: string; actorKind: string; actorLabel: string; note: string | null };
type Mine = {
  id: string;
  status: string;
  statusLabel: string;
  kindLabel: string;
  mine: boolean;
  side: string;
  content: string;
  hasPhoto: boolean;
  events: Event[];
};
type Admin = {
  id: string;
  status: string;
  handlerName: string | null;
  workerName: string;
  employerName: string;
  resolution: string | null;
  sla: { dueAt: string | null; overdue: boolean; stageLabel: string | null };
  events: Event[];
};
type Page<T> = { items: T[]; total: number };
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

let ctx: TestContext;
let county: string;
let countyUser: string;
beforeAll(async () => {
  ctx = await createTestApp();
  countyUser = await buildStaff(ctx, { roles: ['counter_staff'] });
  county = await loginStaff(ctx, countyUser);
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const HOUR = 3_600_000;

describe('filing a grievance', () => {
  let c: GrievanceCase;
  beforeAll(async () => {
    c = await hiredCase(ctx);
  });

  it('lets the worker file with a photo, records the event and audit, and tells both sides', async () => {
    const up = await ctx.as(c.pair.worker.token).post('/api/v1/app/grievance-photos', { image: PNG_BASE64 });
    expect(up.statusCode).toBe(201);
    const res = await fileAs(ctx, c.pair.worker.token, c.applicationId, {
      kind: 'wage_arrears',
      content: '干了三天活，老板一直不给工钱',
      photoFileId: json<{ fileId: string }>(up).fileId,
    });
    expect(res.statusCode).toBe(201);
    const g = json<Mine>(res);
    expect(g).toMatchObject({
      status: 'submitted',
      statusLabel: '待受理',
      kindLabel: '拖欠工资',
      side: 'worker',
      mine: true,
      hasPhoto: true,
    });
    expect(g.events).toEqual([
      expect.objectContaining({ toStatus: 'submitted', actorKind: 'user', actorLabel: '零工' }),
    ]);

    const toWorker = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.pair.worker.userId), eq(notifications.refId, g.id)));
    const toOwner = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.pair.owner.userId), eq(notifications.refId, g.id)));
    expect(toWorker).toEqual([expect.objectContaining({ body: expect.stringContaining('已提交') })]);
    expect(toOwner).toEqual([expect.objectContaining({ body: expect.stringContaining('对方就') })]);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'grievance'), eq(auditLog.entityId, g.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    // The employer sees it too (not as its own), and may file its own side once.
    const ownerList = json<Page<Mine>>(await ctx.as(c.pair.owner.token).get('/api/v1/app/grievances'));
    expect(ownerList.items).toEqual([expect.objectContaining({ id: g.id, mine: false })]);
    const photo = await ctx.as(c.pair.worker.token).get(`/api/v1/app/grievances/${g.id}/photo`);
    expect(photo.headers['content-type']).toBe('image/png');
    const own = await fileAs(ctx, c.pair.owner.token, c.applicationId, {
      kind: 'no_show',
      content: '约好早上八点到，结果没来',
    });
    expect(own.statusCode).toBe(201);
  });

  it('refuses a second open grievance of the same side and changes nothing', async () => {
    const before = await grievanceCounts(ctx);
    const again = await fileAs(ctx, c.pair.worker.token, c.applicationId, {
      kind: 'safety',
      content: '工地没有安全帽，很危险',
    });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toBe('您对这次用工的投诉正在处理中，请勿重复提交');
    expect(await grievanceCounts(ctx)).toEqual(before);
  });

  it('rejects bad input with Chinese field messages, naming blocked words, writing nothing', async () => {
    const other = await hiredCase(ctx);
    const before = await grievanceCounts(ctx);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'bribe', content: '内容内容内容' }, 'kind', '请选择投诉类型'],
      [{ kind: 'other', content: '短' }, 'content', '投诉内容至少5个字'],
      [{ kind: 'other', content: '长'.repeat(501) }, 'content', '投诉内容最多500个字'],
      [{ kind: 'other', content: '这个老板叫人刷单，不给钱' }, 'content', '投诉内容含有不允许的词语：刷单，请修改'],
      [
        { kind: 'other', content: '照片是别人的照片', photoFileId: crypto.randomUUID() },
        'photoFileId',
        '照片不存在，请重新上传',
      ],
    ];
    for (const [payload, field, message] of cases) {
      const res = await fileAs(ctx, other.pair.worker.token, other.applicationId, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<Err>(res).error.details).toEqual([{ field, message }]);
    }
    expect(await grievanceCounts(ctx)).toEqual(before);
  });

  it('refuses a grievance before hiring (409) and lets staff view the photo, audited', async () => {
    const pair = await buildPair(ctx);
    const jobId = await postJob(ctx, pair.owner.token, pair.employerId, pair.occupationId);
    const applied = json<{ id: string }>(await ctx.as(pair.worker.token).post(`/api/v1/app/jobs/${jobId}/apply`));
    const early = await fileAs(ctx, pair.worker.token, applied.id, { kind: 'other', content: '还没录用就想投诉' });
    expect(early.statusCode).toBe(409);
    expect(json<Err>(early).error.message).toBe('录用后才能投诉');

    const id = json<Page<Mine>>(await ctx.as(c.pair.worker.token).get('/api/v1/app/grievances')).items.find(
      (g) => g.hasPhoto,
    )!.id;
    const photo = await ctx.as(county).get(`/api/v1/admin/grievances/${id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const views = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'view_photo')));
    expect(views).toHaveLength(1);
  });

  it('hides applications and grievances from other workers and employers (404)', async () => {
    const stranger = await appUser(ctx);
    const other = await hiredCase(ctx);
    const before = await grievanceCounts(ctx);
    expect(
      (await fileAs(ctx, stranger.token, c.applicationId, { kind: 'other', content: '我也想投诉一下' })).statusCode,
    ).toBe(404);
    expect(
      (await fileAs(ctx, other.pair.owner.token, c.applicationId, { kind: 'other', content: '我也想投诉一下' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await fileAs(ctx, other.pair.worker.token, c.applicationId, { kind: 'other', content: '我也想投诉一下' }))
        .statusCode,
    ).toBe(404);
    expect(await grievanceCounts(ctx)).toEqual(before);
    const id = json<Page<Mine>>(await ctx.as(c.pair.worker.token).get('/api/v1/app/grievances')).items[0]!.id;
    expect((await ctx.as(other.pair.worker.token).get(`/api/v1/app/grievances/${id}`)).statusCode).toBe(404);
    expect((await ctx.as(other.pair.owner.token).get(`/api/v1/app/grievances/${id}`)).statusCode).toBe(404);
    expect((await ctx.as(c.pair.owner.token).get(`/api/v1/app/grievances/${id}/photo`)).statusCode).toBe(404);
    expect(json<Page<Mine>>(await ctx.as(stranger.token).get('/api/v1/app/grievances')).total).toBe(0);
  });
});

describe('staff handling', () => {
  let c: GrievanceCase;
  let id: string;
  beforeAll(async () => {
    c = await hiredCase(ctx);
    id = json<Mine>(
      await fileAs(ctx, c.pair.worker.token, c.applicationId, { kind: 'conduct', content: '工头说话很难听，还推搡人' }),
    ).id;
  });

  it('moves submitted -> accepted -> in_progress -> resolved with events, audit and messages to both sides', async () => {
    const handler = await buildStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const accepted = await actAs(ctx, county, id, { action: 'accept', note: '已电话联系双方' });
    expect(accepted.statusCode).toBe(200);
    expect(json<Admin>(accepted)).toMatchObject({ status: 'accepted', sla: { stageLabel: '办结', overdue: false } });
    const list = json<Page<Admin>>(await ctx.as(county).get('/api/v1/admin/grievances?status=accepted'));
    expect(list.items.map((g) => g.id)).toContain(id);

    // A handler must exist and cover the grievance's town.
    const me = async (token: string) => json<{ id: string }>(await ctx.as(token).get('/api/v1/admin/me')).id;
    const outsider = await me(
      await loginStaff(ctx, await buildStaff(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha })),
    );
    for (const handlerStaffId of [crypto.randomUUID(), outsider]) {
      const bad = await actAs(ctx, county, id, { action: 'start', handlerStaffId });
      expect(bad.statusCode).toBe(400);
      expect(json<Err>(bad).error.details).toEqual([
        { field: 'handlerStaffId', message: '经办人不存在或无权处理该区域的投诉' },
      ]);
    }

    const handlerToken = await loginStaff(ctx, handler);
    const started = await actAs(ctx, county, id, { action: 'start', handlerStaffId: await me(handlerToken) });
    expect(started.statusCode).toBe(200);
    expect(json<Admin>(started).status).toBe('in_progress');
    expect(json<Admin>(started).handlerName).toBeTruthy();

    const resolved = await actAs(ctx, handlerToken, id, { action: 'resolve', resolution: '已调解，工头当面道歉' });
    expect(resolved.statusCode).toBe(200);
    const done = json<Admin>(resolved);
    expect(done).toMatchObject({
      status: 'resolved',
      resolution: '已调解，工头当面道歉',
      sla: { dueAt: null, overdue: false },
      employerName: expect.any(String),
    });
    expect(done.workerName).toMatch(/\*/);
    expect(done.events.map((e) => e.toStatus)).toEqual(['submitted', 'accepted', 'in_progress', 'resolved']);
    expect(done.events[1]).toMatchObject({ actorKind: 'staff', note: '已电话联系双方' });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'grievance'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'create', 'resolve', 'start']);
    const workerNotes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.pair.worker.userId), eq(notifications.refId, id)));
    const ownerNotes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.pair.owner.userId), eq(notifications.refId, id)));
    expect(workerNotes).toHaveLength(4);
    expect(ownerNotes).toHaveLength(4);
    expect(workerNotes.find((n) => n.body.includes('已办结'))).toMatchObject({
      smsQueued: 'yes',
      body: expect.stringContaining('工头当面道歉'),
    });

    // The filer sees the timeline; a new grievance may be filed once the old one is closed.
    const mine = json<Mine>(await ctx.as(c.pair.worker.token).get(`/api/v1/app/grievances/${id}`));
    expect(mine).toMatchObject({ status: 'resolved', statusLabel: '已办结' });
    expect(
      (await fileAs(ctx, c.pair.worker.token, c.applicationId, { kind: 'wage_arrears', content: '调解后工钱还是没给' }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses bad transitions with a Chinese message and changes nothing', async () => {
    const before = await grievanceCounts(ctx);
    const again = await actAs(ctx, county, id, { action: 'accept' });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toBe('该投诉当前为“已办结”，不能受理');
    const escalate = await actAs(ctx, county, id, { action: 'escalate', reason: '涉及拖欠工资，移交监察' });
    expect(json<Err>(escalate).error.message).toBe('该投诉当前为“已办结”，不能移交劳动保障监察');
    const noResolution = await actAs(ctx, county, id, { action: 'resolve' });
    expect(noResolution.statusCode).toBe(400);
    expect(json<Err>(noResolution).error.details).toEqual([{ field: 'resolution', message: '请填写处理结果' }]);
    const reviewer = await staffToken(ctx, { roles: ['reviewer'] });
    expect((await actAs(ctx, reviewer, id, { action: 'accept' })).statusCode).toBe(403);
    expect(await grievanceCounts(ctx)).toEqual(before);
  });

  it('escalates to 劳动保障监察 with a reason', async () => {
    const g = json<Page<Mine>>(await ctx.as(c.pair.worker.token).get('/api/v1/app/grievances')).items.find(
      (x) => x.status === 'submitted',
    )!;
    const res = await actAs(ctx, county, g.id, { action: 'escalate', reason: '拖欠工资，移交劳动保障监察大队' });
    expect(res.statusCode).toBe(200);
    expect(json<Admin>(res)).toMatchObject({ status: 'escalated', sla: { dueAt: null } });
    expect(json<Mine>(await ctx.as(c.pair.worker.token).get(`/api/v1/app/grievances/${g.id}`)).statusLabel).toBe(
      '已移交劳动保障监察',
    );
  });
});

describe('the filer withdraws', () => {
  it('closes an open grievance with the reason (event, audit, message to the other side); others cannot', async () => {
    const c = await hiredCase(ctx);
    const filed = json<Mine>(
      await fileAs(ctx, c.pair.worker.token, c.applicationId, { kind: 'wage_arrears', content: '工钱拖了一个月没给' }),
    );
    const url = `/api/v1/app/grievances/${filed.id}/withdraw`;
    const short = await ctx.as(c.pair.worker.token).post(url, { reason: '好' });
    expect(short.statusCode).toBe(400);
    expect(json<Err>(short).error.details).toContainEqual({ field: 'reason', message: '撤回原因至少2个字' });
    // Only the filer: the employer (a party) and a stranger get 404, and nothing changes.
    expect((await ctx.as(c.pair.owner.token).post(url, { reason: '已经付清了' })).statusCode).toBe(404);
    expect((await ctx.as((await appUser(ctx)).token).post(url, { reason: '已经付清了' })).statusCode).toBe(404);
    const res = await ctx.as(c.pair.worker.token).post(url, { reason: '老板已经把工钱付清了' });
    expect(res.statusCode).toBe(200);
    const done = json<Mine & { resolution: string }>(res);
    expect(done).toMatchObject({ status: 'resolved', resolution: '投诉人撤回：老板已经把工钱付清了' });
    expect(done.events.at(-1)).toMatchObject({ toStatus: 'resolved', actorKind: 'user' });
    const again = await ctx.as(c.pair.worker.token).post(url, { reason: '再撤回一次' });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toBe('该投诉已办结或已移交，不能撤回');
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, filed.id), eq(auditLog.action, 'withdraw')));
    expect(audits).toHaveLength(1);
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, c.pair.owner.userId), eq(notifications.refId, filed.id)));
    expect(told.map((n) => n.body)).toContain('与您有关的投诉已由投诉人撤回。');
  });
});

describe('region scope and SLA', () => {
  let zhaisha: GrievanceCase;
  let gid: string;
  beforeAll(async () => {
    zhaisha = await hiredCase(ctx, TOWNS.zhaisha);
    gid = json<Mine>(
      await fileAs(ctx, zhaisha.pair.worker.token, zhaisha.applicationId, {
        kind: 'safety',
        content: '高处作业没有安全绳',
      }),
    ).id;
  });

  it('keeps a 中渡镇 agent away from 寨沙镇 grievances (list, detail, action, export, town filter)', async () => {
    const agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const before = await grievanceCounts(ctx);
    const list = json<Page<Admin>>(await ctx.as(agent).get('/api/v1/admin/grievances?pageSize=200'));
    expect(list.items.map((g) => g.id)).not.toContain(gid);
    expect(list.total).toBeGreaterThan(0);
    expect(json<Page<Admin>>(await ctx.as(agent).get(`/api/v1/admin/grievances?town=${TOWNS.zhaisha}`)).total).toBe(0);
    expect((await ctx.as(agent).get(`/api/v1/admin/grievances/${gid}`)).statusCode).toBe(404);
    expect((await actAs(ctx, agent, gid, { action: 'accept' })).statusCode).toBe(404);
    expect(await grievanceCounts(ctx)).toEqual(before);
    const countyList = json<Page<Admin>>(await ctx.as(county).get(`/api/v1/admin/grievances?town=${TOWNS.zhaisha}`));
    expect(countyList.items.map((g) => g.id)).toEqual([gid]);
    // The employer and worker drawers list by employerId / workerId.
    expect(
      json<Page<Admin>>(
        await ctx.as(county).get(`/api/v1/admin/grievances?employerId=${zhaisha.pair.employerId}`),
      ).items.map((g) => g.id),
    ).toEqual([gid]);
    expect(
      json<Page<Admin>>(
        await ctx.as(county).get(`/api/v1/admin/grievances?workerId=${zhaisha.pair.worker.workerId}`),
      ).items.map((g) => g.id),
    ).toEqual([gid]);
    expect(
      json<Page<Admin>>(await ctx.as(agent).get(`/api/v1/admin/grievances?employerId=${zhaisha.pair.employerId}`))
        .total,
    ).toBe(0);
    const xlsx = await ctx.as(county).get(`/api/v1/admin/grievances/export?town=${TOWNS.zhaisha}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const agentQueues = json<{ openGrievances: number }>(await ctx.as(agent).get('/api/v1/admin/dashboard/queues'));
    const countyQueues = json<{ openGrievances: number }>(await ctx.as(county).get('/api/v1/admin/dashboard/queues'));
    expect(countyQueues.openGrievances).toBe(agentQueues.openGrievances + 1);
  });

  it('marks a grievance overdue when a stage passes its SLA on the test clock', async () => {
    const fresh = json<Admin>(await ctx.as(county).get(`/api/v1/admin/grievances/${gid}`));
    expect(fresh.sla).toMatchObject({ stageLabel: '受理', overdue: false });
    const overdueIds = async () =>
      json<Page<Admin>>(
        await ctx.as(county).get(`/api/v1/admin/grievances?overdue=true&town=${TOWNS.zhaisha}`),
      ).items.map((g) => g.id);
    expect(await overdueIds()).toEqual([]);
    ctx.clock.advance(25 * HOUR);
    county = await loginStaff(ctx, countyUser);
    expect(json<Admin>(await ctx.as(county).get(`/api/v1/admin/grievances/${gid}`)).sla).toMatchObject({
      stageLabel: '受理',
      overdue: true,
    });
    expect(await overdueIds()).toEqual([gid]);
    // Accepting starts the resolve clock (120 h by default).
    expect((await actAs(ctx, county, gid, { action: 'accept' })).statusCode).toBe(200);
    expect(await overdueIds()).toEqual([]);
    expect(
      json<Page<Admin>>(
        await ctx.as(county).get(`/api/v1/admin/grievances?overdue=false&town=${TOWNS.zhaisha}`),
      ).items.map((g) => g.id),
    ).toEqual([gid]);
    ctx.clock.advance(121 * HOUR);
    county = await loginStaff(ctx, countyUser);
    expect(json<Admin>(await ctx.as(county).get(`/api/v1/admin/grievances/${gid}`)).sla).toMatchObject({
      stageLabel: '办结',
      overdue: true,
    });
    expect(await overdueIds()).toEqual([gid]);
  });
});
