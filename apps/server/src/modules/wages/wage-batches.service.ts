import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { shanghaiDay } from '../../platform/reporting/index.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { assertReadableRegion, requirePermission, type StaffActor, type UserActor } from '../../platform/rbac/actor.js';
import { findWorkerByUserId, findWorkersByIds } from '../workers/index.js';
import { yuan } from './wage-calc.js';
import { entrustedPaymentProvider } from './payment-provider.js';
import { payInTx } from './wage-payments.service.js';
import { drawForBatch, returnFailedLines } from './wage-deposits.service.js';
import type { Meta, WagesDeps } from './wages.service.js';
import { wageBatches, wageBatchLines, wageStatements, workerBankAccounts } from './wages.schema.js';

type BatchRow = typeof wageBatches.$inferSelect;
type BatchLineRow = typeof wageBatchLines.$inferSelect;

const maskAccount = (last4: string) => `**** **** **** ${last4}`;

// ---- the worker's account ----

export async function setBankAccount(
  deps: WagesDeps,
  actor: UserActor,
  body: { bankName: string; accountNumber: string },
) {
  const worker = await findWorkerByUserId(deps.db, actor.id);
  if (!worker) throw new AppError('PROFILE_REQUIRED');
  const values = {
    bankName: body.bankName,
    accountEnc: deps.pii.encrypt(body.accountNumber),
    accountLast4: body.accountNumber.slice(-4),
    updatedAt: deps.now(),
  };
  await deps.db
    .insert(workerBankAccounts)
    .values({ workerId: worker.id, ...values })
    .onConflictDoUpdate({ target: workerBankAccounts.workerId, set: values });
  return getBankAccount(deps, actor);
}

export async function getBankAccount(deps: WagesDeps, actor: UserActor) {
  const worker = await findWorkerByUserId(deps.db, actor.id);
  if (!worker) return { account: null };
  const [row] = await deps.db.select().from(workerBankAccounts).where(eq(workerBankAccounts.workerId, worker.id));
  return {
    account: row
      ? { bankName: row.bankName, maskedAccount: maskAccount(row.accountLast4), updatedAt: row.updatedAt.toISOString() }
      : null,
  };
}

// ---- batches ----

async function loadBatch(db: DbOrTx, actor: StaffActor, id: string): Promise<BatchRow> {
  const [batch] = await db.select().from(wageBatches).where(eq(wageBatches.id, id));
  if (!batch) throw new AppError('NOT_FOUND', { message: '批次不存在' });
  assertReadableRegion(actor, batch.regionCode);
  return batch;
}

async function linesOf(db: DbOrTx, batchId: string): Promise<BatchLineRow[]> {
  return db.select().from(wageBatchLines).where(eq(wageBatchLines.batchId, batchId)).orderBy(wageBatchLines.lineNo);
}

/** Lines with payee, bank and account (full only when `full`, for the bank file; masked otherwise). */
async function payeesOf(deps: WagesDeps, lines: BatchLineRow[], full: boolean) {
  const statements = lines.length
    ? await deps.db
        .select()
        .from(wageStatements)
        .where(
          inArray(
            wageStatements.id,
            lines.map((l) => l.statementId),
          ),
        )
    : [];
  const workerOf = new Map(statements.map((s) => [s.id, s.workerId]));
  const workerIds = [...new Set(statements.map((s) => s.workerId))];
  const [workers, accounts] = [
    await findWorkersByIds(deps.db, workerIds),
    workerIds.length
      ? await deps.db.select().from(workerBankAccounts).where(inArray(workerBankAccounts.workerId, workerIds))
      : [],
  ];
  const names = new Map(workers.map((w) => [w.id, deps.pii.decrypt(w.nameEnc)]));
  const accountOf = new Map(accounts.map((a) => [a.workerId, a]));
  return lines.map((l) => {
    const workerId = workerOf.get(l.statementId) ?? '';
    const account = accountOf.get(workerId);
    return {
      line: l,
      workerName: names.get(workerId) ?? '',
      bankName: account?.bankName ?? '',
      account: account ? (full ? deps.pii.decrypt(account.accountEnc) : maskAccount(account.accountLast4)) : '',
    };
  });
}

async function presentBatch(deps: WagesDeps, batch: BatchRow) {
  const payees = await payeesOf(deps, await linesOf(deps.db, batch.id), false);
  return {
    id: batch.id,
    number: batch.number,
    status: batch.status,
    lineCount: batch.lineCount,
    totalFen: batch.totalFen,
    createdAt: batch.createdAt.toISOString(),
    settledAt: batch.settledAt?.toISOString() ?? null,
    lines: payees.map((p) => ({
      lineNo: p.line.lineNo,
      statementId: p.line.statementId,
      workerName: p.workerName,
      bankName: p.bankName,
      maskedAccount: p.account,
      amountFen: p.line.amountFen,
      status: p.line.status,
      bankMessage: p.line.bankMessage,
    })),
  };
}

