import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A day ('2025-11-27', Asia/Shanghai) or an ISO date-time. */
const TimeBound = z
  .string()
  .trim()
  .refine(
    (v) =>
      (DATE.test(v) || /^\d{4}-\d{2}-\d{2}T/.test(v)) &&
      !Number.isNaN(new Date(DATE.test(v) ? `${v}T00:00:00+08:00` : v).getTime()),
    {
      error: '时间格式应为 2025-11-27 或 ISO 时间',
    },
  );

export const AuditQuery = PageQuery.extend({
  actorId: z.uuid({ error: '操作人ID格式不正确' }).optional(),
  action: z.string().trim().max(60, { error: '操作最多60个字符' }).optional(),
  entity: z.string().trim().max(60, { error: '对象类型最多60个字符' }).optional(),
  entityId: z.string().trim().max(100, { error: '对象ID最多100个字符' }).optional(),
  from: TimeBound.optional(),
  to: TimeBound.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  actorKind: z.enum(['user', 'staff', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
/** Export takes the same filters as the list (no paging; at most AUDIT_EXPORT_LIMIT rows, newest first). */
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
export const AUDIT_EXPORT_LIMIT = 20000;
