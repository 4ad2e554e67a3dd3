import { z } from 'zod';
import { Settlement, WageUnit } from './jobs.js';
import { WAGE_LINE_KINDS, WAGE_PAYMENT_METHODS, WageStatus } from './wages.js';

/**
 * 欠薪案卷: what staff need to mediate a wage grievance, for its hire only: the terms agreed at
 * hire, attendance, the wage statements and the payments recorded. Only the columns shown.
 */
export const WageCaseFile = z.object({
  agreement: z.object({
    /** 工作协议 number and its state label; null when the hire has no agreement (older hires). */
    number: z.string().nullable(),
    statusLabel: z.string().nullable(),
    rateFen: z.number(),
    unit: WageUnit,
    unitLabel: z.string(),
    settlement: Settlement,
    settlementLabel: z.string(),
    /** 工资支付日: days after each period end. */
    payWithinDays: z.number(),
  }),
  attendance: z.object({
    days: z.number(),
    minutes: z.number(),
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
  }),
  statements: z.array(
    z.object({
      id: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      status: WageStatus,
      statusLabel: z.string(),
      quantityText: z.string(),
      baseFen: z.number(),
      additionsFen: z.number(),
      deductionsFen: z.number(),
      totalFen: z.number(),
      dueDate: z.string(),
      overdue: z.boolean(),
      version: z.number(),
      disputeReason: z.string().nullable(),
      lines: z.array(z.object({ kind: z.enum(WAGE_LINE_KINDS), amountFen: z.number(), reason: z.string() })),
    }),
  ),
  payments: z.array(
    z.object({
      statementId: z.string(),
      method: z.enum(WAGE_PAYMENT_METHODS),
      methodLabel: z.string(),
      amountFen: z.number(),
      reference: z.string().nullable(),
      paidAt: z.string(),
    }),
  ),
});
export type WageCaseFile = z.infer<typeof WageCaseFile>;
