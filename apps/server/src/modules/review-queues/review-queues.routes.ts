import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, ReviewQueueCounts } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { staffActorOf } from '../../platform/http/request-auth.js';
import { countReviewQueues } from './review-queues.service.js';

/** Console home counts of the review queues. */
export function registerReviewQueueRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/admin/dashboard/queues',
    {
      schema: {
        tags: ['dashboard'],
        summary: '待审核事项数量（管辖区域内）',
        response: { 200: ReviewQueueCounts, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => countReviewQueues(deps.database.db, staffActorOf(request)),
  );
}
