// 委托结算保证金: staff record an employer's deposits and refunds; batches draw from the balance
// and failed bank lines give it back. The balance is maintained on every entry, never recomputed.
import type { DepositAccountQuery, RecordDepositBody } from '@lingong/contracts';
import { DEPOSIT_ENTRY_LABELS } from '@lingong/contracts';
import { and, count, desc, eq, gte, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import {
  assertReadableRegion,
  assertWritableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { paged, shanghaiDay } from '../../platform/reporting/index.js';
import { findStaffNames } from '../accounts/index.js';
import { findEmployerById, findEmployerNames } from '../employers/index.js';
import { yuan } from './wage-calc.js';
import { employerDepositAccounts as accounts, employerDepositEntries as entries } from './wage-deposits.schema.js';
import type { Meta, WagesDeps } from './wages.service.js';
import { wageBatches } from './wages.schema.js';

type AccountRow = typeof accounts.$inferSelect;
type EntryRow = typeof entries.$inferSelect;

function presentAccount(r: AccountRow, employerName: string) {
  return {
    employerId: r.employerId,
    employerName,
    regionCode: r.regionCode,
    depositedFen: r.depositedFen,
    refundedFen: r.refundedFen,
    drawnFen: r.drawnFen,
    balanceFen: r.balanceFen,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Balances per employer in the staff member's region, the lowest balance first. */
export async function listDepositAccounts(deps: WagesDeps, actor: StaffActor, q: DepositAccountQuery) {
  requirePermission(actor, 'wages.read');
  const where = like(accounts.regionCode, scopeLikePattern(actor));
  return paged(q, async (slice) => {
    const rows = await deps.db
      .select()
      .from(accounts)
      .where(where)
      .orderBy(accounts.balanceFen, accounts.employerId)
      .limit(slice.limit)
      .offset(slice.offset);
    const [total] = await deps.db.select({ n: count() }).from(accounts).where(where);
    const names = await findEmployerNames(
      deps.db,
      rows.map((r) => r.employerId),
    );
    return { items: rows.map((r) => presentAccount(r, names.get(r.employerId) ?? '')), total: total?.n ?? 0 };
  });
}

async function scopedEmployer(deps: WagesDeps, actor: StaffActor, employerId: string) {
  const employer = await findEmployerById(deps.db, employerId);
  if (!employer) throw new AppError('NOT_FOUND', { message: '用工主体不存在' });
  assertReadableRegion(actor, employer.townCode);
  return employer;
}

const emptyAccount = (employerId: string, regionCode: string, now: Date): AccountRow => ({
  employerId,
  regionCode,
  depositedFen: 0,
  refundedFen: 0,
  drawnFen: 0,
  balanceFen: 0,
  updatedAt: now,
});

/** One employer's account and ledger (newest first, last 200 entries). */
export async function depositLedger(deps: WagesDeps, actor: StaffActor, employerId: string) {
  requirePermission(actor, 'wages.read');
  const employer = await scopedEmployer(deps, actor, employerId);
  const [account] = await deps.db.select().from(accounts).where(eq(accounts.employerId, employerId));
  const rows = await deps.db
    .select({ e: entries, batchNumber: wageBatches.number })
    .from(entries)
    .leftJoin(wageBatches, eq(wageBatches.id, entries.batchId))
    .where(eq(entries.employerId, employerId))
    .orderBy(desc(entries.seq))
    .limit(200);
  const staffNames = await findStaffNames(
    deps.db,
    rows.flatMap((r) => (r.e.recordedByStaffId ? [r.e.recordedByStaffId] : [])),
  );
  return {
    account: presentAccount(account ?? emptyAccount(employerId, employer.townCode, deps.now()), employer.name),
    items: rows.map(({ e, batchNumber }) => presentEntry(e, batchNumber, staffNames)),
  };
}

function presentEntry(e: EntryRow, batchNumber: string | null, staffNames: Map<string, string>) {
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: DEPOSIT_ENTRY_LABELS[e.kind],
    amountFen: e.amountFen,
    balanceAfterFen: e.balanceAfterFen,
    occurredOn: e.occurredOn,
    bankReference: e.bankReference,
    fileId: e.fileId,
    note: e.note,
    batchNumber,
    recordedBy: e.recordedByStaffId ? (staffNames.get(e.recordedByStaffId) ?? null) : null,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * 缴存 or 退还, recorded by staff with the date, bank reference and optional voucher file. A refund
 * larger than the balance is refused (the balance check and the debit are one conditional update).
 */
export async function recordDeposit(
  deps: WagesDeps,
  actor: StaffActor,
  employerId: string,
  body: RecordDepositBody,
  meta: Meta,
) {
  requirePermission(actor, 'wages.write');
  const employer = await scopedEmployer(deps, actor, employerId);
  assertWritableRegion(actor, employer.townCode);
  if (body.occurredOn > shanghaiDay(deps.now())) throw AppError.field('occurredOn', '日期不能晚于今天');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    let row: AccountRow | undefined;
    if (body.kind === 'deposit') {
      [row] = await tx
        .insert(accounts)
        .values({
          ...emptyAccount(employerId, employer.townCode, now),
          depositedFen: body.amountFen,
          balanceFen: body.amountFen,
        })
        .onConflictDoUpdate({
          target: accounts.employerId,
          set: {
            depositedFen: sql`${accounts.depositedFen} + ${body.amountFen}`,
            balanceFen: sql`${accounts.balanceFen} + ${body.amountFen}`,
            updatedAt: now,
          },
        })
        .returning();
    } else {
      [row] = await tx
        .update(accounts)
        .set({
          refundedFen: sql`${accounts.refundedFen} + ${body.amountFen}`,
          balanceFen: sql`${accounts.balanceFen} - ${body.amountFen}`,
          updatedAt: now,
        })
        .where(and(eq(accounts.employerId, employerId), gte(accounts.balanceFen, body.amountFen)))
        .returning();
      if (!row) {
        const [current] = await tx.select().from(accounts).where(eq(accounts.employerId, employerId));
        throw AppError.field('amountFen', `退还金额超过可用余额（可用${yuan(current?.balanceFen ?? 0)}元）`);
      }
    }
    const signed = body.kind === 'deposit' ? body.amountFen : -body.amountFen;
    const [entry] = await tx
      .insert(entries)
      .values({
        employerId,
        kind: body.kind,
        amountFen: signed,
        balanceAfterFen: row!.balanceFen,
        occurredOn: body.occurredOn,
        bankReference: body.bankReference,
        fileId: body.fileId ?? null,
        note: body.note ?? null,
        recordedByStaffId: actor.id,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: `wage.deposit.${body.kind}`,
      entity: 'employer_deposit',
      entityId: entry!.id,
      regionCode: employer.townCode,
      details: {
        employerId,
        amountFen: body.amountFen,
        bankReference: body.bankReference,
        balanceFen: row!.balanceFen,
      },
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
    });
  });
  return depositLedger(deps, actor, employerId);
}

export type DrawLine = { lineId: string; employerId: string; amountFen: number };

/**
 * A new batch draws each line from its employer's balance, inside the batch's transaction. Per
 * employer (in id order, so racing batches lock in the same order) one conditional update takes
 * the employer's total only while the balance covers it; otherwise the whole batch is refused,
 * naming each employer short and by how much.
 */
export async function drawForBatch(
  tx: DbOrTx,
  batch: { id: string; regionCode: string },
  lines: DrawLine[],
  staffId: string,
  now: Date,
): Promise<void> {
  const byEmployer = new Map<string, DrawLine[]>();
  for (const l of lines) byEmployer.set(l.employerId, [...(byEmployer.get(l.employerId) ?? []), l]);
  const problems: FieldError[] = [];
  const drawn: { employerId: string; balance: number; lines: DrawLine[] }[] = [];
  for (const employerId of [...byEmployer.keys()].sort()) {
    const own = byEmployer.get(employerId)!;
    const need = own.reduce((s, l) => s + l.amountFen, 0);
    const [row] = await tx
      .update(accounts)
      .set({
        drawnFen: sql`${accounts.drawnFen} + ${need}`,
        balanceFen: sql`${accounts.balanceFen} - ${need}`,
        updatedAt: now,
      })
      .where(and(eq(accounts.employerId, employerId), gte(accounts.balanceFen, need)))
      .returning({ balance: accounts.balanceFen });
    if (row) {
      drawn.push({ employerId, balance: row.balance, lines: own });
      continue;
    }
    const [current] = await tx.select().from(accounts).where(eq(accounts.employerId, employerId));
    const have = current?.balanceFen ?? 0;
    const name = (await findEmployerNames(tx, [employerId])).get(employerId) ?? employerId;
    problems.push({
      field: 'statementIds',
      message: `“${name}”委托结算保证金不足：本批次需${yuan(need)}元，可用余额${yuan(have)}元，还差${yuan(need - have)}元`,
    });
  }
  if (problems.length)
    throw new AppError('INVALID_STATE', { message: problems.map((p) => p.message).join('；'), details: problems });
  const values = drawn.flatMap(({ employerId, balance, lines: own }) => {
    let after = balance + own.reduce((s, l) => s + l.amountFen, 0);
    return own.map((l) => {
      after -= l.amountFen;
      return {
        employerId,
        kind: 'draw' as const,
        amountFen: -l.amountFen,
        balanceAfterFen: after,
        occurredOn: shanghaiDay(now),
        batchId: batch.id,
        batchLineId: l.lineId,
        recordedByStaffId: staffId,
        createdAt: now,
      };
    });
  });
  if (values.length) await tx.insert(entries).values(values);
}

/**
 * A line the bank failed gives its amount back to the employer's balance: once per line, and only
 * for lines that drew (batches made before deposits existed drew nothing).
 */
export async function returnFailedLines(
  tx: DbOrTx,
  batchId: string,
  lineIds: string[],
  staffId: string,
  now: Date,
): Promise<void> {
  if (!lineIds.length) return;
  const rows = await tx
    .select()
    .from(entries)
    .where(and(inArray(entries.kind, ['draw', 'return']), inArray(entries.batchLineId, lineIds)));
  const returned = new Set(rows.filter((r) => r.kind === 'return').map((r) => r.batchLineId));
  for (const d of rows.filter((r) => r.kind === 'draw' && !returned.has(r.batchLineId))) {
    const amount = -d.amountFen;
    const [row] = await tx
      .update(accounts)
      .set({
        drawnFen: sql`${accounts.drawnFen} - ${amount}`,
        balanceFen: sql`${accounts.balanceFen} + ${amount}`,
        updatedAt: now,
      })
      .where(eq(accounts.employerId, d.employerId))
      .returning({ balance: accounts.balanceFen });
    await tx.insert(entries).values({
      employerId: d.employerId,
      kind: 'return',
      amountFen: amount,
      balanceAfterFen: row!.balance,
      occurredOn: shanghaiDay(now),
      batchId,
      batchLineId: d.batchLineId,
      recordedByStaffId: staffId,
      createdAt: now,
    });
  }
}
