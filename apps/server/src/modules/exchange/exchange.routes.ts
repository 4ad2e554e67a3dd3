import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  ExchangeCountResult,
  ExchangeFileParam,
  ExchangeIdParam,
  ExchangeReconciliation,
  ExchangeReconciliationQuery,
  ExchangeRecord,
  ExchangeRecordPage,
  ExchangeRecordsQuery,
  ExchangeRunResult,
  ExchangeSummary,
  ExchangeSummaryQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './exchange-admin.service.js';
import { registerPartnerRoutes } from './partner.routes.js';

/** 数据交换 (数智人社): overview, records, resend, run now, file confirmation, reconciliation. */
export function registerExchangeRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const xd = { db: deps.database.db, pii: deps.pii, config: deps.config.exchange, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['exchange'];
  const base = '/api/v1/admin/exchange';
  registerPartnerRoutes(fastify, deps);

  app.get(
    `${base}/summary`,
    {
      schema: {
        tags,
        summary: '数据交换概况（按数据集和日期）',
        querystring: ExchangeSummaryQuery,
        response: { 200: ExchangeSummary, ...errors },
      },
    },
    async (request) => service.getSummary(xd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/records`,
    {
      schema: {
        tags,
        summary: '交换记录',
        querystring: ExchangeRecordsQuery,
        response: { 200: ExchangeRecordPage, ...errors },
      },
    },
    async (request) => service.listRecords(xd, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/records/:id/resend`,
    {
      schema: {
        tags,
        summary: '重新发送（被退回或发送失败的记录）',
        params: ExchangeIdParam,
        response: { 200: ExchangeRecord, ...errors },
      },
    },
    async (request) => service.resendRecord(xd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    `${base}/run`,
    { schema: { tags, summary: '立即发送', response: { 200: ExchangeRunResult, ...errors } } },
    async (request) => service.runNow(xd, staffActorOf(request), metaOf(request)),
  );
  app.post(
    `${base}/files/:file/confirm`,
    {
      schema: {
        tags,
        summary: '确认批次文件已上传省级系统',
        params: ExchangeFileParam,
        response: { 200: ExchangeCountResult, ...errors },
      },
    },
    async (request) => service.confirmFile(xd, staffActorOf(request), request.params.file, metaOf(request)),
  );
  app.get(
    `${base}/reconciliation`,
    {
      schema: {
        tags,
        summary: '每日对账（本地与省级回执）',
        querystring: ExchangeReconciliationQuery,
        response: { 200: ExchangeReconciliation, ...errors },
      },
    },
    async (request) => service.getReconciliation(xd, staffActorOf(request), request.query.date),
  );
}
