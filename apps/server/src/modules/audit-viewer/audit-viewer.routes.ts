import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditExportQuery, AuditPage, AuditQuery, ErrorBody } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { MIME, sendFile } from '../../platform/reporting/index.js';
import { exportAudit, listAudit } from './audit-viewer.service.js';

/** The audit-log viewer (审计日志), read-only and region-scoped. */
export function registerAuditViewerRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  app.get(
    '/api/v1/admin/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（按人员、操作、对象、时间检索）',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (request) => listAudit({ db: deps.database.db }, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（Excel，条件同列表）',
        querystring: AuditExportQuery,
        produces: [MIME.xlsx],
      },
    },
    async (request, reply) => {
      const ad = { db: deps.database.db, now: deps.now };
      const file = await exportAudit(ad, staffActorOf(request), request.query, metaOf(request));
      return sendFile(reply, file, { kind: 'xlsx', now: null, fallback: 'audit-log' });
    },
  );
}
