import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  MarkedRead,
  StaffMessageIdParam,
  StaffMessageListQuery,
  StaffMessagePage,
  UnreadCount,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './staff-messages.js';

/** 工作人员消息 (console): the logged-in staff member's own messages, unread count, mark read. */
export function registerStaffMessageRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const nd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  const tags = ['messages'];
  const base = '/api/v1/admin/messages';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '工作人员消息（分页，可只看未读）',
        querystring: StaffMessageListQuery,
        response: { 200: StaffMessagePage, ...errors },
      },
    },
    async (request) => service.listStaffMessages(nd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/unread-count`,
    { schema: { tags, summary: '工作人员未读消息数', response: { 200: UnreadCount, ...errors } } },
    async (request) => service.staffUnreadCount(nd, staffActorOf(request)),
  );
  app.post(
    `${base}/read-all`,
    { schema: { tags, summary: '工作人员消息全部标为已读', response: { 200: MarkedRead, ...errors } } },
    async (request) => service.markStaffMessagesRead(nd, staffActorOf(request), null),
  );
  app.post(
    `${base}/:id/read`,
    {
      schema: {
        tags,
        summary: '工作人员消息标为已读',
        params: StaffMessageIdParam,
        response: { 200: MarkedRead, ...errors },
      },
    },
    async (request) => service.markStaffMessagesRead(nd, staffActorOf(request), request.params.id),
  );
}
