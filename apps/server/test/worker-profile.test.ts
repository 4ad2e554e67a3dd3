import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeIdNumber, PRIVACY_POLICY_VERSION } from '@lingong/contracts';
import { userConsents, workerProfiles, workerSkills } from '../src/modules/workers/workers.schema.js';
import {
  appUser,
  makeWorker,
  createTestApp,
  json,
  occupationIdByName,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';
import { png } from './support/upload-files.js';

let ctx: TestContext;
let welder: string;
let cleaner: string;
const VILLAGE = '450223101000';
type Profile = {
  exists: boolean;
  name: string;
  phone: string;
  gender: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  homeRegionName: string;
  skills: { occupationName: string; years: number }[];
  certificates: { name: string }[];
  completeness: { score: number; hints: string[] };
  consents: { kind: string }[];
};
type Err = { error: { code: string; details?: { field: string; message: string }[] } };

beforeAll(async () => {
  ctx = await createTestApp();
  welder = await occupationIdByName(ctx, '电焊工');
  cleaner = await occupationIdByName(ctx, '家庭保洁');
});
afterAll(async () => ctx?.close());

const get = (token: string) => ctx.as(token).get('/api/v1/app/worker/profile');
const put = (token: string, payload: Record<string, unknown>) =>
  ctx.as(token).put('/api/v1/app/worker/profile', payload);
const consent = (token: string, kind: string, version = PRIVACY_POLICY_VERSION) =>
  ctx.as(token).post('/api/v1/app/worker/consents', { kind, version });
const profile = (over: Record<string, unknown> = {}) => ({
  name: '韦大勇',
  homeRegionCode: VILLAGE,
  skills: [{ occupationId: welder, years: 8 }],
  certificates: [{ name: '焊工证', level: '中级', number: 'T4502231980' }],
  availability: { weekdays: [1, 2, 3, 4, 5], dayParts: ['morning', 'afternoon'], earliestStart: '2026-12-01' },
  expectedPay: { minFen: 20_000, unit: 'day' },
  maxDistanceKm: 20,
  jobKinds: ['flexible'],
  priorityGroups: ['脱贫劳动力'],
  trainingIntentions: ['电工证培训'],
  bio: '干了8年电焊，能吃苦',
  ...over,
});
const profileCount = async () => (await ctx.deps.database.db.select({ n: count() }).from(workerProfiles))[0]?.n ?? 0;

describe('my profile (个人画像)', () => {
  it('starts empty with the login phone and hints', async () => {
    const u = await appUser(ctx);
    const p = json<Profile>(await get(u.token));
    expect(p).toMatchObject({ exists: false, phone: u.phone, name: '' });
    expect(p.completeness.score).toBe(5);
    expect(p.completeness.hints[0]).toBe('添加会做的工种和干了几年');
    expect((await ctx.anon.get('/api/v1/app/worker/profile')).statusCode).toBe(401);
  });

  it('needs the privacy-policy consent before saving, and writes nothing without it', async () => {
    const u = await appUser(ctx);
    const before = await profileCount();
    const res = await put(u.token, profile());
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      details: [{ field: 'consents.privacy_policy', message: '请先阅读并同意《隐私政策》' }],
    });
    expect(await profileCount()).toBe(before);
    const old = await consent(u.token, 'privacy_policy', '2019.1');
    expect(json<Err>(old).error.details?.[0]?.field).toBe('version');
  });

  it('saves the whole profile; completeness rises; skills and certificates are kept', async () => {
    const u = await appUser(ctx);
    const afterConsent = json<Profile>(await consent(u.token, 'privacy_policy'));
    expect(afterConsent.consents.map((c) => c.kind)).toEqual(['privacy_policy']);
    const res = await put(u.token, profile());
    expect(res.statusCode).toBe(200);
    const p = json<Profile>(res);
    expect(p).toMatchObject({
      exists: true,
      name: '韦大勇',
      homeRegionName: '中渡镇',
      skills: [{ occupationName: '电焊工', years: 8 }],
      certificates: [{ name: '焊工证' }],
    });
    expect(p.completeness).toEqual({ score: 85, hints: ['填写身份证号码，实名后雇主更放心'] });
    const again = await put(u.token, profile({ skills: [{ occupationId: cleaner, years: 2 }], certificates: [] }));
    expect(json<Profile>(again).skills).toEqual([expect.objectContaining({ occupationName: '家庭保洁', years: 2 })]);
    expect(await profileCount()).toBe(1);
  });

  it('an ID number needs its own consent; gender and birth date come from it; it is stored encrypted', async () => {
    const u = await appUser(ctx);
    await consent(u.token, 'privacy_policy');
    const idNumber = makeIdNumber({ regionCode: '450223', birthDate: '1970-08-15', seq: 12, gender: 'female' });
    const denied = await put(u.token, profile({ idNumber }));
    expect(json<Err>(denied).error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      details: [{ field: 'consents.id_data', message: '填写身份证号码前，请单独同意《身份信息处理授权》' }],
    });
    await consent(u.token, 'id_data');
    const p = json<Profile>(await put(u.token, profile({ name: '覃秀英', idNumber: idNumber.toLowerCase() })));
    expect(p).toMatchObject({
      gender: 'female',
      birthDate: '1970-08-15',
      idNumberMasked: `450223********${idNumber.slice(-4)}`,
    });
    expect(p.completeness.score).toBe(100);
    const [row] = await ctx.deps.database.db
      .select()
      .from(workerProfiles)
      .where(eq(workerProfiles.idLast4, idNumber.slice(-4)));
    expect(row?.idNumberEnc).not.toContain(idNumber);
    expect(row?.nameEnc).not.toContain('覃秀英');
    const kept = json<Profile>(await put(u.token, profile({ name: '覃秀英', bio: '改了介绍' })));
    expect(kept.idNumberMasked).not.toBeNull();
    const removed = json<Profile>(await put(u.token, profile({ name: '覃秀英', idNumber: null })));
    expect(removed).toMatchObject({ idNumberMasked: null, gender: null, birthDate: null });
    const consents = await ctx.deps.database.db.select().from(userConsents).where(eq(userConsents.userId, u.userId));
    expect(consents.map((c) => c.kind).sort()).toEqual(['id_data', 'privacy_policy']);
  });

  it('rejects bad input in Chinese and changes nothing', async () => {
    const u = await appUser(ctx);
    await consent(u.token, 'privacy_policy');
    await consent(u.token, 'id_data');
    await put(u.token, profile());
    const skillsBefore = await ctx.deps.database.db.select({ n: count() }).from(workerSkills);
    const res = await put(
      u.token,
      profile({
        name: '韦',
        idNumber: '450223197008150000',
        education: 'phd',
        homeRegionCode: '45',
        availability: { weekdays: [0, 8], dayParts: ['noon'] },
        expectedPay: { minFen: 50, unit: 'year' },
        maxDistanceKm: 1000,
        jobKinds: ['part'],
        priorityGroups: ['富人'],
        bio: '长'.repeat(201),
        certificates: [{ name: '证' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries((json<Err>(res).error.details ?? []).map((d) => [d.field, d.message]));
    expect(fields).toMatchObject({
      name: '姓名至少2个字',
      idNumber: '身份证号码校验位不正确',
      education: '文化程度不正确',
      homeRegionCode: '行政区划代码应为12位数字',
      'availability.weekdays.0': '星期应为1-7',
      'availability.weekdays.1': '星期应为1-7',
      'availability.dayParts.0': '可工作时段应为 上午/下午/晚上/夜班',
      'expectedPay.minFen': '期望薪资至少1元',
      'expectedPay.unit': '计薪单位应为 时/日/件/月',
      maxDistanceKm: '最远距离最多300公里',
      'jobKinds.0': '用工类型应为 合同用工 或 灵活用工',
      'priorityGroups.0': '重点群体类别不正确',
      bio: '自我介绍最多200个字',
      'certificates.0.name': '证书名称至少2个字',
    });
    const rules = await put(
      u.token,
      profile({
        homeRegionCode: '110101001001',
        skills: [{ occupationId: await occupationIdByName(ctx, '建筑装修'), years: 1 }],
      }),
    );
    expect(json<Err>(rules).error.details).toEqual([
      { field: 'homeRegionCode', message: '请选择本县的乡镇或村' },
      { field: 'skills.0.occupationId', message: '工种不存在，请重新选择' },
    ]);
    const dup = await put(
      u.token,
      profile({
        skills: [
          { occupationId: welder, years: 1 },
          { occupationId: welder, years: 2 },
        ],
      }),
    );
    expect(json<Err>(dup).error.details).toEqual([{ field: 'skills', message: '工种不能重复' }]);
    const p = json<Profile>(await get(u.token));
    expect(p).toMatchObject({ name: '韦大勇', skills: [{ occupationName: '电焊工', years: 8 }] });
    expect(await ctx.deps.database.db.select({ n: count() }).from(workerSkills)).toEqual(skillsBefore);
  });

  it('an ID number already registered by someone else is refused', async () => {
    await makeWorker(ctx, { name: '窗口登记', homeRegionCode: VILLAGE });
    const [other] = await ctx.deps.database.db
      .select()
      .from(workerProfiles)
      .where(eq(workerProfiles.channel, 'counter'));
    const theirs = ctx.deps.pii.decrypt(other?.idNumberEnc ?? '');
    const u = await appUser(ctx);
    await consent(u.token, 'privacy_policy');
    await consent(u.token, 'id_data');
    const res = await put(u.token, profile({ idNumber: theirs }));
    expect(json<Err>(res).error.details).toEqual([
      { field: 'idNumber', message: '该身份证号码已登记，请到零工驿站或服务窗口核实' },
    ]);
  });

  it('certificate photos: upload, attach, read back by the owner only; non-images refused', async () => {
    const u = await appUser(ctx);
    const other = await appUser(ctx);
    await consent(u.token, 'privacy_policy');
    const image = png(8, 8);
    const upload = (token: string, image: string) =>
      ctx.as(token).post('/api/v1/app/worker/certificate-photos', { image });
    const svg = await upload(u.token, Buffer.from('<svg onload="alert(1)"/>').toString('base64'));
    expect(json<Err>(svg).error.details).toEqual([{ field: 'image', message: '只支持 JPG、PNG、WebP 图片' }]);
    const res = await upload(u.token, image.toString('base64'));
    expect(res.statusCode).toBe(201);
    const { fileId } = json<{ fileId: string }>(res);
    const saved = json<{ certificates: { photoFileId: string | null }[] }>(
      await put(u.token, profile({ certificates: [{ name: '焊工证', photoFileId: fileId }] })),
    );
    expect(saved.certificates[0]?.photoFileId).toBe(fileId);
    const photo = await ctx.as(u.token).get(`/api/v1/app/worker/certificate-photos/${fileId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(image)).toBe(true);
    expect((await ctx.as(other.token).get(`/api/v1/app/worker/certificate-photos/${fileId}`)).statusCode).toBe(404);
    await consent(other.token, 'privacy_policy');
    const stolen = await put(other.token, profile({ certificates: [{ name: '焊工证', photoFileId: fileId }] }));
    expect(json<Err>(stolen).error.details).toEqual([
      { field: 'certificates.0.photoFileId', message: '照片不存在，请重新上传' },
    ]);
  });

  it('a self-registered worker appears in the staff ledger as online, masked', async () => {
    const staff = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const page = json<{ items: { nameMasked: string; channel: string }[] }>(
      await ctx.as(staff).get('/api/v1/admin/workers?pageSize=100'),
    );
    expect(page.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ nameMasked: '韦**', channel: 'online' })]),
    );
  });
});
