import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { workerCertificates } from '../src/modules/workers/workers.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
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
import { png } from './support/upload-files.js';

type Err = { error: { code: string; details?: { field: string; message: string }[] } };
type Row = {
  id: string;
  workerId: string;
  workerNameMasked: string;
  homeRegionName: string;
  name: string;
  reviewStatus: string;
  reviewReason: string | null;
};
type Page = { items: Row[]; total: number };

let ctx: TestContext;
let occ: string;
let zd: AppWorker;
let zs: AppWorker;
let county: string;
let zhongduAgent: string;
const certIds: Record<string, string> = {};

const list = (token: string, qs = '') => ctx.as(token).get(`/api/v1/admin/certificates/review${qs}`);
const decide = (token: string, payload: Record<string, unknown>) =>
  ctx.as(token).post('/api/v1/admin/certificates/review', payload);
const statusOf = async (ids: string[]) => {
  const rows = await ctx.deps.database.db
    .select({ id: workerCertificates.id, s: workerCertificates.reviewStatus })
    .from(workerCertificates)
    .where(inArray(workerCertificates.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.s]));
};

beforeAll(async () => {
  ctx = await createTestApp();
  occ = await occupationIdByName(ctx, '电焊工');
  zd = await appWorker(ctx, {
    name: '韦焊工',
    homeRegionCode: TOWNS.zhongdu,
    occupationId: occ,
    certificates: [
      { name: '焊工证', level: '中级', number: 'HG001' },
      { name: '电工证', number: 'DG001' },
    ],
  });
  zs = await appWorker(ctx, {
    name: '覃焊工',
    homeRegionCode: TOWNS.zhaisha,
    occupationId: occ,
    certificates: [{ name: '焊工证', level: '初级', number: 'HG002' }],
  });
  county = await staffToken(ctx, { roles: ['counter_staff'] });
  zhongduAgent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
  const rows = await ctx.deps.database.db.select().from(workerCertificates);
  for (const r of rows) certIds[`${r.workerId === zd.workerId ? 'zd' : 'zs'}:${r.number}`] = r.id;
});
afterAll(async () => ctx?.close());

