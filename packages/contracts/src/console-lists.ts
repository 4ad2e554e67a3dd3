import { z } from 'zod';
import { PageQuery, RegionCode, pageOf } from './common.js';
import { AdminEmployerSearchQuery } from './employers-admin.js';
import { JobStatus, ReviewJob } from './job-postings.js';
import { JobKind } from './jobs.js';
import { AdminWorkerSearchQuery } from './workers-admin.js';

// 岗位管理 list and the Excel exports of the console lists (filters as the list, no paging).

export const AdminJobQuery = PageQuery.extend({
  town: RegionCode.optional(),
  occupationId: z.uuid({ error: '工种不正确' }).optional(),
  kind: JobKind.optional(),
  status: JobStatus.optional(),
  q: z.string().trim().max(60, { error: '搜索词最多60个字' }).optional(),
});
export type AdminJobQuery = z.input<typeof AdminJobQuery>;
export const AdminJobPage = pageOf(ReviewJob);

/** Close (关闭) or take down (下架) a posting; the reason is required and audited. */
export const AdminJobCloseBody = z.object({
  reason: z
    .string({ error: '请填写理由' })
    .trim()
    .min(2, { error: '理由至少2个字' })
    .max(200, { error: '理由最多200个字' }),
});
export type AdminJobCloseBody = z.input<typeof AdminJobCloseBody>;

export const JobExportQuery = AdminJobQuery.omit({ page: true, pageSize: true });
export const WorkerExportQuery = AdminWorkerSearchQuery.omit({ page: true, pageSize: true });
export const EmployerExportQuery = AdminEmployerSearchQuery.omit({ page: true, pageSize: true });
export type JobExportQuery = z.input<typeof JobExportQuery>;
export type WorkerExportQuery = z.input<typeof WorkerExportQuery>;
export type EmployerExportQuery = z.input<typeof EmployerExportQuery>;
