import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParam, WorkerPii, WorkerSummary } from '@lingong/contracts';
import { registerWorkerConsoleRoutes } from './workers-console.routes.js';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './workers.service.js';
import { registerWorkerProfileRoutes } from './worker-profile.routes.js';
import { registerWorkerAdminRoutes } from './workers-admin.routes.js';

/** Staff views of the job-seeker ledger (region-scoped, masked; full view audited). */
export function registerWorkerRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

  app.get(
    '/api/v1/admin/workers/:id',
    {
      schema: {
        tags: ['workers'],
        summary: '求职者详情（脱敏）',
        params: IdParam,
        response: { 200: WorkerSummary, ...errors },
      },
    },
    async (request) => service.getWorkerForStaff(wd, staffActorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/admin/workers/:id/pii',
    {
      schema: {
        tags: ['workers'],
        summary: '查看完整个人信息（记入审计）',
        params: IdParam,
        response: { 200: WorkerPii, ...errors },
      },
    },
    async (request) => service.revealWorkerPii(wd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  registerWorkerAdminRoutes(fastify, deps);
  registerWorkerProfileRoutes(fastify, deps);
  registerWorkerConsoleRoutes(fastify, deps);
}
