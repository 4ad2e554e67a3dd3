import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminOccupation,
  AdminOccupationList,
  CreateOccupationBody,
  ErrorBody,
  IdParam,
  MoveOccupationBody,
  OccupationHistory,
  OccupationImportBody,
  OccupationImportResult,
  UpdateOccupationBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { MIME, sendFile } from '../../platform/reporting/index.js';
import * as service from './occupations-admin.service.js';
import { exportOccupations, importOccupations } from './occupations-import.service.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

/** 工种管理: the occupation tree for staff (read by any console user, written with reference.write). */
export function registerOccupationAdminRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const od = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['occupations'];
  const base = '/api/v1/admin/occupations';

  app.get(
    base,
    { schema: { tags, summary: '工种目录（含已停用）', response: { 200: AdminOccupationList, ...errors } } },
    async (request) => {
      staffActorOf(request);
      return { items: await service.listAllOccupations(od.db) };
    },
  );
  app.get(
    `${base}/export`,
    { schema: { tags, summary: '导出工种目录（Excel）', produces: [MIME.xlsx] } },
    async (request, reply) => {
      staffActorOf(request);
      return sendFile(reply, await exportOccupations(od), { kind: 'xlsx', now: null, fallback: 'occupations' });
    },
  );
  app.post(
    `${base}/import`,
    {
      ...uploadRoute('xlsx', 'file', 700 * 1024),
      schema: {
        tags,
        summary: '导入工种目录（Excel，有错误行则全部不导入）',
        body: OccupationImportBody,
        response: { 200: OccupationImportResult, ...errors },
      },
    },
    async (request) =>
      importOccupations(od, staffActorOf(request), Buffer.from(request.body.file, 'base64'), metaOf(request)),
  );
  app.post(
    base,
    {
      schema: { tags, summary: '新增工种', body: CreateOccupationBody, response: { 201: AdminOccupation, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOccupation(od, staffActorOf(request), request.body, metaOf(request))),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '修改工种',
        params: IdParam,
        body: UpdateOccupationBody,
        response: { 200: AdminOccupation, ...errors },
      },
    },
    async (request) =>
      service.updateOccupationDetails(od, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    `${base}/:id/move`,
    {
      schema: {
        tags,
        summary: '移动工种（更换上级）',
        params: IdParam,
        body: MoveOccupationBody,
        response: { 200: AdminOccupation, ...errors },
      },
    },
    async (request) =>
      service.moveOccupation(od, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    `${base}/:id/disable`,
    {
      schema: { tags, summary: '停用工种（保留历史）', params: IdParam, response: { 200: AdminOccupation, ...errors } },
    },
    async (request) => service.disableOccupation(od, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    `${base}/:id/enable`,
    { schema: { tags, summary: '启用工种', params: IdParam, response: { 200: AdminOccupation, ...errors } } },
    async (request) => service.enableOccupation(od, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.get(
    `${base}/:id/history`,
    { schema: { tags, summary: '工种变更记录', params: IdParam, response: { 200: OccupationHistory, ...errors } } },
    async (request) => {
      staffActorOf(request);
      return { items: await service.occupationHistory(od.db, request.params.id) };
    },
  );
}
