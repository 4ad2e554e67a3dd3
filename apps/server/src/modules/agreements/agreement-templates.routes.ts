import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgreementTemplateDetail,
  AgreementTemplateIdParam,
  AgreementTemplateList,
  AgreementTemplatePreview,
  CreateAgreementTemplateBody,
  ErrorBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as service from './agreement-templates.service.js';

/** 协议模板 (console): versions, detail, preview with sample data, new version. */
export function registerAgreementTemplateRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const td: service.TemplatesDeps = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['agreements'];
  const base = '/api/v1/admin/agreement-templates';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '协议模板版本列表（含可用占位符）',
        response: { 200: AgreementTemplateList, ...errors },
      },
    },
    async (request) => service.listTemplates(td, staffActorOf(request)),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '协议模板某一版本',
        params: AgreementTemplateIdParam,
        response: { 200: AgreementTemplateDetail, ...errors },
      },
    },
    async (request) => service.getTemplate(td, staffActorOf(request), request.params.id),
  );
  app.post(
    `${base}/preview`,
    {
      schema: {
        tags,
        summary: '用示例数据预览',
        body: CreateAgreementTemplateBody,
        response: { 200: AgreementTemplatePreview, ...errors },
      },
    },
    async (request) => service.previewTemplate(staffActorOf(request), request.body),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: '保存为新版本（此后生成的协议使用新版本）',
        body: CreateAgreementTemplateBody,
        response: { 200: AgreementTemplateDetail, ...errors },
      },
    },
    async (request) => service.createTemplateVersion(td, staffActorOf(request), request.body, metaOf(request)),
  );
}
