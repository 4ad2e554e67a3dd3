import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateDutyBody,
  CreateFacilityCheckBody,
  CreateVisitBody,
  DutyDayList,
  DutyDayQuery,
  DutyQuery,
  DutyShift,
  DutyShiftPage,
  ErrorBody,
  FacilityCheck,
  FacilityCheckPage,
  OperationsExportQuery,
  OperationsIdParam,
  OperationsListQuery,
  OperationsStaffOption,
  StationVisit,
  StationVisitPage,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { requirePermission, scopeLikePattern } from '../../platform/rbac/actor.js';
import { sendFile, XLSX_MIME } from '../../platform/reporting/index.js';
import { findStaffInScope } from './operations.repository.js';
import * as service from './operations.service.js';

/** 运营日志: duty roster and its daily check, station guidance visits, facility checks, export. */
export function registerOperationsRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const od = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
  const tags = ['operations'];
  const base = '/api/v1/admin/operations';

  app.get(
    `${base}/staff`,
    {
      schema: {
        tags,
        summary: '管辖区域内的工作人员（排班选择）',
        response: { 200: z.object({ items: z.array(OperationsStaffOption) }), ...errors },
      },
    },
    async (request) => {
      const actor = staffActorOf(request);
      requirePermission(actor, 'dashboard.read');
      return { items: await findStaffInScope(od.db, scopeLikePattern(actor)) };
    },
  );
  app.get(
    `${base}/duties`,
    { schema: { tags, summary: '值班记录', querystring: DutyQuery, response: { 200: DutyShiftPage, ...errors } } },
    async (request) => service.listDuties(od, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/duties`,
    { schema: { tags, summary: '登记值班', body: CreateDutyBody, response: { 201: DutyShift, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createDuty(od, staffActorOf(request), request.body, metaOf(request))),
  );
  app.delete(
    `${base}/duties/:id`,
    {
      schema: {
        tags,
        summary: '删除误登记的值班（记入审计）',
        params: OperationsIdParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteDuty(od, staffActorOf(request), request.params.id, metaOf(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/duty-days`,
    {
      schema: {
        tags,
        summary: '每日在岗核查：服务时间内在岗不少于3人',
        querystring: DutyDayQuery,
        response: { 200: DutyDayList, ...errors },
      },
    },
    async (request) => service.dutyDays(od, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/visits`,
    {
      schema: {
        tags,
        summary: '驿站指导记录',
        querystring: OperationsListQuery,
        response: { 200: StationVisitPage, ...errors },
      },
    },
    async (request) => service.listVisits(od, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/visits`,
    { schema: { tags, summary: '登记驿站指导', body: CreateVisitBody, response: { 201: StationVisit, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createVisit(od, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/facility-checks`,
    {
      schema: {
        tags,
        summary: '设施检查记录',
        querystring: OperationsListQuery,
        response: { 200: FacilityCheckPage, ...errors },
      },
    },
    async (request) => service.listChecks(od, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/facility-checks`,
    {
      schema: {
        tags,
        summary: '登记设施检查',
        body: CreateFacilityCheckBody,
        response: { 201: FacilityCheck, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCheck(od, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: '导出运营日志 .xlsx（在岗核查、值班、驿站指导、设施检查；记入审计）',
        querystring: OperationsExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await service.exportOperations(od, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
}
