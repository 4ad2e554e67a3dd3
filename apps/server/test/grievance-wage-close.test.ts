import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grievances } from '../src/modules/grievances/grievances.schema.js';
import { notifications } from '../src/modules/notifications/notifications.schema.js';
import { sweepOverdueWages } from '../src/modules/wages/index.js';
import { wageStatementEvents, wageStatements } from '../src/modules/wages/wages.schema.js';
import { auditLog } from '../src/platform/audit/audit.schema.js';
import {
  actAs,
  buildPair,
  createTestApp,
  dayFromToday,
  fileAs,
  issuedWageCase,
  json,
  makeStaff,
  staffToken,
  TOWNS,
  type Pair,
  type TestContext,
} from './support/index.js';

// 欠薪投诉: the wage case file in the grievance drawer and closing with an outcome (调解后已支付 /
// 移送劳动保障监察 / 撤回), optionally correcting a statement of the hire (调解更正).

type Err = { error: { code: string; message: string; details?: { field: string; message: string }[] } };
type CaseFile = {
  agreement: Record<string, unknown>;
  attendance: { days: number; minutes: number; firstDay: string | null; lastDay: string | null };
  statements: { id: string; status: string; totalFen: number; version: number; lines: unknown[] }[];
  payments: { statementId: string; method: string; methodLabel: string; amountFen: number }[];
};
type Detail = {
  status: string;
  wageOutcome: string | null;
  wageOutcomeLabel: string | null;
  resolution: string | null;
  escalationReason: string | null;
  events: { toStatus: string; note: string | null }[];
};

let ctx: TestContext;
let county: { token: string; id: string };
let pair: Pair;

beforeAll(async () => {
  ctx = await createTestApp();
  // Statements cover days 1-2 from today and must end before "today" (sessions start after this).
  ctx.clock.now = new Date(Date.now() + 3 * 86_400_000);
  county = await makeStaff(ctx, { roles: ['counter_staff'] });
  pair = await buildPair(ctx, { townCode: TOWNS.zhongdu, workerName: '覃秀英', employerName: '中渡建材有限公司' });
});
afterAll(async () => ctx?.close());

const db = () => ctx.deps.database.db;
const caseFile = (token: string, id: string) => ctx.as(token).get(`/api/v1/admin/grievances/${id}/wage-case`);
const detail = async (id: string) => json<Detail>(await ctx.as(county.token).get(`/api/v1/admin/grievances/${id}`));
const statementRow = async (id: string) =>
  (await db().select().from(wageStatements).where(eq(wageStatements.id, id)))[0]!;

/** An issued (or confirmed) statement and the worker's wage grievance on the hire, accepted by the county. */
async function openCase(opts: { confirm?: boolean; kind?: string } = {}) {
  const wage = await issuedWageCase(ctx, pair, opts);
  const filed = await fileAs(ctx, pair.worker.token, wage.applicationId, {
    kind: opts.kind ?? 'wage_arrears',
    content: '两天的工钱一直没有结',
  });
  const grievanceId = json<{ id: string }>(filed).id;
  expect((await actAs(ctx, county.token, grievanceId, { action: 'accept' })).statusCode).toBe(200);
  return { ...wage, grievanceId };
}

