import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EmployerActivity, ErrorBody, IdParam } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { staffActorOf } from '../../platform/http/request-auth.js';
import { getEmployerActivity } from './employer-activity.service.js';

/** 雇主管理 drawer: hires and ratings received (region-scoped). */
export function registerEmployerActivityRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ed = { db: deps.database.db, pii: deps.pii, now: deps.now };
  app.get(
    '/api/v1/admin/employers/:id/activity',
    {
      schema: {
        tags: ['employers'],
        summary: '用工主体的录用记录和收到的评价',
        params: IdParam,
        response: { 200: EmployerActivity, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => getEmployerActivity(ed, staffActorOf(request), request.params.id),
  );
}