export async function getBatch(deps: WagesDeps, actor: StaffActor, id: string) {
  requirePermission(actor, 'wages.read');
  return presentBatch(deps, await loadBatch(deps.db, actor, id));
}

/**
 * 委托结算批次: staff gather confirmed statements of their region whose workers gave a bank
 * account. A statement already in an unsettled or paid batch line cannot join another.
 */
export async function createBatch(deps: WagesDeps, actor: StaffActor, statementIds: string[], meta: Meta) {
  requirePermission(actor, 'wages.write');
  const ids = [...new Set(statementIds)];
  const now = deps.now();
  const batch = await deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(wageStatements).where(inArray(wageStatements.id, ids)).for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const accounts = rows.length
      ? await tx
          .select()
          .from(workerBankAccounts)
          .where(
            inArray(
              workerBankAccounts.workerId,
              rows.map((r) => r.workerId),
            ),
          )
      : [];
    const withAccount = new Set(accounts.map((a) => a.workerId));
    const busy = new Set(
      (
        await tx
          .select({ id: wageBatchLines.statementId })
          .from(wageBatchLines)
          .where(and(inArray(wageBatchLines.statementId, ids), inArray(wageBatchLines.status, ['pending', 'paid'])))
      ).map((r) => r.id),
    );
    const problems: FieldError[] = [];
    ids.forEach((id, i) => {
      const row = byId.get(id);
      const field = `statementIds.${i}`;
      if (!row) return problems.push({ field, message: '工资单不存在' });
      try {
        assertReadableRegion(actor, row.townCode);
      } catch {
        return problems.push({ field, message: '工资单不存在' });
      }
      if (row.status !== 'confirmed')
        return problems.push({ field, message: '只有工人已确认、未支付的工资单可以委托结算' });
      if (busy.has(id)) return problems.push({ field, message: '该工资单已在其他结算批次中' });
      if (!withAccount.has(row.workerId)) return problems.push({ field, message: '工人尚未登记工资代发账户' });
      return undefined;
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
    const totalFen = ids.reduce((s, id) => s + (byId.get(id)?.totalFen ?? 0), 0);
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(wageBatches)
      .values({
        id,
        number: `DF${shanghaiDay(now).replaceAll('-', '')}${id.slice(0, 6).toUpperCase()}`,
        regionCode: actor.regionCode,
        status: 'exported',
        lineCount: ids.length,
        totalFen,
        createdByStaffId: actor.id,
        createdAt: now,
      })
      .returning();
    const inserted = await tx
      .insert(wageBatchLines)
      .values(
        ids.map((sid, i) => ({
          batchId: id,
          lineNo: i + 1,
          statementId: sid,
          amountFen: byId.get(sid)?.totalFen ?? 0,
          status: 'pending' as const,
        })),
      )
      .returning();
    // 保证金: each line draws from its employer's deposit; a shortfall refuses the whole batch.
    await drawForBatch(
      tx,
      { id, regionCode: actor.regionCode },
      inserted.map((l) => ({ lineId: l.id, employerId: byId.get(l.statementId)!.employerId, amountFen: l.amountFen })),
      actor.id,
      now,
    );
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'wage.batch.create',
      entity: 'wage_batch',
      entityId: id,
      regionCode: actor.regionCode,
      details: { lineCount: ids.length, totalFen },
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
    });
    return created as BatchRow;
  });
  return presentBatch(deps, batch);
}

const CSV_HEADER = ['序号', '收款人姓名', '收款银行', '收款账号', '金额(元)', '用途'];
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * 代发工资 batch file for the bank (CSV, UTF-8 with BOM so Excel opens it): one line per payee
 * with the full account number, then a 合计 line (count, total). Every export is audited.
 */
