// 委托结算保证金: deposits and refunds with a maintained balance, batches drawing from it (refused
// on a shortfall, naming the employer), failed bank lines returned, racing batches never overdrawing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRecords } from '../src/modules/attendance/attendance.schema.js';
import {
  appUser,
  createTestApp,
  json,
  makeEmployer,
  makeWorker,
  occupationIdByName,
  postJob,
  staffToken,
  TOWNS,
  type GigUser,
  type TestContext,
} from './support/index.js';

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type Account = {
  depositedFen: number;
  refundedFen: number;
  drawnFen: number;
  balanceFen: number;
  employerName: string;
};
type Ledger = {
  account: Account;
  items: {
    kind: string;
    kindLabel: string;
    amountFen: number;
    balanceAfterFen: number;
    batchNumber: string | null;
    recordedBy: string | null;
    bankReference: string | null;
  }[];
};
type Batch = { id: string; number: string; totalFen: number; lines: { lineNo: number; status: string }[] };

let ctx: TestContext;
let staff: string;
let porter: string;
const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const today = () => new Date(ctx.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
  porter = await occupationIdByName(ctx, '搬运工');
});
afterAll(async () => ctx?.close());
/** Staff log in after the clock moved past the pay period (sessions follow the test clock). */
const login = async () => {
  staff = await staffToken(ctx, { roles: ['counter_staff'], regionCode: '450223000000' });
};

async function employer(name: string): Promise<{ owner: GigUser; id: string }> {
  const owner = await appUser(ctx);
  return { owner, id: await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu, name }) };
}

let accountSeq = 0;
/** A confirmed statement of `rateFen` × 2 days with the worker's bank account registered. */
async function confirmedStatement(e: { owner: GigUser; id: string }, rateFen: number): Promise<string> {
  ctx.clock.now = new Date();
  const jobId = await postJob(ctx, e.owner.token, e.id, porter, { title: '建材搬运工', wageMaxFen: 40_000 });
  const worker = await makeWorker(ctx, { name: '覃秀英', app: true });
  const appId = json<{ id: string }>(await ctx.as(worker.token).post(`/api/v1/app/jobs/${jobId}/apply`)).id;
  const hired = await ctx.as(e.owner.token).post(`/api/v1/app/applications/${appId}/hire`, { agreedWageFen: rateFen });
  expect(hired.statusCode, hired.body).toBe(200);
  for (const d of [day(1), day(2)])
    await ctx.deps.database.db.insert(attendanceRecords).values({
      applicationId: appId,
      jobId,
      workerId: worker.workerId,
      employerId: e.id,
      day: d,
      checkInAt: new Date(`${d}T08:00:00+08:00`),
      checkInMethod: 'qr',
      checkOutAt: new Date(`${d}T17:00:00+08:00`),
      checkOutMethod: 'qr',
    });
  ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
  const s = json<{ id: string }>(
    await ctx.as(e.owner.token).post(`/api/v1/app/applications/${appId}/wage-statements`, {
      periodStart: day(1),
      periodEnd: day(2),
    }),
  );
  await ctx.as(e.owner.token).post(`/api/v1/app/wages/${s.id}/issue`);
  await ctx.as(worker.token).post(`/api/v1/app/wages/${s.id}/confirm`);
  accountSeq += 1;
  await ctx.as(worker.token).put('/api/v1/app/worker/bank-account', {
    bankName: '中国农业银行鹿寨支行',
    accountNumber: `62284800881${String(accountSeq).padStart(5, '0')}`,
  });
  return s.id;
}

const ledger = async (employerId: string) =>
  json<Ledger>(await ctx.as(staff).get(`/api/v1/admin/wage-deposits/${employerId}`));
const record = (employerId: string, body: Record<string, unknown>) =>
  ctx.as(staff).post(`/api/v1/admin/wage-deposits/${employerId}/entries`, {
    occurredOn: today(),
    bankReference: 'NB20261201001',
    ...body,
  });
/** deposits − refunds − drawn = balance, and the ledger's last entry ends at the balance. */
function reconciles(l: Ledger) {
  const sum = (kinds: string[]) =>
    l.items.filter((i) => kinds.includes(i.kind)).reduce((s, i) => s + Math.abs(i.amountFen), 0);
  const a = l.account;
  expect(a.depositedFen).toBe(sum(['deposit']));
  expect(a.refundedFen).toBe(sum(['refund']));
  expect(a.drawnFen).toBe(sum(['draw']) - sum(['return']));
  expect(a.depositedFen - a.refundedFen - a.drawnFen).toBe(a.balanceFen);
  expect(l.items[0]?.balanceAfterFen ?? 0).toBe(a.balanceFen);
}

