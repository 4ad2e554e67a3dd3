import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobPostings } from '../src/modules/jobs/index.js';
import { exchangeRecords } from '../src/modules/exchange/exchange.schema.js';
import type { StandIn } from '../src/modules/exchange/stand-in/stand-in.js';
import {
  createTestApp,
  deliver,
  exchangeEnv,
  json,
  makeEmployer,
  makeJob,
  makeStaff,
  occupationIdByName,
  registerWorker,
  startStandIn,
  type TestContext,
  TOWNS,
} from './support/index.js';

type RecordOut = { id: string; state: string; attempts: number; rejectCode: string | null; revision: number };

let ctx: TestContext;
let standIn: StandIn;
let admin: { token: string };
let supervisor: { token: string };
let porter: string;
let employerId: string;
const clock = { now: new Date('2025-11-15T02:00:00Z') };

beforeAll(async () => {
  const started = await startStandIn(() => clock.now);
  standIn = started.standIn;
  ctx = await createTestApp(exchangeEnv(started.url));
  ctx.clock.now = clock.now;
  Object.defineProperty(clock, 'now', { get: () => ctx.clock.now });
  admin = await makeStaff(ctx, { roles: ['admin'] });
  supervisor = await makeStaff(ctx, { roles: ['supervisor'] });
  porter = await occupationIdByName(ctx, '搬运工');
  employerId = await makeEmployer(ctx, {
    name: '鹿寨县测试物流有限公司',
    townCode: TOWNS.zhongdu,
    createdAt: ctx.clock.now,
  });
});
afterAll(async () => {
  await ctx?.close();
  await standIn?.close();
});

const job = (title = `搬运${randomUUID().slice(0, 4)}`, occupationId = porter) =>
  makeJob(ctx, {
    employerId,
    townCode: TOWNS.zhongdu,
    kind: 'flexible',
    headcount: 3,
    publishedAt: ctx.clock.now,
    title,
    occupationId,
  });
const recordOf = async (sourceId: string) => {
  const [r] = await ctx.deps.database.db.select().from(exchangeRecords).where(eq(exchangeRecords.sourceId, sourceId));
  if (!r) throw new Error('no exchange record');
  return r;
};

