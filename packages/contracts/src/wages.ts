import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';
import { WageUnit } from './jobs.js';

/** Enum values shared with the wages tables (apps/server modules/wages/*.schema.ts). */
export const WAGE_STATUSES = ['draft', 'issued', 'confirmed', 'disputed', 'paid', 'received'] as const;
export const WAGE_ACTIONS = [
  'create',
  'edit',
  'issue',
  'confirm',
  'dispute',
  'correct',
  /** Staff correct a statement when closing a wage grievance (调解更正). */
  'mediate',
  'pay',
  'receive',
] as const;
export const WAGE_ACTOR_SIDES = ['worker', 'employer', 'staff', 'system'] as const;
export const WAGE_PAYMENT_METHODS = ['cash', 'bank_transfer', 'entrusted'] as const;
export const WAGE_ESCALATION_LEVELS = ['station', 'county', 'inspection'] as const;
export const WAGE_LINE_KINDS = ['addition', 'deduction'] as const;
export const WAGE_PAYMENT_PROVIDERS = ['offline', 'entrusted'] as const;
export const WAGE_BATCH_STATUSES = ['exported', 'settled'] as const;
export const WAGE_BATCH_LINE_STATUSES = ['pending', 'paid', 'failed'] as const;

export const WageStatus = z.enum(WAGE_STATUSES, {
  error: '工资单状态不正确',
});
export type WageStatus = z.infer<typeof WageStatus>;

const Day = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const Fen = (label: string) =>
  z
    .number({ error: `${label}应为数字（分）` })
    .int({ error: `${label}应为整数（分）` })
    .min(1, { error: `${label}应大于0` })
    .max(100_000_000, { error: `${label}过大` });

/** An addition (加项) or a deduction (扣款), each with its reason. */
export const WageLineInput = z.object({
  kind: z.enum(WAGE_LINE_KINDS, { error: '明细类型应为 加项/扣款' }),
  amountFen: Fen('金额'),
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, { error: '原因至少2个字' })
    .max(100, { error: '原因最多100个字' }),
});
export type WageLineInput = z.infer<typeof WageLineInput>;
const Lines = z.array(WageLineInput, { error: '明细应为列表' }).max(20, { error: '明细最多20条' }).default([]);
const Pieces = z
  .number({ error: '件数应为数字' })
  .int({ error: '件数应为整数' })
  .min(0, { error: '件数不能为负数' })
  .max(1_000_000, { error: '件数过大' });

/** The employer drafts a statement for one pay period; days and hours come from attendance. */
export const CreateWageStatementBody = z
  .object({
    periodStart: Day('结算开始日期'),
    periodEnd: Day('结算结束日期'),
    /** For piece-rate work: the count of pieces (件数). */
    pieces: Pieces.optional(),
    lines: Lines,
  })
  .refine((b) => b.periodStart <= b.periodEnd, { error: '结束日期不能早于开始日期', path: ['periodEnd'] });
export type CreateWageStatementBody = z.infer<typeof CreateWageStatementBody>;

/** Edit a draft, or correct a disputed statement (a note saying what changed is required then). */
export const EditWageStatementBody = z.object({
  pieces: Pieces.optional(),
  lines: Lines,
  note: z.string().trim().max(200, { error: '说明最多200个字' }).optional(),
});
export type EditWageStatementBody = z.infer<typeof EditWageStatementBody>;

export const DisputeWageBody = z.object({
  reason: z
    .string({ error: '请填写异议原因' })
    .trim()
    .min(2, { error: '异议原因至少2个字' })
    .max(300, { error: '异议原因最多300个字' }),
  photoFileId: z.uuid({ error: '照片编号不正确' }).optional(),
});

/** Offline payment: cash or bank transfer, with the transfer reference and an optional photo. */
export const RecordWagePaymentBody = z
  .object({
    method: z.enum(['cash', 'bank_transfer'], { error: '支付方式应为 现金/银行转账' }),
    reference: z.string().trim().max(64, { error: '转账流水号最多64位' }).optional(),
    photoFileId: z.uuid({ error: '凭证照片编号不正确' }).optional(),
    /** Sent again on retry, so a payment is never recorded twice. */
    idempotencyKey: z
      .string({ error: '缺少幂等键' })
      .trim()
      .min(8, { error: '幂等键至少8位' })
      .max(64, { error: '幂等键最多64位' }),
  })
  .refine((b) => b.method !== 'bank_transfer' || !!b.reference, {
    error: '银行转账请填写转账流水号',
    path: ['reference'],
  });
export type RecordWagePaymentBody = z.infer<typeof RecordWagePaymentBody>;

export const WageStatementIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });

