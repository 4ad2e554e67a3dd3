import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ClassSession,
  ClassSessionList,
  CreateCourseBody,
  CreateNeedBody,
  CreateProviderBody,
  CreateSessionBody,
  EnrolBody,
  Enrolment,
  EnrolmentList,
  ErrorBody,
  PageQuery,
  PushResult,
  PushTargetQuery,
  TrainingCourse,
  TrainingCoursePage,
  TrainingIdParam,
  TrainingListQuery,
  TrainingNeed,
  TrainingNeedPage,
  TrainingProvider,
  TrainingProviderPage,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './training.service.js';

/** 培训推介: providers, courses, needs, recommendation pushes, enrolment, class sessions. */
export function registerTrainingRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const td = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  const tags = ['training'];
  const base = '/api/v1/admin/training';

  app.get(
    `${base}/providers`,
    {
      schema: {
        tags,
        summary: '培训机构列表',
        querystring: PageQuery,
        response: { 200: TrainingProviderPage, ...errors },
      },
    },
    async (request) => service.listProviders(td, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/providers`,
    {
      schema: {
        tags,
        summary: '登记培训机构',
        body: CreateProviderBody,
        response: { 201: TrainingProvider, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProvider(td, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/courses`,
    {
      schema: {
        tags,
        summary: '培训课程列表（含报名、课时、推荐数）',
        querystring: TrainingListQuery,
        response: { 200: TrainingCoursePage, ...errors },
      },
    },
    async (request) => service.listCourses(td, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/courses`,
    {
      schema: {
        tags,
        summary: '发布培训课程（补贴对象规则）',
        body: CreateCourseBody,
        response: { 201: TrainingCourse, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCourse(td, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/needs`,
    {
      schema: {
        tags,
        summary: '培训需求（个人画像培训意愿 + 登记）',
        querystring: PageQuery,
        response: { 200: TrainingNeedPage, ...errors },
      },
    },
    async (request) => service.listNeeds(td, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/needs`,
    { schema: { tags, summary: '登记培训需求', body: CreateNeedBody, response: { 201: TrainingNeed, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await service.recordNeed(td, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/courses/:id/push-preview`,
    {
      schema: {
        tags,
        summary: '推介预览：将收到推荐的人数（可指定人群分组）',
        params: TrainingIdParam,
        querystring: PushTargetQuery,
        response: { 200: PushResult, ...errors },
      },
    },
    async (request) => service.previewPush(td, staffActorOf(request), request.params.id, request.query.segmentId),
  );
  app.post(
    `${base}/courses/:id/push`,
    {
      schema: {
        tags,
        summary: '向有培训需求的求职者（或指定人群分组）推送课程（逐人记录并发短信）',
        params: TrainingIdParam,
        querystring: PushTargetQuery,
        response: { 200: PushResult, ...errors },
      },
    },
    async (request) =>
      service.pushCourse(td, staffActorOf(request), request.params.id, metaOf(request), request.query.segmentId),
  );
  app.post(
    `${base}/courses/:id/enrolments`,
    {
      schema: {
        tags,
        summary: '培训报名',
        params: TrainingIdParam,
        body: EnrolBody,
        response: { 201: Enrolment, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.enrol(td, staffActorOf(request), request.params.id, request.body, metaOf(request))),
  );
  app.get(
    `${base}/courses/:id/enrolments`,
    {
      schema: {
        tags,
        summary: '报名学员（脱敏）',
        params: TrainingIdParam,
        response: { 200: EnrolmentList, ...errors },
      },
    },
    async (request) => service.listEnrolments(td, staffActorOf(request), request.params.id),
  );
  app.get(
    `${base}/courses/:id/sessions`,
    {
      schema: { tags, summary: '课时与出勤', params: TrainingIdParam, response: { 200: ClassSessionList, ...errors } },
    },
    async (request) => service.listSessions(td, staffActorOf(request), request.params.id),
  );
  app.post(
    `${base}/courses/:id/sessions`,
    {
      schema: {
        tags,
        summary: '登记课时与出勤',
        params: TrainingIdParam,
        body: CreateSessionBody,
        response: { 201: ClassSession, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.recordSession(td, staffActorOf(request), request.params.id, request.body, metaOf(request))),
  );
}
