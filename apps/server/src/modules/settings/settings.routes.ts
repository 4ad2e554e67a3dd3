import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  Setting,
  SettingHistoryPage,
  SettingHistoryQuery,
  SettingKeyParam,
  SettingList,
  UpdateSettingBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './settings.service.js';

/** System parameters (系统配置): read by any console user with the dashboard, written by config admins. */
export function registerSettingsRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

  app.get(
    '/api/v1/admin/settings',
    { schema: { tags: ['settings'], summary: '系统配置（全部参数）', response: { 200: SettingList, ...errors } } },
    async (request) => ({
      items: await service.listSettings(sd, staffActorOf(request)),
    }),
  );
  app.get(
    '/api/v1/admin/settings/history',
    {
      schema: {
        tags: ['settings'],
        summary: '配置变更记录',
        querystring: SettingHistoryQuery,
        response: { 200: SettingHistoryPage, ...errors },
      },
    },
    async (request) => service.listSettingHistory(sd, staffActorOf(request), request.query),
  );
  app.put(
    '/api/v1/admin/settings/:key',
    {
      schema: {
        tags: ['settings'],
        summary: '修改一项配置（记录新旧值）',
        params: SettingKeyParam,
        body: UpdateSettingBody,
        response: { 200: Setting, ...errors },
      },
    },
    async (request) =>
      service.updateSetting(sd, staffActorOf(request), request.params.key, request.body.value, metaOf(request)),
  );
}
