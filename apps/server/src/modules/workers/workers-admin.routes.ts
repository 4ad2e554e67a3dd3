import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminWorkerDetail,
  AdminWorkerPage,
  AdminWorkerSearchQuery,
  AdminWorkerUpdateBody,
  CounterWorkerBody,
  ErrorBody,
  IdParam,
  WorkerDuplicateGroups,
  WorkerDuplicateQuery,
  WorkerMergeBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as merge from './worker-merge.service.js';
import * as admin from './workers-admin.service.js';
import { uploadRoute } from '../../platform/files/upload-limits.js';

/** 雇员管理: search, detail drawer, counter registration (代登记), staff edits, duplicates and merge. */
export function registerWorkerAdminRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now, dataDir: deps.config.dataDir };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
  const tags = ['workers'];

  app.get(
    '/api/v1/admin/workers',
    {
      schema: {
        tags,
        summary: '求职登记列表（管辖区域内，按手机号、身份证后4位、工种、乡镇、重点群体检索；脱敏）',
        querystring: AdminWorkerSearchQuery,
        response: { 200: AdminWorkerPage, ...errors },
      },
    },
    async (request) => admin.searchWorkersForStaff(wd, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/workers',
    {
      // The signature image is the big part; the profile fields fit in the extra 64 KB.
      ...uploadRoute('image', 'consent.signatureDataUrl', admin.MAX_SIGNATURE_BYTES, 64 * 1024),
      schema: {
        tags,
        summary: '窗口/驿站代登记（记录本人签名或纸质授权）',
        body: CounterWorkerBody,
        response: { 201: AdminWorkerDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admin.registerWorkerAtCounter(wd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    '/api/v1/admin/workers/duplicates',
    {
      schema: {
        tags,
        summary: '疑似重复登记（同一手机号）',
        querystring: WorkerDuplicateQuery,
        response: { 200: WorkerDuplicateGroups, ...errors },
      },
    },
    async (request) => merge.listDuplicateWorkers(wd, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/workers/merge',
    {
      schema: {
        tags,
        summary: '合并重复登记（保留一份，其余记录转入）',
        body: WorkerMergeBody,
        response: { 200: AdminWorkerDetail, ...errors },
      },
    },
    async (request) => merge.mergeWorkers(wd, staffActorOf(request), request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/admin/workers/:id/detail',
    {
      schema: {
        tags,
        summary: '求职者详情抽屉（技能、证书、授权、登记人；脱敏）',
        params: IdParam,
        response: { 200: AdminWorkerDetail, ...errors },
      },
    },
    async (request) => admin.getWorkerDetailForStaff(wd, staffActorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/admin/workers/:id',
    {
      schema: {
        tags,
        summary: '工作人员修改求职登记（记入审计）',
        params: IdParam,
        body: AdminWorkerUpdateBody,
        response: { 200: AdminWorkerDetail, ...errors },
      },
    },
    async (request) =>
      admin.updateWorkerByStaff(wd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
}