describe('保证金: deposits, refunds, batch draws and returns', () => {
  let e: { owner: GigUser; id: string };
  const statements: string[] = [];

  beforeAll(async () => {
    e = await employer('中渡建材有限公司');
    statements.push(await confirmedStatement(e, 15_000), await confirmedStatement(e, 17_550));
    await login();
  });

  it('records deposits and refunds with a Chinese field message on bad input; a refund over the balance is refused', async () => {
    const bad = await record(e.id, { kind: 'deposit', amountFen: 0 });
    expect(json<Err>(bad).error.details).toContainEqual({ field: 'amountFen', message: '金额应大于0' });
    const noRef = await record(e.id, { kind: 'deposit', amountFen: 100, bankReference: '' });
    expect(json<Err>(noRef).error.details).toContainEqual({ field: 'bankReference', message: '银行流水号至少4位' });
    const future = await record(e.id, { kind: 'deposit', amountFen: 100, occurredOn: '2099-01-01' });
    expect(json<Err>(future).error.details).toContainEqual({ field: 'occurredOn', message: '日期不能晚于今天' });
    expect((await record(e.id, { kind: 'deposit', amountFen: 50_000 })).statusCode).toBe(201);
    expect(
      (await record(e.id, { kind: 'deposit', amountFen: 30_000, bankReference: 'NB20261201002' })).statusCode,
    ).toBe(201);
    const over = await record(e.id, { kind: 'refund', amountFen: 80_001 });
    expect(json<Err>(over).error.details).toContainEqual({
      field: 'amountFen',
      message: '退还金额超过可用余额（可用800元）',
    });
    const refund = await record(e.id, { kind: 'refund', amountFen: 10_000, note: '部分退还' });
    expect(refund.statusCode).toBe(201);
    const l = json<Ledger>(refund);
    expect(l.account).toMatchObject({ depositedFen: 80_000, refundedFen: 10_000, drawnFen: 0, balanceFen: 70_000 });
    expect(l.items.map((i) => [i.kindLabel, i.amountFen, i.balanceAfterFen])).toEqual([
      ['退还', -10_000, 70_000],
      ['缴存', 30_000, 80_000],
      ['缴存', 50_000, 50_000],
    ]);
    expect(l.items[0]!.recordedBy).toBeTruthy();
    reconciles(l);
    const list = json<{ items: (Account & { employerId: string })[] }>(
      await ctx.as(staff).get('/api/v1/admin/wage-deposits'),
    );
    expect(list.items.find((a) => a.employerId === e.id)).toMatchObject({
      employerName: '中渡建材有限公司',
      balanceFen: 70_000,
    });
    // Out of region: the employer is not found, the list does not show it.
    const other = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    expect((await ctx.as(other).get(`/api/v1/admin/wage-deposits/${e.id}`)).statusCode).toBe(404);
    const theirs = json<{ items: { employerId: string }[] }>(await ctx.as(other).get('/api/v1/admin/wage-deposits'));
    expect(theirs.items.some((a) => a.employerId === e.id)).toBe(false);
  });

  it('refuses a batch over the balance, naming the employer and the shortfall, and draws nothing', async () => {
    // 300 + 351 = 651元 against 700元: fits; take 100元 more out first so it does not.
    await record(e.id, { kind: 'refund', amountFen: 10_000 });
    const res = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: statements });
    expect(res.statusCode).toBe(409);
    expect(json<Err>(res).error.message).toBe(
      '“中渡建材有限公司”委托结算保证金不足：本批次需651元，可用余额600元，还差51元',
    );
    const l = await ledger(e.id);
    expect(l.account).toMatchObject({ drawnFen: 0, balanceFen: 60_000 });
    // The statements stay free for another batch.
    expect((await record(e.id, { kind: 'deposit', amountFen: 10_000 })).statusCode).toBe(201);
  });

  it('draws each line at batch creation; a failed bank line gives its amount back; paid stays drawn', async () => {
    const res = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: statements });
    expect(res.statusCode, res.body).toBe(201);
    const batch = json<Batch>(res);
    let l = await ledger(e.id);
    expect(l.account).toMatchObject({ drawnFen: 65_100, balanceFen: 70_000 - 65_100 });
    expect(l.items.slice(0, 2).map((i) => [i.kindLabel, i.amountFen, i.batchNumber])).toEqual([
      ['批次支取', -35_100, batch.number],
      ['批次支取', -30_000, batch.number],
    ]);
    reconciles(l);
    const file = (await ctx.as(staff).get(`/api/v1/admin/wage-batches/${batch.id}/bank-file`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const account = (n: number) => file[n]!.split(',')[3];
    const content = [
      `1,${account(1)},300.00,成功,`,
      `2,${account(2)},351.00,失败,户名与账号不符`,
      '合计,2,651.00',
    ].join('\n');
    const settled = await ctx.as(staff).post(`/api/v1/admin/wage-batches/${batch.id}/bank-result`, { content });
    expect(settled.statusCode, settled.body).toBe(200);
    l = await ledger(e.id);
    expect(l.items[0]).toMatchObject({ kindLabel: '代发失败退回', amountFen: 35_100, batchNumber: batch.number });
    // deposits 900 − refunds 200 − paid 300 = 400元
    expect(l.account).toMatchObject({
      depositedFen: 90_000,
      refundedFen: 20_000,
      drawnFen: 30_000,
      balanceFen: 40_000,
    });
    reconciles(l);
    // The failed statement goes into a new batch and draws again.
    const retry = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: [statements[1]] });
    expect(retry.statusCode).toBe(201);
    l = await ledger(e.id);
    expect(l.account).toMatchObject({ drawnFen: 65_100, balanceFen: 40_000 - 35_100 });
    reconciles(l);
  });
});

describe('保证金: racing batches cannot overdraw', () => {
  it('of four 300元 batches against a 1000元 deposit exactly three go through', async () => {
    const e = await employer('雒容物流有限公司');
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await confirmedStatement(e, 15_000));
    await login();
    expect((await record(e.id, { kind: 'deposit', amountFen: 100_000 })).statusCode).toBe(201);
    const results = await Promise.all(
      ids.map((id) => ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: [id] })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409]);
    expect(json<Err>(results.find((r) => r.statusCode === 409)!).error.message).toContain('还差200元');
    const l = await ledger(e.id);
    expect(l.account).toMatchObject({ drawnFen: 90_000, balanceFen: 10_000 });
    expect(l.items.filter((i) => i.kind === 'draw')).toHaveLength(3);
    reconciles(l);
  });
});
