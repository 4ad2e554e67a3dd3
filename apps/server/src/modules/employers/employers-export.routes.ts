import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EmployerExportQuery, ErrorBody } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { XLSX_MIME, sendXlsx } from '../../platform/reporting/list-export.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { exportEmployers } from './employers-export.js';

/** 雇主管理 Excel export (filters of the list, region scope, masked phones, audited). */
export function registerEmployerExportRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ed = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  app.get(
    '/api/v1/admin/employers/export',
    {
      schema: {
        tags: ['employers'],
        summary: '导出用工主体名单 .xlsx（按列表筛选条件，脱敏，记入审计）',
        querystring: EmployerExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportEmployers(ed, staffActorOf(request), request.query, metaOf(request)), deps.now()),
  );
}
