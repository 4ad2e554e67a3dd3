import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCertificates } from '../src/modules/workers/workers.schema.js';
import { eq } from 'drizzle-orm';
import {
  appWorker,
  type AppWorker,
  createTestApp,
  json,
  occupationIdByName,
  profilePayload,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Cert = { id: string; name: string; number: string; reviewStatus: string; reviewReason: string | null };
type Profile = {
  certificates: Cert[];
  priorityGroups: string[];
  priorityGroupsVerified: boolean;
  priorityReview: { status: string; verifiedGroups: string[]; reason: string | null };
};

let ctx: TestContext;
let welder: string;
let a: AppWorker;
let b: AppWorker;
let c: AppWorker;
let staff: string;

const profile = async (w: AppWorker) => json<Profile>(await ctx.as(w.token).get('/api/v1/app/worker/profile'));
const certId = async (w: AppWorker, number: string) =>
  (
    await ctx.deps.database.db.select().from(workerCertificates).where(eq(workerCertificates.workerId, w.workerId))
  ).find((r) => r.number === number)!.id;

beforeAll(async () => {
  ctx = await createTestApp();
  welder = await occupationIdByName(ctx, '电焊工');
  a = await appWorker(ctx, {
    name: '韦焊工',
    homeRegionCode: TOWNS.zhongdu,
    occupationId: welder,
    certificates: [
      { name: '焊工证', number: 'HG001' },
      { name: '电工证', number: 'DG001' },
      { name: '叉车证', number: 'CC001' },
    ],
    priorityGroups: ['脱贫劳动力', '残疾人'],
  });
  b = await appWorker(ctx, {
    name: '覃秀兰',
    homeRegionCode: TOWNS.zhongdu,
    occupationId: welder,
    priorityGroups: ['脱贫劳动力'],
  });
  c = await appWorker(ctx, { name: '蓝大山', homeRegionCode: TOWNS.zhongdu, occupationId: welder });
  staff = await staffToken(ctx, { roles: ['counter_staff'] });
});
afterAll(async () => ctx?.close());

describe('certificate review state on the worker’s own profile', () => {
  it('is pending with no reason before review', async () => {
    const p = await profile(a);
    expect(p.certificates.map((x) => [x.number, x.reviewStatus, x.reviewReason])).toEqual([
      ['HG001', 'pending', null],
      ['DG001', 'pending', null],
      ['CC001', 'pending', null],
    ]);
  });

  it('shows verified, and rejected with the reviewer’s reason, and keeps them across an unchanged save', async () => {
    expect(
      (
        await ctx
          .as(staff)
          .post('/api/v1/admin/certificates/review', { ids: [await certId(a, 'HG001')], decision: 'approve' })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await ctx.as(staff).post('/api/v1/admin/certificates/review', {
          ids: [await certId(a, 'DG001')],
          decision: 'reject',
          reason: '照片模糊，请重新上传',
        })
      ).statusCode,
    ).toBe(200);
    const p = await profile(a);
    expect(p.certificates.map((x) => [x.number, x.reviewStatus, x.reviewReason])).toEqual([
      ['HG001', 'verified', null],
      ['DG001', 'rejected', '照片模糊，请重新上传'],
      ['CC001', 'pending', null],
    ]);
    const save = await ctx.as(a.token).put(
      '/api/v1/app/worker/profile',
      profilePayload({
        name: '韦焊工',
        homeRegionCode: TOWNS.zhongdu,
        occupationId: welder,
        certificates: [
          { name: '焊工证', number: 'HG001' },
          { name: '电工证', number: 'DG001' },
          { name: '叉车证', number: 'CC001' },
        ],
        priorityGroups: ['脱贫劳动力', '残疾人'],
      }),
    );
    expect(save.statusCode).toBe(200);
    expect(json<Profile>(save).certificates.map((x) => x.reviewStatus)).toEqual(['verified', 'rejected', 'pending']);
  });
});

describe('priority-group verification state on the worker’s own profile', () => {
  const review = (w: AppWorker, payload: Record<string, unknown>) =>
    ctx.as(staff).post(`/api/v1/admin/profiles/${w.workerId}/priority-review`, payload);

  it('is none without declared groups, pending before review', async () => {
    expect((await profile(c)).priorityReview).toEqual({ status: 'none', verifiedGroups: [], reason: null });
    expect((await profile(a)).priorityReview).toEqual({ status: 'pending', verifiedGroups: [], reason: null });
  });

  it('shows partly verified as pending with the verified groups, then verified', async () => {
    expect((await review(a, { decision: 'verify', groups: ['残疾人'] })).statusCode).toBe(200);
    expect((await profile(a)).priorityReview).toEqual({ status: 'pending', verifiedGroups: ['残疾人'], reason: null });
    expect((await review(a, { decision: 'verify' })).statusCode).toBe(200);
    const p = await profile(a);
    expect(p.priorityReview).toEqual({ status: 'verified', verifiedGroups: ['脱贫劳动力', '残疾人'], reason: null });
    expect(p.priorityGroupsVerified).toBe(true);
  });

  it('shows a rejection with its reason', async () => {
    expect((await review(b, { decision: 'reject', reason: '未提供建档立卡证明' })).statusCode).toBe(200);
    expect((await profile(b)).priorityReview).toEqual({
      status: 'rejected',
      verifiedGroups: [],
      reason: '未提供建档立卡证明',
    });
  });
});
