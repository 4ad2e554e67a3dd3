import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendanceRecords } from '../src/modules/attendance/attendance.schema.js';
import { agreements } from '../src/modules/agreements/agreements.schema.js';
import { wageEscalations, wagePayments } from '../src/modules/wages/wages.schema.js';
import { autoReceive, refreshWageFigures } from '../src/modules/wages/index.js';
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
  type GigWorker,
  type TestContext,
} from './support/index.js';

type Statement = {
  id: string;
  periodEnd: string;
  status: string;
  totalFen: number;
  baseFen: number;
  days: number;
  version: number;
  dueDate: string;
  overdue: boolean;
  quantityText: string;
  lines: { kind: string; amountFen: number; reason: string }[];
  events: { action: string; toStatus: string; actorSide: string; at: string }[];
  payment: { amountFen: number; reference: string | null } | null;
};
type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type App = { id: string; status: string; agreedWageFen: number | null; payWithinDays: number | null; wageUnit: string };

let ctx: TestContext;
let owner: GigUser;
let employerId: string;
let porter: string;

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await appUser(ctx);
  employerId = await makeEmployer(ctx, {
    ownerUserId: owner.userId,
    townCode: TOWNS.zhongdu,
    name: '中渡建材有限公司',
  });
  porter = await occupationIdByName(ctx, '搬运工');
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/** Post a job, apply, hire with the given terms; returns the worker and application. */
async function hireAt(terms: Record<string, unknown> | undefined, job: Record<string, unknown> = {}) {
  const jobId = await postJob(ctx, owner.token, employerId, porter, { title: '建材搬运工', ...job });
  const worker = await makeWorker(ctx, { name: '覃秀英', app: true });
  const applied = await ctx.as(worker.token).post(`/api/v1/app/jobs/${jobId}/apply`);
  const appId = json<{ id: string }>(applied).id;
  const hired = await ctx.as(owner.token).post(`/api/v1/app/applications/${appId}/hire`, terms);
  return { jobId, worker, appId, hired };
}

/** Two full days of attendance (08:00-17:00 Shanghai) from the job's start. */
async function twoDays(appId: string, jobId: string, worker: GigWorker) {
  for (const d of [day(1), day(2)])
    await db()
      .insert(attendanceRecords)
      .values({
        applicationId: appId,
        jobId,
        workerId: worker.workerId,
        employerId,
        day: d,
        checkInAt: new Date(`${d}T08:00:00+08:00`),
        checkInMethod: 'qr',
        checkOutAt: new Date(`${d}T17:00:00+08:00`),
        checkOutMethod: 'qr',
      });
}

describe('agreed rate at hire', () => {
  it('is fixed within the posting range, shown to the worker, and stated in the agreement', async () => {
    const { appId, worker, hired } = await hireAt({ agreedWageFen: 18_000, payWithinDays: 2 });
    expect(hired.statusCode).toBe(200);
    const mine = json<{ items: App[] }>(await ctx.as(worker.token).get('/api/v1/app/worker/applications')).items;
    const app = mine.find((a) => a.id === appId);
    expect(app).toMatchObject({ status: 'hired', agreedWageFen: 18_000, payWithinDays: 2, wageUnit: 'day' });
    const [agreement] = await db().select().from(agreements).where(eq(agreements.applicationId, appId));
    const text = ctx.deps.pii.decrypt(agreement!.textEnc);
    expect(text).toContain('180元/天（录用时约定）');
    expect(text).toContain('日结，工资支付日：每个结算周期结束后2日内');
  });

  it.each([
    [{ agreedWageFen: 14_999 }, 'agreedWageFen', '约定工资应在岗位标明的范围内（150-200元）'],
    [{ agreedWageFen: 20_001 }, 'agreedWageFen', '约定工资应在岗位标明的范围内（150-200元）'],
    [{ agreedWageFen: 150.5 }, 'agreedWageFen', '约定工资应为整数（分）'],
    [{ payWithinDays: 31 }, 'payWithinDays', '支付期限最多30天'],
  ])('refuses %j with a Chinese field message', async (terms, field, message) => {
    const { hired } = await hireAt(terms);
    expect(hired.statusCode).toBe(400);
    expect(json<Err>(hired).error.details).toContainEqual({ field, message });
  });

  it('refuses an hourly rate below the local minimum wage (系统配置)', async () => {
    const { hired } = await hireAt(
      { agreedWageFen: 1_500 },
      { wageUnit: 'hour', wageMinFen: 1_400, wageMaxFen: 2_000 },
    );
    expect(hired.statusCode).toBe(400);
    expect(json<Err>(hired).error.details?.[0]).toEqual({
      field: 'agreedWageFen',
      message: '小时工资不能低于当地最低工资标准15.3元/小时',
    });
  });
});

