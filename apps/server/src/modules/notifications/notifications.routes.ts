import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, MarkedRead, MessageIdParam, MessageListQuery, MessagePage, UnreadCount } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { userActorOf } from '../../platform/http/request-auth.js';
import * as service from './notifications.service.js';

/** 消息中心 of the logged-in app user: list, unread count, mark read. */
export function registerNotificationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const nd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };
  const tags = ['messages'];
  const base = '/api/v1/app/messages';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '我的消息（分页，可只看未读）',
        querystring: MessageListQuery,
        response: { 200: MessagePage, ...errors },
      },
    },
    async (request) => service.listMessages(nd, userActorOf(request), request.query),
  );
  app.get(
    `${base}/unread-count`,
    { schema: { tags, summary: '未读消息数', response: { 200: UnreadCount, ...errors } } },
    async (request) => service.unreadCount(nd, userActorOf(request)),
  );
  app.post(
    `${base}/read-all`,
    { schema: { tags, summary: '全部标为已读', response: { 200: MarkedRead, ...errors } } },
    async (request) => service.markAllRead(nd, userActorOf(request)),
  );
  app.post(
    `${base}/:id/read`,
    { schema: { tags, summary: '标为已读', params: MessageIdParam, response: { 200: MarkedRead, ...errors } } },
    async (request) => service.markRead(nd, userActorOf(request), request.params.id),
  );
}