export async function exportBatchFile(deps: WagesDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'wages.write');
  const batch = await loadBatch(deps.db, actor, id);
  const payees = await payeesOf(deps, await linesOf(deps.db, id), true);
  const rows = [
    CSV_HEADER,
    ...payees.map((p) => [
      String(p.line.lineNo),
      p.workerName,
      p.bankName,
      p.account,
      yuanFixed(p.line.amountFen),
      `工资 ${batch.number}`,
    ]),
    ['合计', `${batch.lineCount}`, '', '', yuanFixed(batch.totalFen), ''],
  ];
  await writeAudit(deps.db, {
    actor: { kind: 'staff', id: actor.id },
    action: 'wage.batch.export',
    entity: 'wage_batch',
    entityId: id,
    regionCode: batch.regionCode,
    details: { lineCount: batch.lineCount, totalFen: batch.totalFen },
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  });
  return {
    name: `代发工资_${batch.number}`,
    buffer: Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`),
  };
}

/** '300.00': the bank file always shows two decimals. */
function yuanFixed(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** '300', '300.5', '300.50' → fen; null when not a non-negative amount with at most 2 decimals. */
function parseFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Import the bank's result file (序号,收款账号,金额(元),处理结果,银行附言; then 合计,笔数,总金额).
 * Refused whole, naming the line, on an unknown or duplicate 序号, a wrong account or amount, a
 * missing line, or a 合计 that disagrees with the lines or the batch. Otherwise each 成功 line
 * records an entrusted payment (idempotency key = batch + line, so a re-import records nothing
 * twice) and each 失败 line keeps the bank's message; the statement stays payable.
 */
export async function importBatchResult(deps: WagesDeps, actor: StaffActor, id: string, content: string, meta: Meta) {
  requirePermission(actor, 'wages.write');
  const batch = await loadBatch(deps.db, actor, id);
  if (batch.status !== 'exported') throw new AppError('INVALID_STATE', { message: '该批次已导入银行回单' });
  const lines = await linesOf(deps.db, id);
  const payees = new Map((await payeesOf(deps, lines, true)).map((p) => [p.line.lineNo, p]));
  const problems: FieldError[] = [];
  const seen = new Set<number>();
  const results: { lineNo: number; ok: boolean; message: string }[] = [];
  let sumFen = 0;
  let totalLine: { row: number; count: number | null; fen: number | null } | null = null;
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, i) => {
      const row = i + 1;
      if (!text.trim()) return;
      const cells = parseCsvLine(text);
      if (cells[0] === '序号') return;
      if (cells[0] === '合计') {
        totalLine = {
          row,
          count: Number.isInteger(Number(cells[1])) ? Number(cells[1]) : null,
          fen: parseFen(cells[2] ?? ''),
        };
        return;
      }
      const lineNo = Number(cells[0]);
      const payee = payees.get(lineNo);
      if (!Number.isInteger(lineNo) || !payee)
        return problems.push({ row, field: '序号', message: `第${row}行：序号“${cells[0]}”不在本批次中` });
      if (seen.has(lineNo)) return problems.push({ row, field: '序号', message: `第${row}行：序号${lineNo}重复` });
      seen.add(lineNo);
      if ((cells[1] ?? '') !== payee.account)
        problems.push({ row, field: '收款账号', message: `第${row}行：收款账号与批次第${lineNo}笔不符` });
      const fen = parseFen(cells[2] ?? '');
      if (fen === null) problems.push({ row, field: '金额', message: `第${row}行：金额格式不正确` });
      else {
        sumFen += fen;
        if (fen !== payee.line.amountFen)
          problems.push({
            row,
            field: '金额',
            message: `第${row}行：金额${yuan(fen)}元与批次不符（应为${yuan(payee.line.amountFen)}元）`,
          });
      }
      const result = cells[3] ?? '';
      if (result !== '成功' && result !== '失败')
        return problems.push({ row, field: '处理结果', message: `第${row}行：处理结果应为“成功”或“失败”` });
      results.push({ lineNo, ok: result === '成功', message: cells[4] ?? '' });
      return undefined;
    });
  for (const l of lines)
    if (!seen.has(l.lineNo)) problems.push({ field: '序号', message: `回单缺少第${l.lineNo}笔的结果` });
  const total = totalLine as { row: number; count: number | null; fen: number | null } | null;
  if (!total) problems.push({ field: '合计', message: '回单缺少“合计”行' });
  else {
    if (total.fen !== sumFen || total.fen !== batch.totalFen)
      problems.push({
        row: total.row,
        field: '合计',
        message: `第${total.row}行：合计金额与明细或批次总额${yuan(batch.totalFen)}元不符`,
      });
    if (total.count !== batch.lineCount)
      problems.push({ row: total.row, field: '合计', message: `第${total.row}行：合计笔数应为${batch.lineCount}` });
  }
  if (problems.length) throw new AppError('IMPORT_FAILED', { details: problems });

  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(wageBatches).where(eq(wageBatches.id, id)).for('update');
    if (locked?.status !== 'exported') throw new AppError('INVALID_STATE', { message: '该批次已导入银行回单' });
    for (const r of results) {
      const line = payees.get(r.lineNo)?.line as BatchLineRow;
      if (r.ok)
        await payInTx(
          tx,
          entrustedPaymentProvider,
          { side: 'staff', id: actor.id },
          line.statementId,
          { method: 'entrusted', reference: `${batch.number}-${r.lineNo}`, idempotencyKey: `batch:${id}:${r.lineNo}` },
          now,
          meta,
        );
      await tx
        .update(wageBatchLines)
        .set({ status: r.ok ? 'paid' : 'failed', bankMessage: r.message || null })
        .where(eq(wageBatchLines.id, line.id));
    }
    const failed = results.filter((r) => !r.ok).map((r) => (payees.get(r.lineNo)?.line as BatchLineRow).id);
    await returnFailedLines(tx, id, failed, actor.id, now);
    await tx.update(wageBatches).set({ status: 'settled', settledAt: now }).where(eq(wageBatches.id, id));
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'wage.batch.result',
      entity: 'wage_batch',
      entityId: id,
      regionCode: batch.regionCode,
      details: { paid: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length },
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
    });
  });
  return presentBatch(deps, (await loadBatch(deps.db, actor, id)) as BatchRow);
}
