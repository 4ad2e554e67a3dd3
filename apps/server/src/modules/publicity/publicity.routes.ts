import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePublicityBody,
  ErrorBody,
  PublicityExportQuery,
  PublicityFile,
  PublicityFileBody,
  PublicityIdParam,
  PublicityItem,
  PublicityPage,
  PublicityQuery,
  UpdatePublicityBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile, readFileBytes } from '../../platform/files/files.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { requirePermission } from '../../platform/rbac/actor.js';
import { sendFile, XLSX_MIME } from '../../platform/reporting/index.js';
import * as service from './publicity.service.js';
import { sendStoredFile } from '../../platform/files/file-response.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

/** 宣传推广: publicity items (CRUD), evidence images, the ledger and its .xlsx export. */
export function registerPublicityRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pd = { db: deps.database.db, dataDir: deps.config.dataDir, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
  const tags = ['publicity'];
  const base = '/api/v1/admin/publicity';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '宣传推广台账',
        querystring: PublicityQuery,
        response: { 200: PublicityPage, ...errors },
      },
    },
    async (request) => service.listItems(pd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: '导出宣传推广台账 .xlsx（记入审计）',
        querystring: PublicityExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await service.exportItems(pd, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: '登记宣传推广记录',
        body: CreatePublicityBody,
        response: { 201: PublicityItem, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createItem(pd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.post(
    `${base}/files`,
    {
      ...uploadRoute('image', 'imageBase64', service.MAX_FILE_BYTES),
      schema: {
        tags,
        summary: '上传宣传佐证图片（截图、海报）',
        body: PublicityFileBody,
        response: { 201: PublicityFile, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.uploadEvidence(pd, staffActorOf(request), request.body.imageBase64)),
  );
  app.get(
    `${base}/files/:id`,
    {
      schema: {
        tags,
        summary: '查看宣传佐证图片',
        params: PublicityIdParam,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: errors,
      },
    },
    async (request, reply) => {
      requirePermission(staffActorOf(request), 'dashboard.read');
      const file = await findFile(pd.db, request.params.id);
      if (!file || file.purpose !== service.PUBLICITY_FILE_PURPOSE) throw new AppError('NOT_FOUND');
      const raw: FastifyReply = reply;
      const bytes = await readFileBytes(pd, file);
      return sendStoredFile(raw, { mime: file.mime, bytes }, { name: 'publicity-evidence', personal: false });
    },
  );
  app.get(
    `${base}/:id`,
    {
      schema: { tags, summary: '宣传推广记录', params: PublicityIdParam, response: { 200: PublicityItem, ...errors } },
    },
    async (request) => service.getItem(pd, staffActorOf(request), request.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '修改宣传推广记录',
        params: PublicityIdParam,
        body: UpdatePublicityBody,
        response: { 200: PublicityItem, ...errors },
      },
    },
    async (request) => service.updateItem(pd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '删除误登记的宣传推广记录（记入审计）',
        params: PublicityIdParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteItem(pd, staffActorOf(request), request.params.id, metaOf(request));
      return reply.status(204).send(null);
    },
  );
}
