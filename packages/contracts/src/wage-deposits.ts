import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

// 委托结算保证金: the employer's deposit that entrusted-settlement batches draw from.

export const DEPOSIT_ENTRY_KINDS = ['deposit', 'refund', 'draw', 'return'] as const;
export const DepositEntryKind = z.enum(DEPOSIT_ENTRY_KINDS, { error: '类型应为 缴存/退还' });
export const DEPOSIT_ENTRY_LABELS: Record<(typeof DEPOSIT_ENTRY_KINDS)[number], string> = {
  deposit: '缴存',
  refund: '退还',
  draw: '批次支取',
  return: '代发失败退回',
};

/** Staff record money in (缴存) or out (退还); batch draws and returns are written by the system. */
export const RecordDepositBody = z.object({
  kind: z.enum(['deposit', 'refund'], { error: '类型应为 缴存/退还' }),
  amountFen: z
    .number({ error: '金额应为数字（分）' })
    .int({ error: '金额应为整数（分）' })
    .min(1, { error: '金额应大于0' })
    .max(10_000_000_000, { error: '金额过大' }),
  occurredOn: z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }),
  bankReference: z
    .string({ error: '请填写银行流水号' })
    .trim()
    .min(4, { error: '银行流水号至少4位' })
    .max(64, { error: '银行流水号最多64位' }),
  fileId: z.uuid({ error: '凭证文件编号不正确' }).optional(),
  note: z.string().trim().max(200, { error: '备注最多200个字' }).optional(),
});
export type RecordDepositBody = z.infer<typeof RecordDepositBody>;

export const DepositAccount = z.object({
  employerId: z.string(),
  employerName: z.string(),
  regionCode: z.string(),
  depositedFen: z.number().int(),
  refundedFen: z.number().int(),
  /** Drawn by batches and not returned (pending and paid lines). */
  drawnFen: z.number().int(),
  /** deposited − refunded − drawn, maintained on every entry. */
  balanceFen: z.number().int(),
  updatedAt: z.string(),
});
export type DepositAccount = z.infer<typeof DepositAccount>;
export const DepositAccountQuery = PageQuery;
export type DepositAccountQuery = z.infer<typeof DepositAccountQuery>;
export const DepositAccountPage = pageOf(DepositAccount);
export type DepositAccountPage = z.infer<typeof DepositAccountPage>;

export const DepositEntry = z.object({
  id: z.string(),
  kind: DepositEntryKind,
  kindLabel: z.string(),
  /** Positive: into the balance; negative: out of it. */
  amountFen: z.number().int(),
  balanceAfterFen: z.number().int(),
  occurredOn: z.string(),
  bankReference: z.string().nullable(),
  fileId: z.string().nullable(),
  note: z.string().nullable(),
  batchNumber: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type DepositEntry = z.infer<typeof DepositEntry>;
export const DepositLedger = z.object({ account: DepositAccount, items: z.array(DepositEntry) });
export type DepositLedger = z.infer<typeof DepositLedger>;
