import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminJobCloseBody,
  AdminJobPage,
  AdminJobQuery,
  ErrorBody,
  JobExportQuery,
  JobIdParam,
  ReviewJob,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { XLSX_MIME, sendXlsx } from '../../platform/reporting/list-export.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as manage from './job-manage.service.js';

/** 岗位管理: the console list of postings (any status), detail, take-down with reason, export. */
export function registerJobManageRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['jobs'];
  app.get(
    '/api/v1/admin/jobs',
    {
      schema: {
        tags,
        summary: '岗位管理列表（管辖区域内，按乡镇、工种、用工形式、状态筛选）',
        querystring: AdminJobQuery,
        response: { 200: AdminJobPage, ...errors },
      },
    },
    async (request) => manage.listJobsForStaff(rd, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/jobs/export',
    {
      schema: {
        tags,
        summary: '导出岗位信息 .xlsx（按列表筛选条件，脱敏，记入审计）',
        querystring: JobExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await manage.exportJobs(rd, staffActorOf(request), request.query, metaOf(request)), deps.now()),
  );
  app.get(
    '/api/v1/admin/jobs/:id',
    {
      schema: {
        tags,
        summary: '岗位详情（含自动检查结果；联系电话脱敏）',
        params: JobIdParam,
        response: { 200: ReviewJob, ...errors },
      },
    },
    async (request) => manage.getJobForStaff(rd, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/admin/jobs/:id/close',
    {
      schema: {
        tags,
        summary: '下架/关闭岗位（须说明理由，记入审计）',
        params: JobIdParam,
        body: AdminJobCloseBody,
        response: { 200: ReviewJob, ...errors },
      },
    },
    async (request) =>
      manage.closeJobByStaff(rd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
}
