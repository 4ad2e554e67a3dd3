import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { smsCodes } from '../src/platform/auth/auth.schema.js';
import { agreements } from '../src/modules/agreements/agreements.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import {
  appUser,
  makeEmployer,
  createTestApp,
  type Gig,
  type GigUser,
  makeWorker,
  hiredGig,
  json,
  signAs,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Agreement = {
  id: string;
  number: string;
  status: string;
  text: string;
  textHash: string;
  mySide: string;
  canSign: boolean;
  workerSignedAt: string | null;
  employerSignedAt: string | null;
  verifyUrl: string;
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Verification = {
  valid: boolean;
  message: string;
  workerName: string | null;
  employerName: string | null;
  jobTitle: string | null;
  status: string | null;
  workerSignedAt: string | null;
  employerSignedAt: string | null;
};

let ctx: TestContext;
let gig: Gig;
let otherWorker: GigUser;
let otherOwner: GigUser;

beforeAll(async () => {
  ctx = await createTestApp();
  gig = await hiredGig(ctx, { workerName: '覃秀英' });
  otherWorker = await makeWorker(ctx, { name: '韦大山', app: true });
  otherOwner = await appUser(ctx);
  await makeEmployer(ctx, { ownerUserId: otherOwner.userId, townCode: TOWNS.luzhai, name: '鹿寨别家公司' });
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const url = (appId: string) => `/api/v1/app/applications/${appId}/agreement`;
const get = (appId: string, token: string) => ctx.as(token).get(url(appId));
const sm3 = (s: string) => createHash('sm3').update(s, 'utf8').digest('hex');
const countCodes = async () =>
  (await db().select({ n: count() }).from(smsCodes).where(eq(smsCodes.purpose, 'sign')))[0]?.n ?? 0;
const notes = async (userId: string, kind: 'agreement_to_sign' | 'agreement_signed') =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const statusOf = async (appId: string) =>
  (await db().select({ s: agreements.status }).from(agreements).where(eq(agreements.applicationId, appId)))[0]?.s;

describe('generation on hire', () => {
  it('freezes the filled template with its SM3 hash and tells both sides (message + SMS)', async () => {
    const res = await get(gig.appId, gig.worker.token);
    expect(res.statusCode).toBe(200);
    const ag = json<Agreement>(res);
    expect(ag.number).toMatch(/^LZXY-\d{4}-\d{6}$/);
    expect(ag).toMatchObject({
      status: 'draft',
      mySide: 'worker',
      canSign: true,
      workerSignedAt: null,
      employerSignedAt: null,
    });
    for (const part of [
      '覃秀英',
      '中渡建材有限公司',
      '建材搬运工',
      '150元/天（录用时约定）',
      '日结',
      '中渡镇新街18号',
      gig.startDate,
      '安全',
      ag.number,
    ])
      expect(ag.text).toContain(part);
    expect(ag.textHash).toBe(sm3(ag.text));
    const employerView = json<Agreement>(await get(gig.appId, gig.owner.token));
    expect(employerView).toMatchObject({ number: ag.number, textHash: ag.textHash, mySide: 'employer', canSign: true });
    for (const userId of [gig.worker.userId, gig.owner.userId]) {
      const rows = await notes(userId, 'agreement_to_sign');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ smsQueued: 'yes', refType: 'agreement', refId: ag.id });
      expect(rows[0]!.body).toContain(ag.number);
    }
  });

  it('numbers agreements in sequence within the year', async () => {
    const first = json<Agreement>(await get(gig.appId, gig.worker.token)).number;
    const next = await hiredGig(ctx, { owner: gig.owner, employerId: gig.employerId, workerName: '黄德明' });
    const second = json<Agreement>(await get(next.appId, next.worker.token)).number;
    expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
    expect(second.slice(0, 10)).toBe(first.slice(0, 10));
  });
});

describe('access', () => {
  it('hides the agreement, its PDF and signing from another worker and another employer (404), sending nothing', async () => {
    const before = await countCodes();
    for (const token of [otherWorker.token, otherOwner.token]) {
      expect((await get(gig.appId, token)).statusCode).toBe(404);
      expect((await ctx.as(token).get(`${url(gig.appId)}.pdf`)).statusCode).toBe(404);
      expect((await ctx.as(token).post(`${url(gig.appId)}/sign-code`, { consent: true })).statusCode).toBe(404);
      const ag = json<Agreement>(await get(gig.appId, gig.worker.token));
      expect(
        (await ctx.as(token).post(`${url(gig.appId)}/sign`, { consent: true, code: '123456', textHash: ag.textHash }))
          .statusCode,
      ).toBe(404);
    }
    expect(await countCodes()).toBe(before);
    expect(await statusOf(gig.appId)).toBe('draft');
  });
});

describe('signing', () => {
  it('needs consent, the hash of the text seen and the right code; both signatures make it signed', async () => {
    const ag = json<Agreement>(await get(gig.appId, gig.worker.token));
    const noConsent = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign-code`, { consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(json<Err>(noConsent).error.details).toEqual([{ field: 'consent', message: '请先阅读协议并勾选同意' }]);

    const sent = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign-code`, { consent: true });
    expect(sent.statusCode).toBe(200);
    expect(json<{ phoneMasked: string }>(sent).phoneMasked).toContain('****');
    const code = ctx.sms.latest(gig.worker.phone, 'sign_code')?.params.code ?? '';
    expect(code).toMatch(/^\d{6}$/);

    const badHash = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign`, {
      consent: true,
      code,
      textHash: sm3(`${ag.text}改`),
    });
    expect(badHash.statusCode).toBe(400);
    expect(json<Err>(badHash).error.details?.[0]).toMatchObject({ field: 'textHash' });
    const wrongCode = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign`, {
      consent: true,
      code: code === '000000' ? '111111' : '000000',
      textHash: ag.textHash,
    });
    expect(json<Err>(wrongCode).error.code).toBe('SMS_CODE_INVALID');
    const badCodeShape = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign`, {
      consent: true,
      code: '12ab',
      textHash: ag.textHash,
    });
    expect(json<Err>(badCodeShape).error.details).toEqual([{ field: 'code', message: '验证码应为6位数字' }]);
    expect(await statusOf(gig.appId)).toBe('draft');

    const signed = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign`, {
      consent: true,
      code,
      textHash: ag.textHash,
    });
    expect(signed.statusCode).toBe(200);
    expect(json<Agreement>(signed)).toMatchObject({
      status: 'signed_by_one',
      canSign: false,
      employerSignedAt: null,
      workerSignedAt: ctx.clock.now.toISOString(),
    });
    const again = await ctx.as(gig.worker.token).post(`${url(gig.appId)}/sign-code`, { consent: true });
    expect(json<Err>(again).error).toMatchObject({ code: 'INVALID_STATE', message: '您已签署该协议' });

    ctx.clock.advance(90_000);
    const byEmployer = await signAs(ctx, gig.owner, gig.appId, ag.textHash);
    expect(byEmployer.statusCode).toBe(200);
    expect(json<Agreement>(byEmployer)).toMatchObject({ status: 'signed', mySide: 'employer', canSign: false });
    for (const userId of [gig.worker.userId, gig.owner.userId])
      expect(await notes(userId, 'agreement_signed')).toHaveLength(1);
  });

  it('serves a PDF to either party', async () => {
    for (const token of [gig.worker.token, gig.owner.token]) {
      const res = await ctx.as(token).get(`${url(gig.appId)}.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(5000);
    }
  });
});

describe('public verification', () => {
  it('confirms a number + hash pair with masked parties, and rejects a wrong hash or a malformed number', async () => {
    const ag = json<Agreement>(await get(gig.appId, gig.worker.token));
    const ok = await ctx.anon.get(`/api/v1/public/agreements/verify?number=${ag.number}&hash=${ag.textHash}`);
    expect(ok.statusCode).toBe(200);
    const v = json<Verification>(ok);
    expect(v).toMatchObject({
      valid: true,
      status: 'signed',
      workerName: '覃**',
      employerName: '中渡建材有限公司',
      jobTitle: '建材搬运工',
      message: '协议真实有效，双方均已签署',
    });
    expect(v.workerSignedAt && v.employerSignedAt).toBeTruthy();
    expect(ok.body).not.toContain('覃秀英');
    expect(ag.verifyUrl).toBe(`/verify?number=${ag.number}&hash=${ag.textHash}`);

    const wrong = json<Verification>(
      await ctx.anon.get(`/api/v1/public/agreements/verify?number=${ag.number}&hash=${sm3('x')}`),
    );
    expect(wrong).toMatchObject({ valid: false, workerName: null, employerName: null });
    const bad = await ctx.anon.get(`/api/v1/public/agreements/verify?number=XY-1&hash=abc`);
    expect(bad.statusCode).toBe(400);
    expect(
      json<Err>(bad)
        .error.details?.map((d) => d.field)
        .sort(),
    ).toEqual(['hash', 'number']);
  });
});

describe('end of the application', () => {
  it('terminates the agreement when the hire is cancelled', async () => {
    const g = await hiredGig(ctx, { owner: gig.owner, employerId: gig.employerId, workerName: '莫小红' });
    const res = await ctx
      .as(g.worker.token)
      .post(`/api/v1/app/applications/${g.appId}/cancel`, { reason: '家里有事去不了' });
    expect(res.statusCode).toBe(200);
    expect(json<Agreement>(await get(g.appId, g.worker.token))).toMatchObject({ status: 'terminated', canSign: false });
    const sign = await ctx.as(g.worker.token).post(`${url(g.appId)}/sign-code`, { consent: true });
    expect(json<Err>(sign).error.code).toBe('INVALID_STATE');
  });

  it('reports no agreement for an application not yet hired', async () => {
    const owner = await appUser(ctx);
    const g = await hiredGig(ctx, { owner, workerName: '蓝小妹' });
    const w = await makeWorker(ctx, { name: '潘老三', app: true });
    const applied = await ctx.as(w.token).post(`/api/v1/app/jobs/${g.jobId}/apply`, {});
    const res = await get(json<{ id: string }>(applied).id, w.token);
    expect(res.statusCode).toBe(404);
    expect(json<Err>(res).error.message).toBe('该报名还没有工作协议（录用后生成）');
  });
});
