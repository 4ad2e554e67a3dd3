import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeIdNumber, makeUscc, makeUsccBody } from '@lingong/contracts';
import { employerInvitations, employers } from '../src/modules/employers/employers.schema.js';
import { appUser, makeEmployer, createTestApp, json, staffToken, type TestContext, TOWNS } from './support/index.js';

let ctx: TestContext;
const uscc = (seed: number) => makeUscc(makeUsccBody({ regionCode: '450223', seed }));
const body = (over: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  name: '鹿寨县中渡建材有限公司',
  uscc: uscc(1234),
  townCode: TOWNS.zhongdu,
  address: '中渡镇新街1号',
  industry: '建筑业',
  size: '10-49人',
  contactName: '李建华',
  contactPhone: '13912345678',
  ...over,
});
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const countEmployers = async () => (await ctx.deps.database.db.select({ n: count() }).from(employers))[0]?.n ?? 0;

describe('employer registration (用工登记)', () => {
  it('registers an enterprise; the caller becomes owner and it waits for verification', async () => {
    const owner = await appUser(ctx);
    const res = await ctx.as(owner.token).post('/api/v1/app/employers', body());
    expect(res.statusCode).toBe(201);
    const e = json(res);
    expect(e).toMatchObject({
      name: '鹿寨县中渡建材有限公司',
      kind: 'enterprise',
      townName: '中渡镇',
      verificationStatus: 'pending',
      myRole: 'owner',
      contactPhone: '13912345678',
    });
    const me = json<{ roles: string[]; employers: { employerId: string }[] }>(
      await ctx.as(owner.token).get('/api/v1/app/me'),
    );
    expect(me.roles).toContain('employer_owner');
    expect(me.employers.map((x) => x.employerId)).toContain(e.id);
    const [row] = await ctx.deps.database.db
      .select()
      .from(employers)
      .where(eq(employers.id, String(e.id)));
    expect(row?.contactPhoneEnc).not.toContain('13912345678');
  });

  it('registers a private person by ID number (masked in the answer, encrypted at rest)', async () => {
    const owner = await appUser(ctx);
    const idNumber = makeIdNumber({ regionCode: '450223', birthDate: '1980-05-06', seq: 7, gender: 'male' });
    const res = await ctx
      .as(owner.token)
      .post(
        '/api/v1/app/employers',
        body({ kind: 'private_person', name: '韦大哥（个人雇主）', uscc: null, idNumber }),
      );
    expect(res.statusCode).toBe(201);
    expect(json(res).idNumberMasked).toBe(`450223********${idNumber.slice(-4)}`);
    expect(res.body).not.toContain(idNumber);
  });

  it('rejects bad input with Chinese field messages and writes nothing', async () => {
    const owner = await appUser(ctx);
    const before = await countEmployers();
    const bad = await ctx.as(owner.token).post(
      '/api/v1/app/employers',
      body({
        kind: 'company',
        name: 'x',
        uscc: '91450223MA5KXXXXX1',
        townCode: '4502',
        address: '',
        contactPhone: '123',
        size: '很多人',
      }),
    );
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries((json<Err>(bad).error.details ?? []).map((d) => [d.field, d.message]));
    expect(fields).toMatchObject({
      kind: '单位类型应为 企业/个体工商户/个人雇主/事业单位',
      name: '单位名称至少2个字',
      townCode: '行政区划代码应为12位数字',
      address: '地址至少2个字',
      contactPhone: '手机号码格式不正确',
      size: '规模应为 10人以下/10-49人/50-299人/300人以上',
    });
    expect(fields.uscc).toMatch(/统一社会信用代码/);
    const noCode = await ctx.as(owner.token).post('/api/v1/app/employers', body({ uscc: null }));
    expect(json<Err>(noCode).error.details).toEqual([{ field: 'uscc', message: '请填写统一社会信用代码' }]);
    const noId = await ctx.as(owner.token).post('/api/v1/app/employers', body({ kind: 'private_person', uscc: null }));
    expect(json<Err>(noId).error.details).toEqual([{ field: 'idNumber', message: '个人雇主请填写身份证号码' }]);
    const village = await ctx
      .as(owner.token)
      .post('/api/v1/app/employers', body({ uscc: uscc(99), townCode: '450223999000' }));
    expect(json<Err>(village).error.details).toEqual([{ field: 'townCode', message: '所属乡镇不存在' }]);
    const taken = await ctx.as(owner.token).post('/api/v1/app/employers', body());
    expect(taken.statusCode).toBe(400);
    expect(json<Err>(taken).error.details?.[0]?.field).toBe('uscc');
    expect(await countEmployers()).toBe(before);
  });

  it('needs a login', async () => {
    const res = await ctx.anon.post('/api/v1/app/employers', body({ uscc: uscc(5) }));
    expect(res.statusCode).toBe(401);
  });
});