describe('delivery to the stand-in province', () => {
  it('collects every data set, sends signed batches, records acceptance and the province rejection with its reason', async () => {
    await registerWorker(ctx, { name: '韦春花', homeRegionCode: '450223101001', createdAt: ctx.clock.now });
    const good = await job('仓库搬运');
    const bad = await job('无工种岗位', randomUUID());
    const report = await deliver(ctx);
    expect(report.collected).toBe(4); // 2 jobs, 1 employer, 1 registration
    expect(report).toMatchObject({ accepted: 3, rejected: 1, retried: 0 });
    expect(await recordOf(good)).toMatchObject({ state: 'accepted', attempts: 1 });
    expect((await recordOf(good)).receiptId).toMatch(/^GX\d{10}$/);
    expect(await recordOf(bad)).toMatchObject({ state: 'rejected', rejectCode: 'E_FIELD_MISSING' });
    expect((await recordOf(bad)).rejectMessage).toContain('aca112');
    expect(standIn.stats()).toMatchObject({ acceptedUnique: 3, rejected: 1, refusedRequests: 0 });
    expect(standIn.stats().acceptedByDataset).toEqual({
      job_postings: 1,
      employer_registrations: 1,
      worker_registrations: 1,
    });
    // Nothing new: a second run sends nothing.
    expect(await deliver(ctx)).toMatchObject({ collected: 0, batches: 0 });
  });

  it('a rejected record is fixed at the source and resent by staff under a new idempotency key', async () => {
    const bad = await job('待修正岗位', randomUUID());
    await deliver(ctx);
    const rejected = await recordOf(bad);
    expect(rejected.state).toBe('rejected');
    // Not allowed for a read-only supervisor, nor for a record that is not rejected or dead.
    expect(
      (await ctx.as(supervisor.token).post(`/api/v1/admin/exchange/records/${rejected.id}/resend`)).statusCode,
    ).toBe(403);
    await ctx.deps.database.db.update(jobPostings).set({ occupationId: porter }).where(eq(jobPostings.id, bad));
    const res = await ctx.as(admin.token).post(`/api/v1/admin/exchange/records/${rejected.id}/resend`);
    expect(res.statusCode).toBe(200);
    expect(json<RecordOut>(res)).toMatchObject({ state: 'pending', revision: 2, attempts: 0 });
    expect((await ctx.as(admin.token).post(`/api/v1/admin/exchange/records/${rejected.id}/resend`)).statusCode).toBe(
      409,
    );
    await deliver(ctx);
    const after = await recordOf(bad);
    expect(after).toMatchObject({ state: 'accepted', revision: 2, resentCount: 1 });
    expect(after.idempotencyKey).toMatch(/:r2$/);
  });

  it('retries a 5xx with exponential backoff, then accepts', async () => {
    const id = await job();
    standIn.setFault({ mode: 'error', times: 2 });
    expect(await deliver(ctx)).toMatchObject({ retried: 1, accepted: 0 });
    const first = await recordOf(id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(first.nextAttemptAt.getTime() - ctx.clock.now.getTime()).toBe(10_000);
    expect(await deliver(ctx)).toMatchObject({ batches: 0 }); // not due yet
    ctx.clock.advance(10_000);
    await deliver(ctx);
    const second = await recordOf(id);
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    expect(second.nextAttemptAt.getTime() - ctx.clock.now.getTime()).toBe(20_000);
    ctx.clock.advance(20_000);
    expect(await deliver(ctx)).toMatchObject({ accepted: 1 });
    expect(await recordOf(id)).toMatchObject({ state: 'accepted', attempts: 3 });
  });

  it('a lost response is resent with the same key; the province counts it once', async () => {
    const id = await job();
    const before = standIn.stats();
    standIn.setFault({ mode: 'lost_response', times: 1 });
    await deliver(ctx);
    expect(await recordOf(id)).toMatchObject({ state: 'pending' });
    ctx.clock.advance(10_000);
    await deliver(ctx);
    expect(await recordOf(id)).toMatchObject({ state: 'accepted' });
    const after = standIn.stats();
    expect(after.acceptedUnique - before.acceptedUnique).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(1);
  });

  it('partial acceptance: the unanswered half is sent again', async () => {
    const ids = [await job(), await job(), await job(), await job()];
    standIn.setFault({ mode: 'partial', times: 1 });
    expect(await deliver(ctx)).toMatchObject({ accepted: 2, retried: 2 });
    ctx.clock.advance(10_000);
    expect(await deliver(ctx)).toMatchObject({ accepted: 2 });
    for (const id of ids) expect((await recordOf(id)).state).toBe('accepted');
  });

  it('a timeout is retried; after the last attempt the record is dead until staff retry it', async () => {
    const id = await job();
    standIn.setFault({ mode: 'timeout', times: 3 });
    await deliver(ctx);
    expect(await recordOf(id)).toMatchObject({ state: 'pending', lastError: 'timeout' });
    ctx.clock.advance(10_000);
    await deliver(ctx);
    ctx.clock.advance(20_000);
    expect(await deliver(ctx)).toMatchObject({ dead: 1 });
    const dead = await recordOf(id);
    expect(dead).toMatchObject({ state: 'dead', attempts: 3 });
    const list = json<{ items: RecordOut[]; total: number }>(
      await ctx.as(supervisor.token).get('/api/v1/admin/exchange/records?state=dead'),
    );
    expect(list.items.map((r) => r.id)).toEqual([dead.id]);
    expect((await ctx.as(admin.token).post(`/api/v1/admin/exchange/records/${dead.id}/resend`)).statusCode).toBe(200);
    expect(await deliver(ctx)).toMatchObject({ accepted: 1 });
  });

  it('a refused signature is a failure of the whole batch, retried, never an acceptance', async () => {
    const id = await job();
    const before = standIn.stats();
    await deliver(ctx, { secret: 'not-the-shared-secret-0000' });
    expect(await recordOf(id)).toMatchObject({ state: 'pending' });
    expect((await recordOf(id)).lastError).toContain('401');
    expect(standIn.stats().refusedRequests - before.refusedRequests).toBe(1);
    ctx.clock.advance(10_000);
    await deliver(ctx);
    expect((await recordOf(id)).state).toBe('accepted');
  });

  it('the summary, the daily reconciliation against the province, and the KPI with its rows agree', async () => {
    const summary = json<{
      totals: { dataset: string; accepted: number; rejected: number; pending: number }[];
      transport: string;
    }>(await ctx.as(supervisor.token).get('/api/v1/admin/exchange/summary'));
    const jobs = summary.totals.find((t) => t.dataset === 'job_postings');
    const acceptedJobs = standIn.stats().acceptedByDataset.job_postings ?? 0;
    expect(jobs).toMatchObject({ accepted: acceptedJobs, rejected: 1, pending: 0 });
    const rec = json<{
      provinceError: string | null;
      rows: { dataset: string; matches: boolean; oursAccepted: number }[];
    }>(await ctx.as(supervisor.token).get('/api/v1/admin/exchange/reconciliation?date=2025-11-15'));
    expect(rec.provinceError).toBeNull();
    expect(rec.rows.every((r) => r.matches)).toBe(true);
    expect(rec.rows.find((r) => r.dataset === 'job_postings')?.oursAccepted).toBe(acceptedJobs);
    const kpi = json<{ indicators: { key: string; actual: number; available: boolean }[] }>(
      await ctx.as(supervisor.token).get('/api/v1/admin/kpi?year=2025'),
    );
    expect(kpi.indicators.find((i) => i.key === 'provincial_job_records')).toMatchObject({
      available: true,
      actual: acceptedJobs,
    });
    const rows = json<{ actual: number; total: number; items: { cells: Record<string, unknown> }[] }>(
      await ctx.as(supervisor.token).get('/api/v1/admin/kpi/provincial_job_records/rows?year=2025&page=1&pageSize=200'),
    );
    expect(rows).toMatchObject({ actual: acceptedJobs, total: acceptedJobs });
    // Records accepted at the same (test) instant tie on time: look for the row, not its position.
    expect(rows.items.map((r) => Object.values(r.cells)).filter((cells) => cells.includes('仓库搬运'))).toHaveLength(1);
  });

  it('a station agent of another town sees none of these records', async () => {
    const other = await makeStaff(ctx, { roles: ['counter_staff'], regionCode: TOWNS.zhaisha });
    const list = json<{ total: number }>(await ctx.as(other.token).get('/api/v1/admin/exchange/records'));
    expect(list.total).toBe(0);
  });
});

describe('file batches for manual upload', () => {
  it('writes the province template (codes, labels, one row per record) and waits for staff to confirm the upload', async () => {
    const id = await job('文件批次岗位');
    const report = await deliver(ctx, { transport: 'file' });
    expect(report.filed).toBe(1);
    const rec = await recordOf(id);
    expect(rec.state).toBe('sent');
    const dir = ctx.deps.config.exchange.fileDir;
    const file = readdirSync(dir).find((f) => f === rec.batchFile);
    expect(file).toMatch(/^450223000000_job_postings_lg-2025\.1_\d{8}T\d{6}_\d+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, file ?? ''));
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(3).value).toBe('aab001');
    expect(sheet?.getRow(2).getCell(3).value).toBe('单位编号');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(3).getCell(1).value).toBe(rec.idempotencyKey);
    const confirm = await ctx.as(admin.token).post(`/api/v1/admin/exchange/files/${rec.batchFile}/confirm`);
    expect(json(confirm)).toEqual({ count: 1 });
    expect((await recordOf(id)).state).toBe('accepted');
  });
});
