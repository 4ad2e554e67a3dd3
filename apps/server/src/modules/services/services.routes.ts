import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateFollowupBody,
  CreateGuidanceBody,
  CreateReferralBody,
  ErrorBody,
  Followup,
  GuidanceSession,
  Matchmaking,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { presentFollowup, presentGuidance, presentMatchmaking } from './services.presenter.js';
import * as service from './services.service.js';

/** Staff records of public employment services: follow-ups, offline referrals, career guidance. */
export function registerServicesRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
  const tags = ['services'];

  app.post(
    '/api/v1/admin/services/followups',
    { schema: { tags, summary: '登记求职跟踪服务', body: CreateFollowupBody, response: { 201: Followup, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentFollowup(await service.recordFollowup(sd, staffActorOf(request), request.body, metaOf(request)))),
  );
  app.post(
    '/api/v1/admin/services/referrals',
    {
      schema: {
        tags,
        summary: '登记线下职业介绍（招聘求职对接）',
        body: CreateReferralBody,
        response: { 201: Matchmaking, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentMatchmaking(await service.recordReferral(sd, staffActorOf(request), request.body, metaOf(request))),
        ),
  );
  app.post(
    '/api/v1/admin/services/guidance',
    {
      schema: {
        tags,
        summary: '登记一对一职业指导',
        body: CreateGuidanceBody,
        response: { 201: GuidanceSession, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentGuidance(await service.recordGuidance(sd, staffActorOf(request), request.body, metaOf(request)))),
  );
}
