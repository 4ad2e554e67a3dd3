import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PublicJobPage, PublicJobQuery } from '@lingong/contracts';
import type { AppDeps } from '../../app.js';
import * as service from './jobs.service.js';

export function registerJobRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/public/jobs', { schema: { tags: ['jobs'], summary: '已发布岗位', querystring: PublicJobQuery, response: { 200: PublicJobPage, 400: ErrorBody } } }, async (request) =>
    service.listPublishedJobs(deps.database.db, request.query),
  );
}
