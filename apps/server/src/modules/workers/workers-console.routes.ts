import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CertificateDecisionBody,
  CertificateDecisionResult,
  CertificateReviewPage,
  CertificateReviewQuery,
  ErrorBody,
  IdParam,
  WorkerExportQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { XLSX_MIME, sendXlsx } from '../../platform/reporting/list-export.js';
import * as service from './certificates-review.service.js';
import { exportWorkers } from './workers-export.js';
import { sendStoredFile } from '../../platform/files/file-response.js';

/** 证书审核 (queue, bulk verify / reject with a reason) and the 雇员管理 Excel export. */
export function registerWorkerConsoleRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['workers'];
  app.get(
    '/api/v1/admin/certificates/review',
    {
      schema: {
        tags,
        summary: '证书审核队列（管辖区域内；脱敏）',
        querystring: CertificateReviewQuery,
        response: { 200: CertificateReviewPage, ...errors },
      },
    },
    async (request) => service.listCertificatesForReview(wd, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/certificates/review',
    {
      schema: {
        tags,
        summary: '批量审核证书（通过/驳回并说明理由）',
        body: CertificateDecisionBody,
        response: { 200: CertificateDecisionResult, ...errors },
      },
    },
    async (request) => service.decideCertificates(wd, staffActorOf(request), request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/admin/certificates/:id/photo',
    { schema: { tags, summary: '查看证书照片（管辖区域内，记入审计）', params: IdParam } },
    async (request, reply) => {
      const photo = await service.readCertificatePhotoForStaff(
        { ...wd, dataDir: deps.config.dataDir },
        staffActorOf(request),
        request.params.id,
        metaOf(request),
      );
      return sendStoredFile(reply, photo, { name: 'certificate-photo', personal: true });
    },
  );
  app.get(
    '/api/v1/admin/workers/export',
    {
      schema: {
        tags,
        summary: '导出求职者名单 .xlsx（按列表筛选条件，脱敏，记入审计）',
        querystring: WorkerExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportWorkers(wd, staffActorOf(request), request.query, metaOf(request)), deps.now()),
  );
}
