import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { qrPng } from '../src/platform/pdf/index.js';
import {
  COUNTY,
  createTestApp,
  type Gig,
  hiredGig,
  json,
  pdfStreams,
  qrImageStream,
  makeStaff,
  type TestContext,
} from './support/index.js';

type Qr = { url: string; pngDataUrl: string };
type Agreement = { verifyUrl: string };

const PUBLIC = 'https://lingong.luzhai.gov.cn';
const HOST = 'counter-pc.local:3000';
const REQUEST_ORIGIN = `http://${HOST}`;

type Setup = { ctx: TestContext; gig: Gig; staff: string; publicationId: string };
let withBase: Setup;
let withoutBase: Setup;

async function setup(env: Record<string, string>): Promise<Setup> {
  const ctx = await createTestApp(env);
  const gig = await hiredGig(ctx, { workerName: '覃秀英' });
  const staff = (await makeStaff(ctx, { roles: ['admin'] })).token;
  const res = await ctx.as(staff).post('/api/v1/admin/publications', {
    kind: 'announcement',
    title: '春风行动招聘会通知',
    summary: '3月8日 县人民广场',
    body: '3月8日上午9点在县人民广场举办春风行动专场招聘会，欢迎求职者参加。',
    channels: ['poster', 'wechat'],
    regionCode: COUNTY,
  });
  if (res.statusCode !== 201) throw new Error(`publication: ${res.body}`);
  const publicationId = json<{ id: string }>(res).id;
  const reviewer = (await makeStaff(ctx, { roles: ['reviewer'] })).token;
  await ctx.as(staff).post(`/api/v1/admin/publications/${publicationId}/submit`);
  const approved = await ctx.as(reviewer).post(`/api/v1/admin/publications/${publicationId}/approve`);
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  return { ctx, gig, staff, publicationId };
}

beforeAll(async () => {
  withBase = await setup({ PUBLIC_BASE_URL: `${PUBLIC}/` });
  withoutBase = await setup({});
});
afterAll(async () => {
  await withBase?.ctx.close();
  await withoutBase?.ctx.close();
});

describe('PUBLIC_BASE_URL', () => {
  it('is optional, loses its trailing slash, and must be an http(s) URL', () => {
    const env = { PII_KEYS: undefined };
    expect(loadConfig({ ...env }).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ ...env, PUBLIC_BASE_URL: '' }).publicBaseUrl).toBeUndefined();
    expect(loadConfig({ ...env, PUBLIC_BASE_URL: 'https://x.gov.cn/lingong/' }).publicBaseUrl).toBe(
      'https://x.gov.cn/lingong',
    );
    expect(() => loadConfig({ ...env, PUBLIC_BASE_URL: 'lingong.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ ...env, PUBLIC_BASE_URL: 'https://x.gov.cn/?a=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  for (const [name, pick, origin] of [
    ['when set, links use it instead of the Host header', () => withBase, PUBLIC],
    ['when unset, links use the request Host', () => withoutBase, REQUEST_ORIGIN],
  ] as const) {
    describe(name, () => {
      it('WeChat article links to the mobile notice page', async () => {
        const s = pick();
        const res = await s.ctx
          .as(s.staff, { host: HOST })
          .get(`/api/v1/admin/publications/${s.publicationId}/wechat.html`);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(`${origin}/notices/${s.publicationId}`);
        expect(res.body).not.toContain(origin === PUBLIC ? REQUEST_ORIGIN : PUBLIC);
      });

      it('poster QR encodes the mobile notice page', async () => {
        const s = pick();
        const res = await s.ctx
          .as(s.staff, { host: HOST })
          .get(`/api/v1/admin/publications/${s.publicationId}/poster.pdf`);
        expect(res.statusCode).toBe(200);
        expect(pdfStreams(res.rawPayload)).toContain(await qrImageStream(`${origin}/notices/${s.publicationId}`, 300));
      });

      it('check-in QR encodes the app check-in URL', async () => {
        const s = pick();
        const res = await s.ctx.as(s.gig.owner.token, { host: HOST }).get(`/api/v1/app/jobs/${s.gig.jobId}/checkin-qr`);
        expect(res.statusCode).toBe(200);
        const qr = json<Qr>(res);
        expect(qr.pngDataUrl).toBe(
          `data:image/png;base64,${(await qrPng(`${origin}${qr.url}`, 320)).toString('base64')}`,
        );
      });

      it('agreement PDF QR encodes the verify page', async () => {
        const s = pick();
        const url = `/api/v1/app/applications/${s.gig.appId}/agreement`;
        const ag = json<Agreement>(await s.ctx.as(s.gig.worker.token, { host: HOST }).get(url));
        const res = await s.ctx.as(s.gig.worker.token, { host: HOST }).get(`${url}.pdf`);
        expect(res.statusCode).toBe(200);
        const streams = pdfStreams(res.rawPayload);
        expect(streams).toContain(await qrImageStream(`${origin}${ag.verifyUrl}`, 200));
        expect(streams).not.toContain(
          await qrImageStream(`${origin === PUBLIC ? REQUEST_ORIGIN : PUBLIC}${ag.verifyUrl}`, 200),
        );
      });
    });
  }
});