describe('members act for an employer', () => {
  it('only members read it and only the owner edits it or invites', async () => {
    const owner = await appUser(ctx);
    const stranger = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
    expect((await ctx.as(owner.token).get(`/api/v1/app/employers/${id}`)).statusCode).toBe(200);
    const denied = await ctx.as(stranger.token).get(`/api/v1/app/employers/${id}`);
    expect(denied.statusCode).toBe(403);
    expect(json<Err>(denied).error.message).toBe('您不是该用工主体的成员');
    const edit = await ctx.as(stranger.token).put(`/api/v1/app/employers/${id}`, body({ uscc: uscc(777) }));
    expect(edit.statusCode).toBe(403);
    const invite = await ctx
      .as(stranger.token)
      .post(`/api/v1/app/employers/${id}/invitations`, { phone: '13655550000' });
    expect(invite.statusCode).toBe(403);
    expect((await ctx.deps.database.db.select({ n: count() }).from(employerInvitations))[0]?.n).toBe(0);
  });

  it('an invited phone becomes a member when it logs in', async () => {
    const owner = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name: '邀请测试公司' });
    const inv = await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/invitations`, { phone: '136 5555 0001' });
    expect(inv.statusCode).toBe(201);
    expect(json(inv)).toMatchObject({ status: 'pending', phoneMasked: '136****0001', employerName: '邀请测试公司' });
    const again = await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/invitations`, { phone: '13655550001' });
    expect(again.statusCode).toBe(400);
    const member = await appUser(ctx, '13655550001');
    const me = json<{ roles: string[]; employers: { employerId: string; role: string }[] }>(
      await ctx.as(member.token).get('/api/v1/app/me'),
    );
    expect(me.employers).toEqual([expect.objectContaining({ employerId: id, role: 'member' })]);
    expect(me.roles).toContain('employer_member');
    const mine = await ctx.as(member.token).get(`/api/v1/app/employers/${id}`);
    expect(json(mine).myRole).toBe('member');
    const list = json<{ items: { status: string }[] }>(
      await ctx.as(owner.token).get(`/api/v1/app/employers/${id}/invitations`),
    );
    expect(list.items[0]?.status).toBe('accepted');
  });

  it('a logged-in user sees and accepts an invitation in the app', async () => {
    const owner = await appUser(ctx);
    const invitee = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhaisha });
    const inv = json<{ id: string }>(
      await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/invitations`, { phone: invitee.phone }),
    );
    const pending = json<{ items: { id: string }[] }>(
      await ctx.as(invitee.token).get('/api/v1/app/employer-invitations'),
    );
    expect(pending.items.map((i) => i.id)).toEqual([inv.id]);
    const other = await appUser(ctx);
    expect((await ctx.as(other.token).post(`/api/v1/app/employer-invitations/${inv.id}/accept`)).statusCode).toBe(404);
    const ok = await ctx.as(invitee.token).post(`/api/v1/app/employer-invitations/${inv.id}/accept`);
    expect(ok.statusCode).toBe(200);
    expect(json(ok).status).toBe('accepted');
    expect((await ctx.as(invitee.token).post(`/api/v1/app/employer-invitations/${inv.id}/accept`)).statusCode).toBe(
      409,
    );
    expect((await ctx.as(invitee.token).get(`/api/v1/app/employers/${id}`)).statusCode).toBe(200);
  });

  it('the owner revokes a pending invitation; it no longer makes a member', async () => {
    const owner = await appUser(ctx);
    const id = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
    const inv = json<{ id: string }>(
      await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/invitations`, { phone: '13655550009' }),
    );
    const stranger = await appUser(ctx);
    expect(
      (await ctx.as(stranger.token).post(`/api/v1/app/employers/${id}/invitations/${inv.id}/revoke`)).statusCode,
    ).toBe(403);
    const revoked = await ctx.as(owner.token).post(`/api/v1/app/employers/${id}/invitations/${inv.id}/revoke`);
    expect(json(revoked).status).toBe('revoked');
    const invitee = await appUser(ctx, '13655550009');
    const me = json<{ employers: unknown[] }>(await ctx.as(invitee.token).get('/api/v1/app/me'));
    expect(me.employers).toEqual([]);
  });

  it('the owner edits contacts without losing verification; a new name goes back to review', async () => {
    const owner = await appUser(ctx);
    const create = json<{ id: string }>(
      await ctx.as(owner.token).post('/api/v1/app/employers', body({ uscc: uscc(4321), name: '改名前公司' })),
    );
    await ctx.deps.database.db
      .update(employers)
      .set({ verificationStatus: 'verified' })
      .where(eq(employers.id, create.id));
    const contacts = await ctx
      .as(owner.token)
      .put(`/api/v1/app/employers/${create.id}`, body({ uscc: uscc(4321), name: '改名前公司', contactName: '王五' }));
    expect(json(contacts)).toMatchObject({ contactName: '王五', verificationStatus: 'verified' });
    const renamed = await ctx
      .as(owner.token)
      .put(`/api/v1/app/employers/${create.id}`, body({ uscc: uscc(4321), name: '改名后公司' }));
    expect(json(renamed)).toMatchObject({ name: '改名后公司', verificationStatus: 'pending' });
  });
});

