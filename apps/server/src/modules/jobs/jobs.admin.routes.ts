import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, ReviewDecisionBody, ReviewDecisionResult, ReviewJobPage, ReviewJobQuery } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as review from './job-review.service.js';

/** The console review queue of job postings (jobs.review, region-scoped). */
export function registerJobAdminRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['jobs'];

  app.get(
    '/api/v1/admin/jobs/review',
    {
      schema: {
        tags,
        summary: '岗位审核队列（管辖区域内）',
        querystring: ReviewJobQuery,
        response: { 200: ReviewJobPage, ...errors },
      },
    },
    async (request) => review.listReviewQueue(rd, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/jobs/review',
    {
      schema: {
        tags,
        summary: '批量审核岗位（通过/驳回并说明理由）',
        body: ReviewDecisionBody,
        response: { 200: ReviewDecisionResult, ...errors },
      },
    },
    async (request) => review.decideReview(rd, staffActorOf(request), request.body, metaOf(request)),
  );
}
