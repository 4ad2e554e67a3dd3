import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { AdminEmployerSummary, EmployerBody, EmployerKind, VerificationStatus } from './employers.js';
import { MobilePhone } from './validators/mobile.js';

/** Staff employer list: name contains `q`, town (subtree), kind, status. */
export const AdminEmployerSearchQuery = PageQuery.extend({
  q: z.string().trim().max(60, { error: '搜索词最多60个字' }).optional(),
  town: RegionCode.optional(),
  kind: EmployerKind.optional(),
  status: VerificationStatus.optional(),
  /** 信用等级 filter (excellent / good / fair / poor). */
  creditLevel: z.enum(['excellent', 'good', 'fair', 'poor'], { error: '信用等级不正确' }).optional(),
});
export type AdminEmployerSearchQuery = z.input<typeof AdminEmployerSearchQuery>;
export const AdminEmployerSearchPage = pageOf(
  AdminEmployerSummary.extend({ creditLevel: z.string().nullable().optional() }),
);

/** Suspend (暂停) or restore (恢复) an employer; the reason is required and kept in the audit log. */
export const EmployerStatusReasonBody = z.object({
  reason: z
    .string({ error: '请填写理由' })
    .trim()
    .min(2, { error: '理由至少2个字' })
    .max(200, { error: '理由最多200个字' }),
});
export type EmployerStatusReasonBody = z.input<typeof EmployerStatusReasonBody>;

/** Counter registration (代为登记): the employer plus the owner's phone, who becomes owner on login. */
export const CounterEmployerBody = z.intersection(EmployerBody, z.object({ ownerPhone: MobilePhone }));
export type CounterEmployerBody = z.input<typeof CounterEmployerBody>;

export const AdminEmployerHistoryEntry = z.object({
  action: z.string(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  from: z.string().nullable(),
  at: z.string(),
});

/** The detail drawer: the employer, its members (masked), job counts by status, recent jobs, history. */
export const AdminEmployerDetail = z.object({
  employer: AdminEmployerSummary,
  members: z.array(
    z.object({
      userId: z.string(),
      role: z.enum(['owner', 'member']),
      phoneMasked: z.string().nullable(),
      joinedAt: z.string(),
    }),
  ),
  pendingInvitations: z.array(
    z.object({ id: z.string(), phoneMasked: z.string(), role: z.enum(['owner', 'member']), createdAt: z.string() }),
  ),
  jobCounts: z.record(z.string(), z.number().int()),
  recentJobs: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), updatedAt: z.string() })),
  history: z.array(AdminEmployerHistoryEntry),
});
export type AdminEmployerDetail = z.infer<typeof AdminEmployerDetail>;
export type AdminEmployerRow = z.infer<typeof AdminEmployerSummary>;
