import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  JobIdParam,
  PublicJobDetail,
  PublicJobDetailQuery,
  PublicJobPage,
  PublicJobQuery,
} from '@lingong/contracts';
import { registerJobManageRoutes } from './jobs-manage.routes.js';
import type { AppDeps } from '../../deps.js';
import * as search from './job-search.service.js';
import { listPageCache, queryKey, setListCacheTtl } from './job-list-cache.js';
import { registerJobAppRoutes } from './jobs.app.routes.js';
import { registerJobAdminRoutes } from './jobs.admin.routes.js';

/** Public discovery, plus the employer (app) and review (admin) routes of job postings. */
export function registerJobRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  setListCacheTtl(deps.config.listCacheTtlMs);
  app.get(
    '/api/v1/public/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: '找活：已发布岗位（筛选、排序、中文搜索）',
        querystring: PublicJobQuery,
        response: { 200: PublicJobPage, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      // Anonymous and identical for every caller: served from the short-lived page cache.
      const key = queryKey(request.query);
      let body = listPageCache.get(key);
      if (body === undefined) {
        body = JSON.stringify(PublicJobPage.parse(await search.listPublishedJobs(db, request.query)));
        listPageCache.set(key, body);
      }
      // JSON text (the same bytes the zod serialiser makes): Fastify sends a string as is.
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
  app.get(
    '/api/v1/public/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: '岗位详情（传入经纬度时给出距离）',
        params: JobIdParam,
        querystring: PublicJobDetailQuery,
        response: { 200: PublicJobDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => search.getPublicJob(db, request.params.id, request.query),
  );
  registerJobAppRoutes(fastify, deps);
  registerJobAdminRoutes(fastify, deps);
  registerJobManageRoutes(fastify, deps);
}
