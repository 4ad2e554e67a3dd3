import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, LedgerImportBody, LedgerImportParams, LedgerImportResult } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { sendFile, XLSX_MIME } from '../../platform/reporting/index.js';
import { importLedger, ledgerTemplate } from './imports.service.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

/** Paper-record imports of the ledgers: template download and upload (all rows or none). */
export function registerImportRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const id = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody };
  const tags = ['ledgers'];
  const base = '/api/v1/admin/ledgers/:ledger';

  app.get(
    `${base}/import/template`,
    {
      schema: {
        tags,
        summary: '下载台账导入模板 .xlsx（与导出表头一致）',
        params: LedgerImportParams,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await ledgerTemplate(staffActorOf(request), request.params.ledger, deps.now()), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  app.post(
    `${base}/import`,
    {
      ...uploadRoute('xlsx', 'file'),
      schema: {
        tags,
        summary: '导入纸质台账 .xlsx（逐行校验，有错误则全部不导入，记入审计）',
        params: LedgerImportParams,
        body: LedgerImportBody,
        response: { 200: LedgerImportResult, ...errors },
      },
    },
    async (request) =>
      importLedger(
        id,
        staffActorOf(request),
        request.params.ledger,
        Buffer.from(request.body.file, 'base64'),
        metaOf(request),
      ),
  );
}