describe('verification by a reviewer', () => {
  it('approves and rejects with a reason, within the region only', async () => {
    const owner = await appUser(ctx);
    const zhaishaEmployer = await makeEmployer(ctx, {
      ownerUserId: owner.userId,
      townCode: TOWNS.zhaisha,
      status: 'pending',
    });
    const county = await staffToken(ctx, { roles: ['reviewer'] });
    const zhongduReviewer = await staffToken(ctx, { roles: ['reviewer'], regionCode: TOWNS.zhongdu });
    const supervisor = await staffToken(ctx, { roles: ['supervisor'] });
    const url = `/api/v1/admin/employers/${zhaishaEmployer}/verify`;

    expect((await ctx.as(zhongduReviewer).post(url, { decision: 'approve' })).statusCode).toBe(404);
    expect((await ctx.as(supervisor).post(url, { decision: 'approve' })).statusCode).toBe(403);
    const noReason = await ctx.as(county).post(url, { decision: 'reject' });
    expect(json<Err>(noReason).error.details).toEqual([{ field: 'reason', message: '驳回时请填写理由（至少2个字）' }]);
    const badEnum = await ctx.as(county).post(url, { decision: 'maybe' });
    expect(json<Err>(badEnum).error.details?.[0]?.message).toBe('审核结果应为 通过 或 驳回');
    const [still] = await ctx.deps.database.db.select().from(employers).where(eq(employers.id, zhaishaEmployer));
    expect(still?.verificationStatus).toBe('pending');

    const rejected = await ctx.as(county).post(url, { decision: 'reject', reason: '营业执照照片不清晰' });
    expect(json(rejected)).toMatchObject({ verificationStatus: 'rejected', verificationReason: '营业执照照片不清晰' });
    const mine = json(await ctx.as(owner.token).get(`/api/v1/app/employers/${zhaishaEmployer}`));
    expect(mine).toMatchObject({ verificationStatus: 'rejected', verificationReason: '营业执照照片不清晰' });
    const approved = await ctx.as(county).post(url, { decision: 'approve' });
    expect(json(approved).verificationStatus).toBe('verified');

    const list = json<{ items: { id: string; contactPhone: string }[] }>(
      await ctx.as(county).get(`/api/v1/admin/employers?town=${TOWNS.zhaisha}`),
    );
    expect(list.items.map((e) => e.id)).toContain(zhaishaEmployer);
    expect(list.items[0]?.contactPhone).toMatch(/\*\*\*\*/);
    const scoped = json<{ items: { townCode: string }[] }>(
      await ctx.as(zhongduReviewer).get('/api/v1/admin/employers'),
    );
    expect(scoped.items.every((e) => e.townCode === TOWNS.zhongdu)).toBe(true);
  });
});