describe('statement lifecycle: 150元/天 × 2 days → 300元 → dispute → correct → confirm → pay → receive', () => {
  let appId: string;
  let worker: GigWorker;
  let statement: Statement;

  beforeAll(async () => {
    const h = await hireAt({ agreedWageFen: 15_000, payWithinDays: 3 });
    appId = h.appId;
    worker = h.worker;
    await twoDays(appId, h.jobId, worker);
    ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
  });

  it('the employer drafts a statement computed from attendance × the agreed rate', async () => {
    const res = await ctx.as(owner.token).post(`/api/v1/app/applications/${appId}/wage-statements`, {
      periodStart: day(1),
      periodEnd: day(2),
      lines: [{ kind: 'deduction', amountFen: 2_000, reason: '损坏手推车' }],
    });
    expect(res.statusCode).toBe(201);
    statement = json<Statement>(res);
    expect(statement).toMatchObject({
      status: 'draft',
      days: 2,
      baseFen: 30_000,
      totalFen: 28_000,
      quantityText: '2天',
      dueDate: day(5),
    });
  });

  it('bad input gets Chinese field messages; a second statement for the period is refused', async () => {
    const url = `/api/v1/app/applications/${appId}/wage-statements`;
    const cases: [unknown, string, string][] = [
      [{ periodStart: '2026-13-01', periodEnd: day(2) }, 'periodStart', '结算开始日期格式应为 YYYY-MM-DD'],
      [{ periodStart: day(2), periodEnd: day(1) }, 'periodEnd', '结束日期不能早于开始日期'],
      [
        { periodStart: day(1), periodEnd: day(2), lines: [{ kind: 'deduction', amountFen: -5, reason: '罚款' }] },
        'lines.0.amountFen',
        '金额应大于0',
      ],
      [
        { periodStart: day(1), periodEnd: day(2), lines: [{ kind: 'deduction', amountFen: 7_000, reason: '罚款' }] },
        'lines',
        '扣款合计70元，超过应发工资的20%（最多60元）',
      ],
      [{ periodStart: day(1), periodEnd: day(2) }, 'periodStart', '该结算期间已有工资单'],
      [{ periodStart: day(1), periodEnd: day(30) }, 'periodEnd', '结算结束日期不能晚于今天'],
    ];
    for (const [payload, field, message] of cases) {
      const res = await ctx.as(owner.token).post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json<Err>(res).error.details).toContainEqual({ field, message });
    }
  });

  it('the worker sees no draft; only the own side acts; illegal transitions are refused in Chinese', async () => {
    const other = await makeWorker(ctx, { name: '韦大山', app: true });
    expect((await ctx.as(other.token).get(`/api/v1/app/wages/${statement.id}`)).statusCode).toBe(404);
    expect(json<{ items: Statement[] }>(await ctx.as(worker.token).get('/api/v1/app/worker/wages')).items).toEqual([]);
    const early = await ctx.as(worker.token).post(`/api/v1/app/wages/${statement.id}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(json<Err>(early).error.message).toBe('只有已发出的工资单可以确认');
    const byWorker = await ctx.as(worker.token).post(`/api/v1/app/wages/${statement.id}/issue`);
    expect(json<Err>(byWorker).error.message).toBe('无权进行此操作');
  });

  it('issue → dispute (reason) → correct (note, version 2) → confirm', async () => {
    const issued = await ctx.as(owner.token).post(`/api/v1/app/wages/${statement.id}/issue`);
    expect(json<Statement>(issued).status).toBe('issued');
    const disputed = await ctx.as(worker.token).post(`/api/v1/app/wages/${statement.id}/dispute`, {
      reason: '手推车不是我弄坏的',
    });
    expect(json<Statement>(disputed).status).toBe('disputed');
    const noNote = await ctx.as(owner.token).put(`/api/v1/app/wages/${statement.id}`, { lines: [] });
    expect(json<Err>(noNote).error.details).toContainEqual({ field: 'note', message: '更正工资单请说明更正内容' });
    const corrected = json<Statement>(
      await ctx.as(owner.token).put(`/api/v1/app/wages/${statement.id}`, { lines: [], note: '取消扣款' }),
    );
    expect(corrected).toMatchObject({ status: 'issued', totalFen: 30_000, version: 2, lines: [] });
    const confirmed = json<Statement>(await ctx.as(worker.token).post(`/api/v1/app/wages/${statement.id}/confirm`));
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.events.map((e) => `${e.action}:${e.actorSide}:${e.toStatus}`)).toEqual([
      'create:employer:draft',
      'issue:employer:issued',
      'dispute:worker:disputed',
      'correct:employer:issued',
      'confirm:worker:confirmed',
    ]);
  });

  it('a payment is recorded once per idempotency key; a bank transfer needs its reference', async () => {
    const url = `/api/v1/app/wages/${statement.id}/payments`;
    const noRef = await ctx.as(owner.token).post(url, { method: 'bank_transfer', idempotencyKey: 'pay-key-0001' });
    expect(json<Err>(noRef).error.details).toContainEqual({ field: 'reference', message: '银行转账请填写转账流水号' });
    const body = { method: 'bank_transfer', reference: 'NX20261202001', idempotencyKey: 'pay-key-0001' };
    const first = await ctx.as(owner.token).post(url, body);
    expect(first.statusCode).toBe(200);
    expect(json<Statement>(first)).toMatchObject({ status: 'paid', payment: { amountFen: 30_000 } });
    const retry = await ctx.as(owner.token).post(url, body);
    expect(retry.statusCode).toBe(200);
    const other = await ctx.as(owner.token).post(url, { ...body, idempotencyKey: 'pay-key-0002' });
    expect(json<Err>(other).error.message).toBe('工资单须经工人确认后才能登记支付');
    const rows = await db().select().from(wagePayments).where(eq(wagePayments.statementId, statement.id));
    expect(rows).toHaveLength(1);
    const { creditEvents } = await import('../src/modules/credit/credit.schema.js');
    const credit = await db().select().from(creditEvents).where(eq(creditEvents.refId, statement.id));
    expect(credit.map((c) => [c.kind, c.subjectType, c.points])).toEqual([['wage_paid_on_time', 'employer', 1]]);
  });

  it('the worker confirms receipt; 我的工钱 sums paid this month', async () => {
    const received = json<Statement>(await ctx.as(worker.token).post(`/api/v1/app/wages/${statement.id}/receive`));
    expect(received.status).toBe('received');
    const mine = json<{ owedFen: number; paidThisMonthFen: number; items: Statement[] }>(
      await ctx.as(worker.token).get('/api/v1/app/worker/wages'),
    );
    expect(mine.owedFen).toBe(0);
    expect(mine.items).toHaveLength(1);
  });
});

describe('console, scope, auto receipt, concurrency', () => {
  it('the ledger is scoped by region; a station agent of another town sees nothing', async () => {
    const county = await staffToken(ctx, { roles: ['counter_staff'], regionCode: '450223000000' });
    const zhongdu = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    const luzhai = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.luzhai });
    const page = async (token: string) =>
      json<{ total: number; items: Statement[] }>(await ctx.as(token).get('/api/v1/admin/wages'));
    expect((await page(county)).total).toBeGreaterThan(0);
    expect((await page(zhongdu)).total).toBe((await page(county)).total);
    expect((await page(luzhai)).total).toBe(0);
    const id = (await page(county)).items[0]!.id;
    expect((await ctx.as(luzhai).get(`/api/v1/admin/wages/${id}`)).statusCode).toBe(404);
  });

  it('silence after payment becomes receipt after autoReceiveDays; concurrent payments record one', async () => {
    const h = await hireAt({ agreedWageFen: 16_000 });
    await twoDays(h.appId, h.jobId, h.worker);
    ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
    const created = json<Statement>(
      await ctx.as(owner.token).post(`/api/v1/app/applications/${h.appId}/wage-statements`, {
        periodStart: day(1),
        periodEnd: day(2),
      }),
    );
    expect(created.totalFen).toBe(32_000);
    await ctx.as(owner.token).post(`/api/v1/app/wages/${created.id}/issue`);
    await ctx.as(h.worker.token).post(`/api/v1/app/wages/${created.id}/confirm`);
    const url = `/api/v1/app/wages/${created.id}/payments`;
    const keys = ['same-key-0001', 'same-key-0001', 'other-key-0002'];
    const results = await Promise.all(
      keys.map((key) => ctx.as(owner.token).post(url, { method: 'cash', idempotencyKey: key })),
    );
    const rows = await db().select().from(wagePayments).where(eq(wagePayments.statementId, created.id));
    expect(rows).toHaveLength(1);
    // Whichever key won, every request with it got the payment back; the loser key was refused.
    const won = keys.map((k, i) => [k, results[i]!.statusCode] as const);
    for (const [key, status] of won) expect(status === 200).toBe(key === rows[0]!.idempotencyKey);
    expect(await autoReceive(db(), new Date(ctx.clock.now.getTime() + 2 * 86_400_000))).toBe(0);
    expect(await autoReceive(db(), new Date(ctx.clock.now.getTime() + 4 * 86_400_000))).toBe(1);
    const after = json<Statement>(await ctx.as(h.worker.token).get(`/api/v1/app/wages/${created.id}`));
    expect(after.status).toBe('received');
    expect(after.events.at(-1)).toMatchObject({ action: 'receive', actorSide: 'system' });
  });
});

type Batch = {
  id: string;
  number: string;
  status: string;
  totalFen: number;
  lineCount: number;
  lines: { lineNo: number; maskedAccount: string; status: string; bankMessage: string | null; amountFen: number }[];
};

describe('委托结算: bank batch file out, bank result file in', () => {
  const accounts = ['6228480088123456789', '6217002870012345678'];
  let staff: string;
  let statements: { id: string; worker: GigWorker }[] = [];
  let batch: Batch;

  beforeAll(async () => {
    statements = [];
    for (const [i, rate] of [15_000, 17_550].entries()) {
      const h = await hireAt({ agreedWageFen: rate });
      await twoDays(h.appId, h.jobId, h.worker);
      ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
      const s = json<Statement>(
        await ctx.as(owner.token).post(`/api/v1/app/applications/${h.appId}/wage-statements`, {
          periodStart: day(1),
          periodEnd: day(2),
        }),
      );
      await ctx.as(owner.token).post(`/api/v1/app/wages/${s.id}/issue`);
      await ctx.as(h.worker.token).post(`/api/v1/app/wages/${s.id}/confirm`);
      const acct = await ctx.as(h.worker.token).put('/api/v1/app/worker/bank-account', {
        bankName: '中国农业银行鹿寨支行',
        accountNumber: accounts[i],
      });
      expect(json<{ account: { maskedAccount: string } }>(acct).account.maskedAccount).toBe(
        `**** **** **** ${accounts[i]!.slice(-4)}`,
      );
      statements.push({ id: s.id, worker: h.worker });
    }
    staff = await staffToken(ctx, { roles: ['counter_staff'], regionCode: '450223000000' });
    // 保证金: batches draw from the employer's deposit (wage-deposits.test.ts covers the ledger).
    const deposit = await ctx.as(staff).post(`/api/v1/admin/wage-deposits/${employerId}/entries`, {
      kind: 'deposit',
      amountFen: 200_000,
      occurredOn: day(0),
      bankReference: 'NB20261201001',
    });
    expect(deposit.statusCode).toBe(201);
  });

  it('a bad account number gets a field message; the account is stored encrypted', async () => {
    const bad = await ctx.as(statements[0]!.worker.token).put('/api/v1/app/worker/bank-account', {
      bankName: '农行',
      accountNumber: '6228-48',
    });
    expect(json<Err>(bad).error.details).toContainEqual({ field: 'accountNumber', message: '银行卡号应为12-30位数字' });
    const { workerBankAccounts } = await import('../src/modules/wages/wages.schema.js');
    const rows = await db().select().from(workerBankAccounts);
    expect(rows.every((r) => !accounts.includes(r.accountEnc))).toBe(true);
  });

  it('creates a batch of confirmed statements (masked on screen) and exports the bank file', async () => {
    const notConfirmed = await ctx.as(staff).post('/api/v1/admin/wage-batches', {
      statementIds: [crypto.randomUUID()],
    });
    expect(json<Err>(notConfirmed).error.details).toContainEqual({ field: 'statementIds.0', message: '工资单不存在' });
    const res = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: statements.map((s) => s.id) });
    expect(res.statusCode).toBe(201);
    batch = json<Batch>(res);
    expect(batch).toMatchObject({ status: 'exported', lineCount: 2, totalFen: 30_000 + 35_100 });
    expect(batch.lines.map((l) => l.maskedAccount)).toEqual(['**** **** **** 6789', '**** **** **** 5678']);
    const again = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: [statements[0]!.id] });
    expect(json<Err>(again).error.details).toContainEqual({
      field: 'statementIds.0',
      message: '该工资单已在其他结算批次中',
    });
    const file = await ctx.as(staff).get(`/api/v1/admin/wage-batches/${batch.id}/bank-file`);
    expect(file.statusCode).toBe(200);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('序号,收款人姓名,收款银行,收款账号,金额(元),用途');
    expect(lines[1]).toBe(`1,覃秀英,中国农业银行鹿寨支行,${accounts[0]},300.00,工资 ${batch.number}`);
    expect(lines[2]).toBe(`2,覃秀英,中国农业银行鹿寨支行,${accounts[1]},351.00,工资 ${batch.number}`);
    expect(lines[3]).toBe('合计,2,,,651.00,');
  });

  it('refuses a result file whole on a wrong total, an unknown or duplicate line, naming the line', async () => {
    const url = `/api/v1/admin/wage-batches/${batch.id}/bank-result`;
    const ok1 = `1,${accounts[0]},300.00,成功,`;
    const ok2 = `2,${accounts[1]},351.00,失败,户名与账号不符`;
    const cases: [string, string][] = [
      [
        ['序号,收款账号,金额,处理结果,银行附言', ok1, ok2, '合计,2,650.00'].join('\n'),
        '第4行：合计金额与明细或批次总额651元不符',
      ],
      [[ok1, ok2, `3,${accounts[1]},1.00,成功,`, '合计,2,651.00'].join('\n'), '第3行：序号“3”不在本批次中'],
      [[ok1, ok1, ok2, '合计,2,651.00'].join('\n'), '第2行：序号1重复'],
      [[ok1, '合计,2,651.00'].join('\n'), '回单缺少第2笔的结果'],
      [
        [`1,${accounts[0]},300.10,成功,`, ok2, '合计,2,651.10'].join('\n'),
        '第1行：金额300.10元与批次不符（应为300元）',
      ],
    ];
    for (const [content, message] of cases) {
      const res = await ctx.as(staff).post(url, { content });
      expect(res.statusCode, content).toBe(400);
      expect(json<Err>(res).error.code).toBe('IMPORT_FAILED');
      expect(json<Err>(res).error.details?.map((d) => d.message)).toContain(message);
    }
    const rows = await db().select().from(wagePayments);
    const stillConfirmed = json<Statement>(await ctx.as(owner.token).get(`/api/v1/app/wages/${statements[0]!.id}`));
    expect(stillConfirmed.status).toBe('confirmed');
    expect(rows.some((r) => r.statementId === statements[0]!.id)).toBe(false);
  });

  it('imports the result: paid lines become payments, failed lines keep the bank message; re-import refused', async () => {
    const url = `/api/v1/admin/wage-batches/${batch.id}/bank-result`;
    const content = [
      '序号,收款账号,金额,处理结果,银行附言',
      `1,${accounts[0]},300.00,成功,`,
      `2,${accounts[1]},351.00,失败,户名与账号不符`,
      '合计,2,651.00',
    ].join('\r\n');
    const res = await ctx.as(staff).post(url, { content });
    expect(res.statusCode).toBe(200);
    const settled = json<Batch>(res);
    expect(settled.status).toBe('settled');
    expect(settled.lines.map((l) => [l.status, l.bankMessage])).toEqual([
      ['paid', null],
      ['failed', '户名与账号不符'],
    ]);
    const paid = json<Statement>(
      await ctx.as(statements[0]!.worker.token).get(`/api/v1/app/wages/${statements[0]!.id}`),
    );
    expect(paid).toMatchObject({ status: 'paid', payment: { amountFen: 30_000, reference: `${batch.number}-1` } });
    const failed = json<Statement>(await ctx.as(owner.token).get(`/api/v1/app/wages/${statements[1]!.id}`));
    expect(failed.status).toBe('confirmed');
    expect(json<Err>(await ctx.as(staff).post(url, { content })).error.message).toBe('该批次已导入银行回单');
    const received = json<Statement>(
      await ctx.as(statements[0]!.worker.token).post(`/api/v1/app/wages/${statements[0]!.id}/receive`),
    );
    expect(received.status).toBe('received');
    // The failed line's statement may go into a new batch.
    const retry = await ctx.as(staff).post('/api/v1/admin/wage-batches', { statementIds: [statements[1]!.id] });
    expect(retry.statusCode).toBe(201);
  });
});

describe('overdue → wage grievance filed for the worker, escalated, outbox for the province', () => {
  it('files once past pay day + grace, climbs the ladder, and queues exchange records', async () => {
    const { grievances } = await import('../src/modules/grievances/grievances.schema.js');
    const { creditEvents } = await import('../src/modules/credit/credit.schema.js');
    const { backgroundJobs } = await import('../src/platform/queue/queue.schema.js');
    const { sweepOverdueWages, EXCHANGE_WAGE_GRIEVANCE } = await import('../src/modules/wages/index.js');
    const h = await hireAt({ agreedWageFen: 15_000, payWithinDays: 1 });
    await twoDays(h.appId, h.jobId, h.worker);
    ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
    const s = json<Statement>(
      await ctx.as(owner.token).post(`/api/v1/app/applications/${h.appId}/wage-statements`, {
        periodStart: day(1),
        periodEnd: day(2),
      }),
    );
    await ctx.as(owner.token).post(`/api/v1/app/wages/${s.id}/issue`);
    expect(s.dueDate).toBe(day(3));
    const at = (days: number) => new Date(`${day(3)}T12:00:00+08:00`).getTime() + days * 86_400_000;
    // Pay day + 3 grace days not yet passed: nothing.
    const levels = async () =>
      (await db().select().from(wageEscalations).where(eq(wageEscalations.statementId, s.id))).map((e) => e.level);
    await sweepOverdueWages(db(), ctx.deps.pii, new Date(at(3)));
    expect(await levels()).toEqual([]);
    const filedAt = new Date(at(4));
    expect((await sweepOverdueWages(db(), ctx.deps.pii, filedAt)).filed).toBeGreaterThanOrEqual(1);
    expect((await sweepOverdueWages(db(), ctx.deps.pii, filedAt)).filed).toBe(0);
    const [g] = await db().select().from(grievances).where(eq(grievances.applicationId, h.appId));
    expect(g).toMatchObject({
      kind: 'wage_arrears',
      filerSide: 'worker',
      filerUserId: h.worker.userId,
      status: 'submitted',
    });
    const credit = await db().select().from(creditEvents).where(eq(creditEvents.refId, s.id));
    expect(credit.map((c) => [c.kind, c.subjectId])).toEqual([['wage_overdue', employerId]]);
    expect(await levels()).toEqual(['station']);
    await sweepOverdueWages(db(), ctx.deps.pii, new Date(filedAt.getTime() + 3 * 86_400_000));
    expect(await levels()).toEqual(['station', 'county']);
    await sweepOverdueWages(db(), ctx.deps.pii, new Date(filedAt.getTime() + 10 * 86_400_000));
    expect(await levels()).toEqual(['station', 'county', 'inspection']);
    expect((await sweepOverdueWages(db(), ctx.deps.pii, new Date(filedAt.getTime() + 11 * 86_400_000))).escalated).toBe(
      0,
    );
    const outbox = await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, EXCHANGE_WAGE_GRIEVANCE));
    const mine = outbox.filter((j) => j.payload.statementId === s.id);
    expect(mine.map((j) => [j.payload.level, j.payload.target, j.state])).toEqual([
      ['station', 'gx_szrs', 'queued'],
      ['county', 'gx_szrs', 'queued'],
      ['inspection', 'gx_szrs', 'queued'],
    ]);
    ctx.clock.now = new Date(filedAt.getTime() + 11 * 86_400_000);
    const staff = await staffToken(ctx, { roles: ['counter_staff'], regionCode: '450223000000' });
    const page = json<{ items: Statement[] & { grievanceId: string }[] }>(
      await ctx.as(staff).get('/api/v1/admin/wages?overdue=true'),
    );
    const row = page.items.find((i) => i.id === s.id) as unknown as {
      overdue: boolean;
      grievanceId: string;
      escalations: { levelLabel: string }[];
    };
    expect(row).toMatchObject({ overdue: true, grievanceId: g!.id });
    expect(row.escalations.map((e) => e.levelLabel)).toEqual(['零工驿站', '县就业服务中心', '劳动保障监察']);
    // 数据交换 shows the outbox records, newest first, in the staff member's region only.
    type Outbox = { items: { statementId: string; levelLabel: string; state: string; amountFen: number }[] };
    const outboxOf = async (token: string) =>
      json<Outbox>(await ctx.as(token).get('/api/v1/admin/wages/exchange-outbox')).items.filter(
        (i) => i.statementId === s.id,
      );
    expect((await outboxOf(staff)).map((i) => [i.levelLabel, i.state, i.amountFen])).toEqual([
      ['劳动保障监察', 'queued', 30_000],
      ['县就业服务中心', 'queued', 30_000],
      ['零工驿站', 'queued', 30_000],
    ]);
    expect(await outboxOf(await staffToken(ctx, { roles: ['supervisor'], regionCode: TOWNS.zhaisha }))).toEqual([]);
    // The dashboard reads the rollups, rebuilt by the scheduled job; here at the test clock.
    await refreshWageFigures(db(), ctx.clock.now);
    const figures = json<{
      refreshedAt: string | null;
      overdueCount: number;
      overdueFen: number;
      settledFen: number;
      disputesResolved: number;
      medianDaysToPay: number | null;
    }>(await ctx.as(staff).get('/api/v1/admin/wages/figures'));
    expect(figures.overdueCount).toBe(page.items.length);
    expect(figures.overdueFen).toBe(page.items.reduce((sum, i) => sum + (i as unknown as Statement).totalFen, 0));
    expect(figures.settledFen).toBeGreaterThanOrEqual(30_000);
    expect(figures.disputesResolved).toBe(1);
    expect(figures.medianDaysToPay).not.toBeNull();
    expect(figures.refreshedAt).toBe(ctx.clock.now.toISOString());
    const file = await ctx.as(staff).get('/api/v1/admin/wages/export?overdue=true');
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('薪酬台账');
    expect((sheet?.getRow(1).values as string[]).slice(1, 5)).toEqual(['序号', '用工主体', '岗位', '工人']);
    expect(sheet?.rowCount).toBe(page.items.length + 1);
  });

  it('workers see the employer’s on-time pay rate on the job detail, from its credit ledger', async () => {
    const { creditEvents } = await import('../src/modules/credit/credit.schema.js');
    const kinds = (await db().select().from(creditEvents).where(eq(creditEvents.subjectId, employerId))).map(
      (e) => e.kind,
    );
    const onTime = kinds.filter((k) => k === 'wage_paid_on_time').length;
    const overdue = kinds.filter((k) => k === 'wage_overdue').length;
    expect(onTime).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    ctx.clock.now = new Date(); // earlier tests moved the clock past the default posting dates
    type Detail = { employer: { wagesPaidOnTime: number; wagesOverdue: number; onTimePayRate: number | null } };
    const jobId = await postJob(ctx, owner.token, employerId, porter, { title: '建材装卸工' });
    expect(json<Detail>(await ctx.anon.get(`/api/v1/public/jobs/${jobId}`)).employer).toMatchObject({
      wagesPaidOnTime: onTime,
      wagesOverdue: overdue,
      onTimePayRate: Math.round((onTime * 100) / (onTime + overdue)),
    });
    // An employer with no settled statement shows none (the app says 暂无发薪记录).
    const other = await appUser(ctx);
    const otherEmployer = await makeEmployer(ctx, { ownerUserId: other.userId, townCode: TOWNS.zhongdu });
    const fresh = await postJob(ctx, other.token, otherEmployer, porter, { title: '仓库搬运工' });
    expect(json<Detail>(await ctx.anon.get(`/api/v1/public/jobs/${fresh}`)).employer).toMatchObject({
      wagesPaidOnTime: 0,
      wagesOverdue: 0,
      onTimePayRate: null,
    });
  });

  it('the acceptance pack carries the 薪酬台账 of the period, region-scoped', async () => {
    const JSZip = (await import('jszip')).default;
    const ExcelJS = (await import('exceljs')).default;
    const staff = await staffToken(ctx, { roles: ['admin'], regionCode: '450223000000' });
    const [from, to] = [day(-40), day(40)];
    const ledger = json<{ items: Statement[] }>(await ctx.as(staff).get('/api/v1/admin/wages?pageSize=100')).items;
    const inPeriod = ledger.filter((s) => s.periodEnd >= from && s.periodEnd <= to);
    expect(inPeriod.length).toBeGreaterThan(0);
    const sheetRows = async (token: string) => {
      const res = await ctx.as(token).get(`/api/v1/admin/kpi/acceptance-pack?from=${from}&to=${to}`);
      expect(res.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await zip.file('14-薪酬台账.xlsx')!.async('arraybuffer')) as ArrayBuffer);
      const sheet = book.getWorksheet('薪酬台账')!;
      return { header: (sheet.getRow(1).values as string[]).slice(1, 5), count: sheet.rowCount - 1 };
    };
    expect(await sheetRows(staff)).toEqual({ header: ['序号', '用工主体', '岗位', '工人'], count: inPeriod.length });
    const elsewhere = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.luzhai });
    expect((await sheetRows(elsewhere)).count).toBe(0);
  });
});
