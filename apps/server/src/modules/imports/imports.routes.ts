import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, LedgerImportBody, LedgerImportParams, LedgerImportResult } from '@lingong/contracts';
import type { AppDeps } from '../../app.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { attachmentHeader } from '../ledgers/ledgers.excel.js';
import { importLedger, ledgerTemplate } from './imports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Base64 of a ~30 MB workbook plus JSON framing. */
const IMPORT_BODY_LIMIT = 45 * 1024 * 1024;

function sendXlsx(reply: FastifyReply, file: { name: string; buffer: Buffer }, now: Date) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', attachmentHeader(file.name, 'xlsx', now))
    .send(file.buffer);
}

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
        produces: [XLSX],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await ledgerTemplate(staffActorOf(request), request.params.ledger), deps.now()),
  );
  app.post(
    `${base}/import`,
    {
      bodyLimit: IMPORT_BODY_LIMIT,
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
