import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminEmployerDetail,
  AdminEmployerSearchPage,
  AdminEmployerSearchQuery,
  AdminEmployerSummary,
  CounterEmployerBody,
  EmployerStatusReasonBody,
  Employer,
  EmployerBody,
  EmployerIdParam,
  EmployerList,
  ErrorBody,
  IdParam,
  Invitation,
  InvitationBody,
  InvitationList,
  InvitationParams,
  VerifyEmployerBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import { findUserById } from '../accounts/index.js';
import * as admin from './employer-admin.service.js';
import * as members from './employer-members.service.js';
import * as registration from './employer-registration.service.js';
import * as verification from './employer-verification.service.js';
import { registerEmployerExportRoutes } from './employers-export.routes.js';
import { registerEmployerActivityRoutes } from './employer-activity.routes.js';

/** Employers (用工主体): registration and members in the app, verification in the console. */
export function registerEmployerRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const ed = {
    db,
    pii: deps.pii,
    now: deps.now,
    phoneHashOf: async (userId: string) => (await findUserById(db, userId))?.phoneHash ?? null,
  };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['employers'];

  app.get(
    '/api/v1/app/employers',
    { schema: { tags, summary: '我所属的用工主体', response: { 200: EmployerList, ...errors } } },
    async (request) => registration.listMyEmployers(ed, userActorOf(request)),
  );
  app.post(
    '/api/v1/app/employers',
    {
      schema: {
        tags,
        summary: '用工登记（注册用工主体，本人成为负责人）',
        body: EmployerBody,
        response: { 201: Employer, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registration.registerEmployer(ed, userActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    '/api/v1/app/employers/:employerId',
    {
      schema: {
        tags,
        summary: '用工主体详情（成员可见）',
        params: EmployerIdParam,
        response: { 200: Employer, ...errors },
      },
    },
    async (request) => registration.getEmployerForMember(ed, userActorOf(request), request.params.employerId),
  );
  app.put(
    '/api/v1/app/employers/:employerId',
    {
      schema: {
        tags,
        summary: '修改用工主体信息（负责人）',
        params: EmployerIdParam,
        body: EmployerBody,
        response: { 200: Employer, ...errors },
      },
    },
    async (request) =>
      registration.updateEmployer(ed, userActorOf(request), request.params.employerId, request.body, metaOf(request)),
  );
  app.get(
    '/api/v1/app/employers/:employerId/invitations',
    {
      schema: {
        tags,
        summary: '成员邀请列表（负责人）',
        params: EmployerIdParam,
        response: { 200: InvitationList, ...errors },
      },
    },
    async (request) => members.listEmployerInvitations(ed, userActorOf(request), request.params.employerId),
  );
  app.post(
    '/api/v1/app/employers/:employerId/invitations',
    {
      schema: {
        tags,
        summary: '按手机号邀请成员（负责人）',
        params: EmployerIdParam,
        body: InvitationBody,
        response: { 201: Invitation, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await members.inviteMember(
            ed,
            userActorOf(request),
            request.params.employerId,
            request.body.phone,
            metaOf(request),
          ),
        ),
  );
  app.post(
    '/api/v1/app/employers/:employerId/invitations/:invitationId/revoke',
    {
      schema: {
        tags,
        summary: '撤回邀请（负责人）',
        params: InvitationParams,
        response: { 200: Invitation, ...errors },
      },
    },
    async (request) =>
      members.revokeInvitation(
        ed,
        userActorOf(request),
        request.params.employerId,
        request.params.invitationId,
        metaOf(request),
      ),
  );
  app.get(
    '/api/v1/app/employer-invitations',
    { schema: { tags, summary: '邀请我的用工主体（待接受）', response: { 200: InvitationList, ...errors } } },
    async (request) => members.listMyInvitations(ed, userActorOf(request)),
  );
  app.post(
    '/api/v1/app/employer-invitations/:id/accept',
    { schema: { tags, summary: '接受邀请，成为成员', params: IdParam, response: { 200: Invitation, ...errors } } },
    async (request) => members.acceptInvitation(ed, userActorOf(request), request.params.id, metaOf(request)),
  );

  app.get(
    '/api/v1/admin/employers',
    {
      schema: {
        tags,
        summary: '用工主体列表（管辖区域内；名称、乡镇、类型、状态筛选）',
        querystring: AdminEmployerSearchQuery,
        response: { 200: AdminEmployerSearchPage, ...errors },
      },
    },
    async (request) => admin.searchEmployersForStaff(ed, staffActorOf(request), request.query),
  );
  app.post(
    '/api/v1/admin/employers',
    {
      schema: {
        tags,
        summary: '窗口代为登记用工主体（负责人手机号登录后成为负责人）',
        body: CounterEmployerBody,
        response: { 201: AdminEmployerSummary, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await admin.registerEmployerAtCounter(ed, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    '/api/v1/admin/employers/:id',
    {
      schema: {
        tags,
        summary: '用工主体详情（成员、岗位统计、审核记录）',
        params: IdParam,
        response: { 200: AdminEmployerDetail, ...errors },
      },
    },
    async (request) => admin.getEmployerDetailForStaff(ed, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/admin/employers/:id/suspend',
    {
      schema: {
        tags,
        summary: '暂停用工主体（须说明理由；暂停后不能发布岗位）',
        params: IdParam,
        body: EmployerStatusReasonBody,
        response: { 200: AdminEmployerSummary, ...errors },
      },
    },
    async (request) =>
      admin.changeEmployerStatus(
        ed,
        staffActorOf(request),
        request.params.id,
        'suspend',
        request.body,
        metaOf(request),
      ),
  );
  app.post(
    '/api/v1/admin/employers/:id/restore',
    {
      schema: {
        tags,
        summary: '恢复已暂停的用工主体（须说明理由）',
        params: IdParam,
        body: EmployerStatusReasonBody,
        response: { 200: AdminEmployerSummary, ...errors },
      },
    },
    async (request) =>
      admin.changeEmployerStatus(
        ed,
        staffActorOf(request),
        request.params.id,
        'restore',
        request.body,
        metaOf(request),
      ),
  );
  app.post(
    '/api/v1/admin/employers/:id/verify',
    {
      schema: {
        tags,
        summary: '审核用工主体（通过/驳回并说明理由）',
        params: IdParam,
        body: VerifyEmployerBody,
        response: { 200: AdminEmployerSummary, ...errors },
      },
    },
    async (request) =>
      verification.verifyEmployer(ed, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  registerEmployerExportRoutes(fastify, deps);
  registerEmployerActivityRoutes(fastify, deps);
}