export const WageLine = z.object({
  kind: z.enum(WAGE_LINE_KINDS),
  amountFen: z.number(),
  reason: z.string(),
});
export const WageStatementEvent = z.object({
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: WageStatus.nullable(),
  toStatus: WageStatus,
  actorSide: z.enum(WAGE_ACTOR_SIDES),
  note: z.string().nullable(),
  totalFen: z.number(),
  at: z.string(),
});
export const WagePayment = z.object({
  id: z.string(),
  provider: z.enum(WAGE_PAYMENT_PROVIDERS),
  method: z.enum(WAGE_PAYMENT_METHODS),
  amountFen: z.number(),
  reference: z.string().nullable(),
  paidAt: z.string(),
});
export const WageStatement = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  employerName: z.string(),
  workerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unit: WageUnit,
  rateFen: z.number(),
  quantityText: z.string(),
  days: z.number(),
  minutes: z.number(),
  pieces: z.number(),
  baseFen: z.number(),
  additionsFen: z.number(),
  deductionsFen: z.number(),
  totalFen: z.number(),
  status: WageStatus,
  statusLabel: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  version: z.number(),
  disputeReason: z.string().nullable(),
  lines: z.array(WageLine),
  events: z.array(WageStatementEvent),
  payment: WagePayment.nullable(),
  /** The wage grievance the overdue sweep filed, and its escalation steps. */
  grievanceId: z.string().nullable(),
  escalations: z.array(z.object({ level: z.enum(WAGE_ESCALATION_LEVELS), levelLabel: z.string(), at: z.string() })),
});
export type WageStatement = z.infer<typeof WageStatement>;
export const WageStatementList = z.object({ items: z.array(WageStatement) });

/** 我的工钱: totals owed and paid this month and this year (Asia/Shanghai). */
export const MyWagesSummary = z.object({
  owedFen: z.number(),
  paidThisMonthFen: z.number(),
  paidThisYearFen: z.number(),
  items: z.array(WageStatement),
});

/** 薪酬台账 filters (console). */
export const WageLedgerQuery = PageQuery.extend({
  townCode: z
    .string()
    .regex(/^\d{9,12}$/, { error: '区域代码格式不正确' })
    .optional(),
  employerId: z.uuid({ error: '用工主体ID格式不正确' }).optional(),
  status: WageStatus.optional(),
  overdue: z.enum(['true', 'false'], { error: '逾期筛选应为 true/false' }).optional(),
});
export const WageLedgerPage = pageOf(WageStatement);

/** 工资代发账户: the worker's own bank account for entrusted settlement (stored encrypted). */
export const BankAccountBody = z.object({
  bankName: z
    .string({ error: '请填写开户银行' })
    .trim()
    .min(2, { error: '开户银行至少2个字' })
    .max(40, { error: '开户银行最多40个字' }),
  accountNumber: z
    .string({ error: '请填写银行卡号' })
    .trim()
    .regex(/^\d{12,30}$/, { error: '银行卡号应为12-30位数字' }),
});
export const BankAccount = z.object({ bankName: z.string(), maskedAccount: z.string(), updatedAt: z.string() });
export const MaybeBankAccount = z.object({ account: BankAccount.nullable() });
export type BankAccountBody = z.infer<typeof BankAccountBody>;
export type MaybeBankAccount = z.infer<typeof MaybeBankAccount>;

export const CreateWageBatchBody = z.object({
  statementIds: z
    .array(z.uuid({ error: '工资单ID格式不正确' }), { error: '请选择工资单' })
    .min(1, { error: '请至少选择一张工资单' })
    .max(500, { error: '一个批次最多500笔' }),
});
export const WageBatchLine = z.object({
  lineNo: z.number(),
  statementId: z.string(),
  workerName: z.string(),
  bankName: z.string(),
  maskedAccount: z.string(),
  amountFen: z.number(),
  status: z.enum(WAGE_BATCH_LINE_STATUSES),
  bankMessage: z.string().nullable(),
});
export const WageBatch = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(WAGE_BATCH_STATUSES),
  lineCount: z.number(),
  totalFen: z.number(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
  lines: z.array(WageBatchLine),
});
export type WageBatch = z.infer<typeof WageBatch>;
export const WageBatchIdParam = z.object({ id: z.uuid({ error: 'ID格式不正确' }) });
/** The bank's result file (CSV text: 序号,收款账号,金额,处理结果,银行附言; a 合计 line last). */
export const WageBatchResultBody = z.object({
  content: z
    .string({ error: '请上传银行回单文件' })
    .min(1, { error: '银行回单文件为空' })
    .max(2_000_000, { error: '银行回单文件过大' }),
});

/**
 * 欠薪投诉上报 (数据交换): the outbox records of wage grievances and their escalations for the
 * province, waiting (queued) until the provincial interface for them exists.
 */
export const WageGrievanceOutboxItem = z.object({
  id: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  grievanceId: z.string(),
  statementId: z.string(),
  regionCode: z.string(),
  amountFen: z.number(),
  dueDate: z.string(),
  state: z.string(),
  createdAt: z.string(),
});
export type WageGrievanceOutboxItem = z.infer<typeof WageGrievanceOutboxItem>;
export const WageGrievanceOutbox = z.object({ items: z.array(WageGrievanceOutboxItem) });
export type WageGrievanceOutbox = z.infer<typeof WageGrievanceOutbox>;

/** 薪酬指标: wages settled (fen), statements overdue (count, fen), median days from work to pay, disputes resolved. */
export const WageKpi = z.object({
  settledFen: z.number(),
  overdueCount: z.number(),
  overdueFen: z.number(),
  medianDaysToPay: z.number().nullable(),
  disputesResolved: z.number(),
  /** When the rollups were last rebuilt (null before the first rebuild). */
  refreshedAt: z.string().nullable(),
});
export type WageKpi = z.infer<typeof WageKpi>;
