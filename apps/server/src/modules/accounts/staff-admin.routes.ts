import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateStaffBody,
  ErrorBody,
  IdParam,
  ResetStaffPasswordBody,
  StaffAccount,
  StaffAccountPage,
  StaffListQuery,
  StaffReasonBody,
  UpdateStaffBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './staff-admin.service.js';

/** Staff accounts and roles (人员与角色), region-scoped. */
export function registerStaffAdminRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['staff'];

  app.get(
    '/api/v1/admin/staff',
    {
      schema: {
        tags,
        summary: '工作人员列表（管辖区域内）',
        querystring: StaffListQuery,
        response: { 200: StaffAccountPage, ...errors },
      },
    },
    async (request) => service.listStaff(sd, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/staff/:id',
    { schema: { tags, summary: '工作人员详情', params: IdParam, response: { 200: StaffAccount, ...errors } } },
    async (request) => service.getStaff(sd, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/admin/staff',
    {
      schema: { tags, summary: '新建工作人员账号', body: CreateStaffBody, response: { 201: StaffAccount, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createStaff(sd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.patch(
    '/api/v1/admin/staff/:id',
    {
      schema: {
        tags,
        summary: '修改姓名、角色或管辖区域',
        params: IdParam,
        body: UpdateStaffBody,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) => service.updateStaff(sd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    '/api/v1/admin/staff/:id/disable',
    {
      schema: {
        tags,
        summary: '停用账号（立即下线）',
        params: IdParam,
        body: StaffReasonBody,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) =>
      service.disableStaff(sd, staffActorOf(request), request.params.id, request.body?.reason ?? '', metaOf(request)),
  );
  app.post(
    '/api/v1/admin/staff/:id/enable',
    {
      schema: {
        tags,
        summary: '启用账号',
        params: IdParam,
        body: StaffReasonBody,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) =>
      service.enableStaff(sd, staffActorOf(request), request.params.id, request.body?.reason ?? '', metaOf(request)),
  );
  app.post(
    '/api/v1/admin/staff/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（立即下线）',
        params: IdParam,
        body: ResetStaffPasswordBody,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) =>
      service.resetStaffPassword(sd, staffActorOf(request), request.params.id, request.body.password, metaOf(request)),
  );
  app.post(
    '/api/v1/admin/staff/:id/unlock',
    {
      schema: { tags, summary: '解除登录锁定', params: IdParam, response: { 200: StaffAccount, ...errors } },
    },
    async (request) => service.unlockStaff(sd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    '/api/v1/admin/staff/:id/totp/reset',
    {
      schema: {
        tags,
        summary: '重置身份验证器（需二次确认）',
        params: IdParam,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) => service.resetStaffTotp(sd, staffActorOf(request), request.params.id, metaOf(request)),
  );
}
