import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddWordsBody,
  ErrorBody,
  IdParam,
  ModerationResult,
  ModerationTestBody,
  SensitiveWord,
  SensitiveWordPage,
  SensitiveWordQuery,
  UpdateWordBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../http/request-auth.js';
import { requirePermission } from '../rbac/actor.js';
import * as service from './moderation.service.js';

const present = (r: service.WordRow): SensitiveWord => ({
  id: r.id,
  word: r.word,
  category: r.category,
  action: r.action,
  note: r.note,
  enabled: r.disabledAt === null,
  updatedAt: r.updatedAt.toISOString(),
});

/** 敏感词管理: the dictionary, bulk add, edit / disable, and a test box. */
export function registerModerationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

  app.get(
    '/api/v1/admin/sensitive-words',
    {
      schema: {
        tags: ['moderation'],
        summary: '敏感词列表',
        querystring: SensitiveWordQuery,
        response: { 200: SensitiveWordPage, ...errors },
      },
    },
    async (request) => {
      const page = await service.listWords(db, staffActorOf(request), request.query);
      return { ...page, items: page.items.map(present) };
    },
  );

  app.post(
    '/api/v1/admin/sensitive-words',
    {
      schema: {
        tags: ['moderation'],
        summary: '新增/批量导入敏感词（立即生效）',
        body: AddWordsBody,
        response: { 200: z.object({ added: z.number().int() }), ...errors },
      },
    },
    async (request) => service.addWords(db, staffActorOf(request), request.body.words, metaOf(request)),
  );

  app.patch(
    '/api/v1/admin/sensitive-words/:id',
    {
      schema: {
        tags: ['moderation'],
        summary: '修改/停用敏感词',
        params: IdParam,
        body: UpdateWordBody,
        response: { 200: SensitiveWord, ...errors },
      },
    },
    async (request) =>
      present(await service.updateWord(db, staffActorOf(request), request.params.id, request.body, metaOf(request))),
  );

  app.post(
    '/api/v1/admin/sensitive-words/test',
    {
      schema: {
        tags: ['moderation'],
        summary: '检测文本（显示命中词与歧视性表述）',
        body: ModerationTestBody,
        response: { 200: ModerationResult, ...errors },
      },
    },
    async (request) => {
      requirePermission(staffActorOf(request), 'moderation.read');
      return service.moderateText(db, request.body.text, { ageReason: request.body.ageReason });
    },
  );
}
