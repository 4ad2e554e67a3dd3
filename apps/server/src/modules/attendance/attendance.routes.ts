import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplicationIdParam,
  AttendanceSummary,
  CheckBody,
  CheckInQr,
  CompleteBody,
  ErrorBody,
  JobIdParam,
  NoShowBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { publicOrigin } from '../../platform/http/public-origin.js';
import { metaOf, userActorOf } from '../../platform/http/request-auth.js';
import * as service from './attendance.service.js';

/** 考勤 (check in/out by location or QR), 未到岗 and 完工确认. */
export function registerAttendanceRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ad: service.AttendanceDeps = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['attendance'];
  const one = { 200: AttendanceSummary, ...errors };
  const base = '/api/v1/app/applications/:id';

  app.get(
    `${base}/attendance`,
    { schema: { tags, summary: '考勤与工时（双方可见）', params: ApplicationIdParam, response: one } },
    async (request) => service.getSummary(ad, userActorOf(request), request.params.id),
  );
  app.post(
    `${base}/check-in`,
    { schema: { tags, summary: '签到（定位或扫码）', params: ApplicationIdParam, body: CheckBody, response: one } },
    async (request) => service.checkIn(ad, userActorOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/check-out`,
    { schema: { tags, summary: '签退（定位或扫码）', params: ApplicationIdParam, body: CheckBody, response: one } },
    async (request) => service.checkOut(ad, userActorOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/no-show`,
    {
      schema: {
        tags,
        summary: '标记未到岗（开工+宽限时间后）',
        params: ApplicationIdParam,
        body: NoShowBody,
        response: one,
      },
    },
    async (request) =>
      service.markNoShow(ad, userActorOf(request), request.params.id, request.body?.reason, metaOf(request)),
  );
  app.post(
    `${base}/complete`,
    {
      schema: {
        tags,
        summary: '确认完工（应付工资以工资单为准，不再填写金额）',
        params: ApplicationIdParam,
        body: CompleteBody,
        response: one,
      },
    },
    async (request) =>
      service.confirmCompletion(ad, userActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/app/jobs/:id/checkin-qr',
    {
      schema: {
        tags,
        summary: '用工方签到二维码（每60秒轮换）',
        params: JobIdParam,
        response: { 200: CheckInQr, ...errors },
      },
    },
    async (request) =>
      service.checkInQr(ad, userActorOf(request), request.params.id, publicOrigin(request, deps.config)),
  );
}