describe('the wage case file', () => {
  it('shows the agreed terms, attendance, statements and payments, in scope only', async () => {
    const c = await openCase({ confirm: true });
    const paid = await ctx.as(pair.owner.token).post(`/api/v1/app/wages/${c.statementId}/payments`, {
      method: 'bank_transfer',
      reference: 'TX20260001',
      idempotencyKey: `pay-${c.statementId}`,
    });
    expect(paid.statusCode).toBe(200);
    const res = await caseFile(county.token, c.grievanceId);
    expect(res.statusCode).toBe(200);
    const file = json<CaseFile>(res);
    expect(file.agreement).toMatchObject({
      rateFen: 16_000,
      unit: 'day',
      unitLabel: '天',
      settlement: 'daily',
      settlementLabel: '日结',
      payWithinDays: 2,
      number: expect.stringMatching(/^LZXY-/),
    });
    expect(file.attendance).toEqual({ days: 2, minutes: 1_080, firstDay: dayFromToday(1), lastDay: dayFromToday(2) });
    expect(file.statements).toEqual([
      expect.objectContaining({
        id: c.statementId,
        status: 'paid',
        statusLabel: '已支付',
        baseFen: 32_000,
        deductionsFen: 1_000,
        totalFen: 31_000,
        quantityText: '2天',
        lines: [{ kind: 'deduction', amountFen: 1_000, reason: '迟到扣款' }],
      }),
    ]);
    expect(file.payments).toEqual([
      expect.objectContaining({
        statementId: c.statementId,
        method: 'bank_transfer',
        methodLabel: '银行转账',
        amountFen: 31_000,
      }),
    ]);
    // Only the columns shown: no ids of people, no bank accounts.
    expect(JSON.stringify(file)).not.toMatch(/workerId|employerId|account/);

    const agent = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    expect((await caseFile(agent, c.grievanceId)).statusCode).toBe(200);
    const otherTown = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    expect((await caseFile(otherTown, c.grievanceId)).statusCode).toBe(404);
    expect((await ctx.anon.get(`/api/v1/admin/grievances/${c.grievanceId}/wage-case`)).statusCode).toBe(401);
    expect((await caseFile(county.token, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('does not exist for a grievance of another kind', async () => {
    const c = await openCase({ kind: 'safety' });
    const res = await caseFile(county.token, c.grievanceId);
    expect(res.statusCode).toBe(404);
    expect(json<Err>(res).error.message).toBe('该投诉不是拖欠工资类投诉，没有工资案卷');
  });
});

describe('closing a wage grievance with its outcome', () => {
  it.each([
    ['paid_after_mediation', 'resolved', '调解后已支付'],
    ['referred_to_inspection', 'escalated', '移送劳动保障监察'],
    ['withdrawn', 'resolved', '撤回'],
  ] as const)('%s closes it as %s, audited, told to both sides, in the export', async (outcome, status, label) => {
    const c = await openCase();
    const note = '经驿站调解，双方当面核对考勤';
    const res = await actAs(ctx, county.token, c.grievanceId, { action: 'close_wage', outcome, note });
    expect(res.statusCode).toBe(200);
    const done = json<Detail>(res);
    expect(done).toMatchObject({ status, wageOutcome: outcome, wageOutcomeLabel: label });
    const text = status === 'escalated' ? done.escalationReason : done.resolution;
    expect(text).toBe(`${label}：${note}`);
    expect(done.events.at(-1)).toMatchObject({ toStatus: status, note: `${label}：${note}` });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.grievanceId), eq(auditLog.action, 'close_wage')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: 'staff', actorId: county.id });
    expect(audits[0]!.details).toMatchObject({ outcome, correction: null });
    const told = await db().select().from(notifications).where(eq(notifications.refId, c.grievanceId));
    expect(
      told
        .filter((n) => n.body.includes(`${label}：${note}`))
        .map((n) => n.userId)
        .sort(),
    ).toEqual([pair.worker.userId, pair.owner.userId].sort());
    // The statement is untouched without a correction.
    expect(await statementRow(c.statementId)).toMatchObject({ status: 'issued', version: 1 });

    const file = await ctx.as(county.token).get(`/api/v1/admin/grievances/export?kind=wage_arrears`);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file.rawPayload).buffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).indexOf('欠薪结案结果');
    expect(header).toBeGreaterThan(0);
    const cells: unknown[] = [];
    sheet.eachRow((row) => cells.push(row.getCell(header).value));
    expect(cells).toContain(label);
  });

  it('the filer withdrawing a wage grievance records 撤回', async () => {
    const c = await openCase();
    const res = await ctx.as(pair.worker.token).post(`/api/v1/app/grievances/${c.grievanceId}/withdraw`, {
      reason: '老板已经结清了',
    });
    expect(res.statusCode).toBe(200);
    expect(await detail(c.grievanceId)).toMatchObject({ status: 'resolved', wageOutcome: 'withdrawn' });
  });

  it('may correct a statement of the hire: back to 待确认 (version 2) for the worker, audited, one transaction', async () => {
    const c = await openCase({ confirm: true });
    const res = await actAs(ctx, county.token, c.grievanceId, {
      action: 'close_wage',
      outcome: 'paid_after_mediation',
      note: '调解后用工方同意补发加班费',
      correction: {
        statementId: c.statementId,
        lines: [{ kind: 'addition', amountFen: 4_000, reason: '加班半天' }],
        reason: '迟到扣款不成立，补发加班费',
      },
    });
    expect(res.statusCode).toBe(200);
    const done = json<Detail>(res);
    expect(done.resolution).toContain('310.00元→360.00元');
    expect(await statementRow(c.statementId)).toMatchObject({
      status: 'issued',
      version: 2,
      additionsFen: 4_000,
      deductionsFen: 0,
      totalFen: 36_000,
      grievanceId: c.grievanceId,
    });
    // Linked to this grievance: the overdue sweep files no second one for the old pay day.
    await sweepOverdueWages(db(), ctx.deps.pii, new Date(Date.now() + 12 * 86_400_000));
    const filed = await db().select().from(grievances).where(eq(grievances.applicationId, c.applicationId));
    expect(filed.map((g) => g.id)).toEqual([c.grievanceId]);
    const events = await db()
      .select()
      .from(wageStatementEvents)
      .where(eq(wageStatementEvents.statementId, c.statementId));
    expect(events.at(-1)).toMatchObject({
      action: 'mediate',
      fromStatus: 'confirmed',
      toStatus: 'issued',
      actorSide: 'staff',
      actorId: county.id,
      note: '迟到扣款不成立，补发加班费',
      totalFen: 36_000,
    });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'wage_statement'), eq(auditLog.entityId, c.statementId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'mediate', actorId: county.id });
    expect(audit[0]!.details).toMatchObject({ beforeFen: 31_000, afterFen: 36_000, grievanceId: c.grievanceId });
    // The worker confirms the corrected amount; the case file shows the new lines.
    expect((await ctx.as(pair.worker.token).post(`/api/v1/app/wages/${c.statementId}/confirm`)).statusCode).toBe(200);
    const file = json<CaseFile>(await caseFile(county.token, c.grievanceId));
    expect(file.statements[0]).toMatchObject({ status: 'confirmed', version: 2, totalFen: 36_000 });
  });
});

