import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Attendance,
  CheckinBody,
  CheckinToken,
  ConfirmDeliveryBody,
  CreateDeliveryBody,
  CreateEventBody,
  Delivery,
  DeliveryListQuery,
  DeliveryPage,
  ErrorBody,
  EventAttendeeList,
  EventEmployerBody,
  EventIdParam,
  EventListQuery,
  EventOutcomeBody,
  RecruitmentEvent,
  RecruitmentEventPage,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import * as service from './events.service.js';

/** 专项招聘活动: events, employers and jobs, QR check-in, outcomes; 送工 deliveries with three-party confirmation. */
export function registerEventRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ed = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  const tags = ['events'];
  const base = '/api/v1/admin/events';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '招聘活动列表',
        querystring: EventListQuery,
        response: { 200: RecruitmentEventPage, ...errors },
      },
    },
    async (request) => service.listEvents(ed, staffActorOf(request), request.query),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: '登记招聘活动（线下/线上/直播带岗/驿站活动）',
        body: CreateEventBody,
        response: { 201: RecruitmentEvent, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createEvent(ed, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: '招聘活动详情', params: EventIdParam, response: { 200: RecruitmentEvent, ...errors } } },
    async (request) => service.getEvent(ed, staffActorOf(request), request.params.id),
  );
  app.post(
    `${base}/:id/employers`,
    {
      schema: {
        tags,
        summary: '添加参会用工主体及岗位',
        params: EventIdParam,
        body: EventEmployerBody,
        response: { 200: RecruitmentEvent, ...errors },
      },
    },
    async (request) =>
      service.addEventEmployer(ed, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.put(
    `${base}/:id/outcome`,
    {
      schema: {
        tags,
        summary: '登记活动成效（达成意向、录用）',
        params: EventIdParam,
        body: EventOutcomeBody,
        response: { 200: RecruitmentEvent, ...errors },
      },
    },
    async (request) => service.setOutcome(ed, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.get(
    `${base}/:id/checkin-token`,
    {
      schema: {
        tags,
        summary: '现场签到二维码（每5分钟更新）',
        params: EventIdParam,
        response: { 200: CheckinToken, ...errors },
      },
    },
    async (request) => service.checkinToken(ed, staffActorOf(request), request.params.id),
  );
  app.get(
    `${base}/:id/attendees`,
    {
      schema: {
        tags,
        summary: '签到人员（脱敏）',
        params: EventIdParam,
        response: { 200: EventAttendeeList, ...errors },
      },
    },
    async (request) => service.listAttendees(ed, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/events/:id/checkin',
    {
      schema: {
        tags,
        summary: '扫码签到',
        params: EventIdParam,
        body: CheckinBody,
        response: { 200: Attendance, ...errors },
      },
    },
    async (request) => service.checkin(ed, userActorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/admin/deliveries',
    {
      schema: { tags, summary: '送工台账', querystring: DeliveryListQuery, response: { 200: DeliveryPage, ...errors } },
    },
    async (request) => service.listDeliveries(ed, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/deliveries',
    { schema: { tags, summary: '登记送工', body: CreateDeliveryBody, response: { 201: Delivery, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createDelivery(ed, staffActorOf(request), request.body, metaOf(request))),
  );
  app.post(
    '/api/v1/admin/deliveries/:id/confirmations',
    {
      schema: {
        tags,
        summary: '三方核对送工人数（企业、送工主体、人社部门）',
        params: EventIdParam,
        body: ConfirmDeliveryBody,
        response: { 200: Delivery, ...errors },
      },
    },
    async (request) =>
      service.confirmDelivery(ed, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
}
