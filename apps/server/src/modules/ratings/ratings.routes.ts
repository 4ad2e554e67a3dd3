import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminRating,
  AdminRatingPage,
  ApplicationIdParam,
  CreditIdParam,
  ErrorBody,
  FlaggedRatingQuery,
  RatingState,
  ReviewRatingBody,
  SubmitRatingBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import * as service from './ratings.service.js';

/** 评价: both sides rate after completion (app); flagged-ratings review queue (console). */
export function registerRatingRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const rd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['ratings'];

  app.get(
    '/api/v1/app/applications/:id/rating',
    {
      schema: {
        tags,
        summary: '评价页：我的评价与对方评价（双方都评或期满后可见）',
        params: ApplicationIdParam,
        response: { 200: RatingState, ...errors },
      },
    },
    async (request) => service.getRatingState(rd, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/applications/:id/rating',
    {
      schema: {
        tags,
        summary: '评价对方（1-5星、标签、评语，每方一次）',
        params: ApplicationIdParam,
        body: SubmitRatingBody,
        response: { 201: RatingState, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.submitRating(rd, userActorOf(request), request.params.id, request.body, metaOf(request))),
  );
  app.get(
    '/api/v1/admin/ratings',
    {
      schema: {
        tags,
        summary: '评价审核队列（含敏感词的评价）',
        querystring: FlaggedRatingQuery,
        response: { 200: AdminRatingPage, ...errors },
      },
    },
    async (request) => service.listForReview(rd, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/ratings/:id/review',
    {
      schema: {
        tags,
        summary: '审核评价：通过或隐藏评语（需说明）',
        params: CreditIdParam,
        body: ReviewRatingBody,
        response: { 200: AdminRating, ...errors },
      },
    },
    async (request) =>
      service.reviewRating(rd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
}