describe('bad input changes nothing', () => {
  const close = (id: string, body: Record<string, unknown>) =>
    actAs(ctx, county.token, id, { action: 'close_wage', note: '经调解双方达成一致', ...body });

  it('names the field in Chinese and leaves the grievance and statement as they were', async () => {
    const c = await openCase({ confirm: true });
    const other = await issuedWageCase(ctx, pair);
    const line = (amountFen: unknown) => [{ kind: 'addition', amountFen, reason: '补发' }];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ outcome: 'paid' }, 'outcome', '结案结果应为 调解后已支付/移送劳动保障监察/撤回'],
      [{ outcome: 'withdrawn', note: '好' }, 'note', '处理说明至少5个字'],
      [
        {
          outcome: 'paid_after_mediation',
          correction: { statementId: c.statementId, lines: line(-500), reason: '补发' },
        },
        'correction.lines.0.amountFen',
        '金额应大于0',
      ],
      [
        { outcome: 'paid_after_mediation', correction: { statementId: c.statementId, lines: line(500), reason: '' } },
        'correction.reason',
        '更正原因至少2个字',
      ],
      [
        {
          outcome: 'paid_after_mediation',
          correction: { statementId: other.statementId, lines: line(500), reason: '补发工钱' },
        },
        'correction.statementId',
        '该工资单不属于本投诉涉及的用工',
      ],
      [
        {
          outcome: 'paid_after_mediation',
          correction: {
            statementId: c.statementId,
            lines: [{ kind: 'deduction', amountFen: 9_000, reason: '损坏工具' }],
            reason: '按用工方意见扣款',
          },
        },
        'correction.lines',
        '扣款合计90元，超过应发工资的20%（最多64元）',
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await close(c.grievanceId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json<Err>(res).error.details).toContainEqual({ field, message });
    }
    expect(await detail(c.grievanceId)).toMatchObject({ status: 'accepted', wageOutcome: null });
    expect(await statementRow(c.statementId)).toMatchObject({ status: 'confirmed', version: 1, totalFen: 31_000 });
    expect(await statementRow(other.statementId)).toMatchObject({ status: 'issued', version: 1 });
  });

  it('refuses a paid statement (rolled back) and a wage outcome on a non-wage grievance', async () => {
    const c = await openCase({ confirm: true });
    await ctx.as(pair.owner.token).post(`/api/v1/app/wages/${c.statementId}/payments`, {
      method: 'cash',
      idempotencyKey: `cash-${c.statementId}`,
    });
    const paid = await close(c.grievanceId, {
      outcome: 'paid_after_mediation',
      correction: { statementId: c.statementId, lines: [], reason: '去掉扣款' },
    });
    expect(paid.statusCode).toBe(409);
    expect(json<Err>(paid).error.message).toBe('只有未支付的已发出工资单（待确认、待支付、有异议）可以在调解中更正');
    const [row] = await db().select().from(grievances).where(eq(grievances.id, c.grievanceId));
    expect(row).toMatchObject({ status: 'accepted', wageOutcome: null, resolution: null });

    const safety = await openCase({ kind: 'safety' });
    const res = await close(safety.grievanceId, { outcome: 'paid_after_mediation' });
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.details).toEqual([
      { field: 'outcome', message: '只有“拖欠工资”类投诉可以按欠薪结果结案，请使用办结或移交' },
    ]);
    expect(await detail(safety.grievanceId)).toMatchObject({ status: 'accepted', wageOutcome: null });

    // Another town's agent cannot close; an already-closed grievance cannot be closed again.
    const otherTown = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    const outside = await actAs(ctx, otherTown, c.grievanceId, {
      action: 'close_wage',
      outcome: 'withdrawn',
      note: '双方和解撤回',
    });
    expect(outside.statusCode).toBe(404);
    expect((await close(c.grievanceId, { outcome: 'withdrawn' })).statusCode).toBe(200);
    const again = await close(c.grievanceId, { outcome: 'withdrawn' });
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toBe('该投诉当前为“已办结”，不能以“撤回”结案');
  });
});
