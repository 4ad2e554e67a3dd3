import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  EmployerIdParam,
  EmployerJob,
  EmployerJobPage,
  EmployerJobQuery,
  ErrorBody,
  JobIdParam,
  JobPostingBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, userActorOf } from '../../platform/http/request-auth.js';
import * as posting from './job-posting.service.js';

/** Employers' own postings: create, edit, submit, close, mark filled (members only). */
export function registerJobAppRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const jd: posting.JobsDeps = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['jobs'];

  app.get(
    '/api/v1/app/employers/:employerId/jobs',
    {
      schema: {
        tags,
        summary: '本单位的岗位（按状态）',
        params: EmployerIdParam,
        querystring: EmployerJobQuery,
        response: { 200: EmployerJobPage, ...errors },
      },
    },
    async (request) => posting.listEmployerJobs(jd, userActorOf(request), request.params.employerId, request.query),
  );
  app.post(
    '/api/v1/app/employers/:employerId/jobs',
    {
      schema: {
        tags,
        summary: '发布岗位（自动检查敏感词与就业歧视）',
        params: EmployerIdParam,
        body: JobPostingBody,
        response: { 201: EmployerJob, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await posting.createJob(jd, userActorOf(request), request.params.employerId, request.body, metaOf(request)),
        ),
  );
  app.get(
    '/api/v1/app/jobs/:id',
    { schema: { tags, summary: '本单位岗位详情', params: JobIdParam, response: { 200: EmployerJob, ...errors } } },
    async (request) => posting.getOwnJob(jd, userActorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/app/jobs/:id',
    {
      schema: {
        tags,
        summary: '修改岗位（重新检查；已发布的可能回到待审核）',
        params: JobIdParam,
        body: JobPostingBody,
        response: { 200: EmployerJob, ...errors },
      },
    },
    async (request) => posting.updateJob(jd, userActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    '/api/v1/app/jobs/:id/submit',
    {
      schema: {
        tags,
        summary: '提交草稿（审核或直接发布）',
        params: JobIdParam,
        response: { 200: EmployerJob, ...errors },
      },
    },
    async (request) => posting.submitJob(jd, userActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    '/api/v1/app/jobs/:id/close',
    { schema: { tags, summary: '关闭岗位', params: JobIdParam, response: { 200: EmployerJob, ...errors } } },
    async (request) => posting.endJob(jd, userActorOf(request), request.params.id, 'closed', metaOf(request)),
  );
  app.post(
    '/api/v1/app/jobs/:id/fill',
    { schema: { tags, summary: '标记已招满', params: JobIdParam, response: { 200: EmployerJob, ...errors } } },
    async (request) => posting.endJob(jd, userActorOf(request), request.params.id, 'filled', metaOf(request)),
  );
}