describe('certificate review queue (证书审核)', () => {
  it('lists pending certificates by region, names masked; a 中渡镇 agent never sees 寨沙镇 rows', async () => {
    const all = json<Page>(await list(county));
    expect(all.total).toBe(3);
    expect(all.items.find((r) => r.workerId === zd.workerId)).toMatchObject({
      workerNameMasked: '韦**',
      reviewStatus: 'pending',
      name: '焊工证',
    });
    const scoped = json<Page>(await list(zhongduAgent));
    expect(scoped.items.map((r) => r.workerId)).toEqual([zd.workerId, zd.workerId]);
    expect(json<Page>(await list(zhongduAgent, `?town=${TOWNS.zhaisha}`)).total).toBe(0);
    const counts = json<{ pendingCertificates: number }>(
      await ctx.as(zhongduAgent).get('/api/v1/admin/dashboard/queues'),
    );
    expect(counts.pendingCertificates).toBe(2);
  });

  it('rejects bad decisions with Chinese field messages and changes nothing', async () => {
    const ids = [certIds['zd:HG001'] as string];
    const noReason = await decide(county, { ids, decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(json<Err>(noReason).error.details).toEqual([{ field: 'reason', message: '驳回时请填写理由（至少2个字）' }]);
    const bad = await decide(county, { ids: [], decision: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(
      json<Err>(bad)
        .error.details?.map((d) => d.field)
        .sort(),
    ).toEqual(['decision', 'ids']);
    expect(await statusOf(ids)).toEqual({ [certIds['zd:HG001'] as string]: 'pending' });
  });

  it('a 中渡镇 agent cannot decide a 寨沙镇 certificate (404) and a batch with one is refused whole', async () => {
    const ids = [certIds['zd:HG001'], certIds['zs:HG002']] as string[];
    const res = await decide(zhongduAgent, { ids, decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(Object.values(await statusOf(ids))).toEqual(['pending', 'pending']);
    const supervisor = await staffToken(ctx, { roles: ['supervisor'] });
    expect((await decide(supervisor, { ids, decision: 'approve' })).statusCode).toBe(403);
    expect((await list(supervisor)).statusCode).toBe(200);
  });

  it('verifies and rejects in bulk with audit entries and a message to the worker; decided ones cannot be decided again', async () => {
    const ok = await decide(zhongduAgent, { ids: [certIds['zd:HG001'], certIds['zd:DG001']], decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toEqual({ updated: 2 });
    // The reviewer role works the queue without the right to edit profiles.
    const reviewer = await staffToken(ctx, { roles: ['reviewer'] });
    const no = await decide(reviewer, { ids: [certIds['zs:HG002']], decision: 'reject', reason: '证书编号查询不到' });
    expect(no.statusCode).toBe(200);
    expect(await statusOf(Object.values(certIds))).toEqual({
      [certIds['zd:HG001'] as string]: 'verified',
      [certIds['zd:DG001'] as string]: 'verified',
      [certIds['zs:HG002'] as string]: 'rejected',
    });
    const again = await decide(county, { ids: [certIds['zd:HG001']], decision: 'reject', reason: '重复审核' });
    expect(again.statusCode).toBe(409);
    const audits = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.entity, 'worker_certificate'));
    expect(audits.map((a) => a.action).sort()).toEqual(['approve', 'approve', 'reject']);
    const msgs = await ctx.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, zs.userId), eq(notifications.refType, 'worker_certificate')));
    expect(msgs.map((m) => m.body)).toEqual(['您的证书「焊工证」未通过审核：证书编号查询不到']);
    const rejected = json<Page>(await list(county, '?status=rejected'));
    expect(rejected.items).toMatchObject([{ id: certIds['zs:HG002'], reviewReason: '证书编号查询不到' }]);
    expect(
      json<{ pendingCertificates: number }>(await ctx.as(county).get('/api/v1/admin/dashboard/queues'))
        .pendingCertificates,
    ).toBe(0);
  });

  it('keeps the review of an unchanged certificate when the worker saves the profile; a changed one waits again', async () => {
    const res = await ctx.as(zd.token).put(
      '/api/v1/app/worker/profile',
      profilePayload({
        name: '韦焊工',
        homeRegionCode: TOWNS.zhongdu,
        occupationId: occ,
        certificates: [
          { name: '焊工证', level: '中级', number: 'HG001' },
          { name: '电工证', number: 'DG009' },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const rows = await ctx.deps.database.db
      .select()
      .from(workerCertificates)
      .where(eq(workerCertificates.workerId, zd.workerId));
    expect(Object.fromEntries(rows.map((r) => [r.number, r.reviewStatus]))).toEqual({
      HG001: 'verified',
      DG009: 'pending',
    });
  });

  it('shows a certificate photo to staff of the region only, and audits each view', async () => {
    const image = png(8, 8);
    const up = await ctx
      .as(zs.token)
      .post('/api/v1/app/worker/certificate-photos', { image: image.toString('base64') });
    const { fileId } = json<{ fileId: string }>(up);
    const saved = await ctx.as(zs.token).put(
      '/api/v1/app/worker/profile',
      profilePayload({
        name: '覃焊工',
        homeRegionCode: TOWNS.zhaisha,
        occupationId: occ,
        certificates: [{ name: '叉车证', number: 'CC001', photoFileId: fileId }],
      }),
    );
    expect(saved.statusCode).toBe(200);
    const [cert] = await ctx.deps.database.db
      .select()
      .from(workerCertificates)
      .where(eq(workerCertificates.number, 'CC001'));
    const photo = await ctx.as(county).get(`/api/v1/admin/certificates/${cert?.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(image)).toBe(true);
    expect((await ctx.as(zhongduAgent).get(`/api/v1/admin/certificates/${cert?.id}/photo`)).statusCode).toBe(404);
    expect((await ctx.as(county).get(`/api/v1/admin/certificates/${certIds['zd:HG001']}/photo`)).statusCode).toBe(404);
    const views = await ctx.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'view_photo'), eq(auditLog.entityId, cert?.id ?? '')));
    expect(views).toHaveLength(1);
  });
});
