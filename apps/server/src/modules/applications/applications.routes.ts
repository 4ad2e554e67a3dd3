import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Application,
  ApplicationIdParam,
  ApplicationList,
  ErrorBody,
  InviteBody,
  JobIdParam,
  OptionalReasonBody,
  PublicJobDetail,
  PublicJobDetailQuery,
  ReasonBody,
  RecommendationQuery,
  RecommendedJobList,
  RecommendedWorkerList,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, userActorOf } from '../../platform/http/request-auth.js';
import { getPublicJob } from '../jobs/index.js';
import * as applying from './application-apply.service.js';
import * as hiring from './application-hiring.service.js';
import * as queries from './application-queries.service.js';
import * as recommend from './recommendations.service.js';

/** Applications and hiring (报名、邀请、录用、确认), and recommendations both ways. */
export function registerApplicationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ad = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['applications'];
  const one = { 200: Application, ...errors };

  // Worker side
  app.get(
    '/api/v1/app/worker/jobs/:id',
    {
      schema: {
        tags,
        summary: '岗位详情（已报名者可见联系电话）',
        params: JobIdParam,
        querystring: PublicJobDetailQuery,
        response: { 200: PublicJobDetail, ...errors },
      },
    },
    async (request) =>
      getPublicJob(ad.db, request.params.id, request.query, {
        viewerHasApplied: await queries.hasApplied(ad, userActorOf(request).id, request.params.id),
        pii: deps.pii,
      }),
  );
  app.post(
    '/api/v1/app/jobs/:id/apply',
    { schema: { tags, summary: '一键报名', params: JobIdParam, response: { 201: Application, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await applying.applyToJob(ad, userActorOf(request), request.params.id, metaOf(request))),
  );
  app.get(
    '/api/v1/app/worker/applications',
    { schema: { tags, summary: '我的报名（含邀请）', response: { 200: ApplicationList, ...errors } } },
    async (request) => queries.listMyApplications(ad, userActorOf(request)),
  );
  app.post(
    '/api/v1/app/worker/applications/:id/accept',
    { schema: { tags, summary: '接受邀请', params: ApplicationIdParam, response: one } },
    async (request) => applying.acceptInvitation(ad, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/worker/applications/:id/reject',
    { schema: { tags, summary: '谢绝邀请', params: ApplicationIdParam, body: OptionalReasonBody, response: one } },
    async (request) => applying.rejectInvitation(ad, userActorOf(request), request.params.id, request.body?.reason),
  );
  app.post(
    '/api/v1/app/worker/applications/:id/confirm',
    { schema: { tags, summary: '结果确认', params: ApplicationIdParam, response: one } },
    async (request) => hiring.confirm(ad, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/worker/applications/:id/withdraw',
    { schema: { tags, summary: '撤回报名', params: ApplicationIdParam, body: OptionalReasonBody, response: one } },
    async (request) => hiring.withdraw(ad, userActorOf(request), request.params.id, request.body?.reason),
  );
  app.get(
    '/api/v1/app/worker/recommended-jobs',
    {
      schema: {
        tags,
        summary: '为我推荐的岗位（附推荐理由）',
        querystring: RecommendationQuery,
        response: { 200: RecommendedJobList, ...errors },
      },
    },
    async (request) => recommend.recommendJobsForWorker(ad, userActorOf(request), request.query.limit),
  );

  // Employer side
  app.get(
    '/api/v1/app/jobs/:id/applications',
    { schema: { tags, summary: '岗位的报名者', params: JobIdParam, response: { 200: ApplicationList, ...errors } } },
    async (request) => queries.listJobApplicants(ad, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/jobs/:id/invitations',
    {
      schema: {
        tags,
        summary: '邀请工人',
        params: JobIdParam,
        body: InviteBody,
        response: { 201: Application, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await applying.inviteWorker(
            ad,
            userActorOf(request),
            request.params.id,
            request.body.workerId,
            metaOf(request),
          ),
        ),
  );
  app.get(
    '/api/v1/app/jobs/:id/recommended-workers',
    {
      schema: {
        tags,
        summary: '查找雇员：推荐工人（姓名脱敏，附推荐理由）',
        params: JobIdParam,
        querystring: RecommendationQuery,
        response: { 200: RecommendedWorkerList, ...errors },
      },
    },
    async (request) =>
      recommend.recommendWorkersForJob(ad, userActorOf(request), request.params.id, request.query.limit),
  );
  app.post(
    '/api/v1/app/applications/:id/hire',
    { schema: { tags, summary: '录用（人数已满时拒绝）', params: ApplicationIdParam, response: one } },
    async (request) => hiring.hire(ad, userActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    '/api/v1/app/applications/:id/decline',
    { schema: { tags, summary: '婉拒（需说明原因）', params: ApplicationIdParam, body: ReasonBody, response: one } },
    async (request) => hiring.decline(ad, userActorOf(request), request.params.id, request.body.reason),
  );

  // Either side
  app.get(
    '/api/v1/app/applications/:id',
    { schema: { tags, summary: '报名详情与经过', params: ApplicationIdParam, response: one } },
    async (request) => queries.getApplication(ad, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/applications/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消录用（双方均可，需说明原因）',
        params: ApplicationIdParam,
        body: ReasonBody,
        response: one,
      },
    },
    async (request) => hiring.cancel(ad, userActorOf(request), request.params.id, request.body.reason),
  );
}
