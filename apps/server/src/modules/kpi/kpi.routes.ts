import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptancePackQuery,
  ErrorBody,
  KpiDashboard,
  KpiIndicatorParam,
  KpiQuery,
  KpiRowsPage,
  KpiRowsQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { MIME, sendFile } from '../../platform/reporting/index.js';
import { buildAcceptancePack } from './acceptance-pack.js';
import * as service from './kpi.service.js';

/** The KPI dashboard, its drill-down, and the one-click acceptance pack. */
export function registerKpiRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const kd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  const tags = ['kpi'];

  app.get(
    '/api/v1/admin/kpi',
    {
      schema: {
        tags,
        summary: '考核指标：目标、完成、完成率与月度趋势',
        querystring: KpiQuery,
        response: { 200: KpiDashboard, ...errors },
      },
    },
    async (request) => service.getDashboard(kd, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/kpi/:indicator/rows',
    {
      schema: {
        tags,
        summary: '指标下钻：数字背后的记录（脱敏）',
        params: KpiIndicatorParam,
        querystring: KpiRowsQuery,
        response: { 200: KpiRowsPage, ...errors },
      },
    },
    async (request) => service.getIndicatorRows(kd, staffActorOf(request), request.params.indicator, request.query),
  );
  app.get(
    '/api/v1/admin/kpi/acceptance-pack',
    {
      schema: {
        tags,
        summary: '一键导出验收材料包 .zip（记入审计）',
        querystring: AcceptancePackQuery,
        produces: [MIME.zip],
        response: { ...errors, 413: ErrorBody },
      },
    },
    async (request, reply) =>
      sendFile(reply, await buildAcceptancePack(kd, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'zip',
        now: deps.now(),
        fallback: 'pack',
      }),
  );
}
