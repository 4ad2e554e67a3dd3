import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  FlowsQuery,
  FlowsView,
  MonitoringRefreshResult,
  MonthlyReportQuery,
  ScreenSummary,
  SupplyAlertList,
  SupplyDemandCellDetail,
  SupplyDemandCellQuery,
  SupplyDemandQuery,
  SupplyDemandView,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { MIME, sendFile, sendXlsx } from '../../platform/reporting/index.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './monitoring.service.js';
import { exportSupplyDemand } from './monitoring.export.js';
import { getScreenSummary } from './screen.service.js';
import { getFlows } from './monitoring-flows.service.js';
import { monthlyReport } from './monitoring-report.js';

/** 供需监测 (console), its alerts and export, and the hall screen's public figures. */
export function registerMonitoringRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const md = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  const tags = ['monitoring'];
  const base = '/api/v1/admin/monitoring';

  app.get(
    '/api/v1/public/screen/summary',
    {
      schema: {
        tags,
        summary: '大屏：登记、对接、岗位空缺与各乡镇供需缺口（汇总，无个人信息）',
        response: { 200: ScreenSummary },
      },
    },
    async () => getScreenSummary(md.db, deps.now()),
  );
  app.get(
    `${base}/supply-demand`,
    {
      schema: {
        tags,
        summary: '供需监测：工种×乡镇×周的空缺、可用求职、缺口与趋势',
        querystring: SupplyDemandQuery,
        response: { 200: SupplyDemandView, ...errors },
      },
    },
    async (request) => service.getSupplyDemand(md, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/supply-demand/cell`,
    {
      schema: {
        tags,
        summary: '供需下钻：格子背后的岗位与求职者（脱敏）',
        querystring: SupplyDemandCellQuery,
        response: { 200: SupplyDemandCellDetail, ...errors },
      },
    },
    async (request) => service.getCellDetail(md, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/supply-demand/export`,
    {
      schema: {
        tags,
        summary: '导出供需热力表 .xlsx（记入审计）',
        querystring: SupplyDemandQuery,
        produces: [MIME.xlsx],
        response: errors,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportSupplyDemand(md, staffActorOf(request), request.query, metaOf(request)), deps.now()),
  );
  app.get(
    `${base}/alerts`,
    {
      schema: {
        tags,
        summary: '供需缺口预警（发往所在乡镇驿站）',
        querystring: SupplyDemandQuery.pick({ town: true }),
        response: { 200: SupplyAlertList, ...errors },
      },
    },
    async (request) => service.listAlerts(md, staffActorOf(request), request.query.town),
  );
  app.get(
    `${base}/flows`,
    {
      schema: {
        tags,
        summary: '就业流向：登记→求职→录用→完工→领薪漏斗（按乡镇、重点群体），首次就业天数，外出务工',
        querystring: FlowsQuery,
        response: { 200: FlowsView, ...errors },
      },
    },
    async (request) => getFlows(md, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/monthly-report`,
    {
      schema: {
        tags,
        summary: '供需监测月报 PDF（图表与文字，供上级；记入审计）',
        querystring: MonthlyReportQuery,
        produces: [MIME.pdf],
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await monthlyReport(md, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'pdf',
        now: null,
        fallback: 'monitoring-report',
      }),
  );
  app.post(
    `${base}/refresh`,
    { schema: { tags, summary: '立即刷新供需与登记汇总', response: { 200: MonitoringRefreshResult, ...errors } } },
    async (request) => service.refreshNow(md, staffActorOf(request)),
  );
}
