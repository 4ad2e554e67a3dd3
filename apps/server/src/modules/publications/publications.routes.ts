import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  Publication,
  PublicationBody,
  PublicationIdParam,
  PublicationListQuery,
  PublicationLogList,
  PublicationPage,
  PublicPublication,
  PublicPublicationPage,
  PublicPublicationQuery,
  RejectPublicationBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { publicOrigin } from '../../platform/http/public-origin.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { sendFile } from '../../platform/reporting/index.js';
import { mobileUrl, renderPoster, renderWechatHtml } from './publications.render.js';
import * as service from './publications.service.js';

const originOf = (request: FastifyRequest, deps: AppDeps) => publicOrigin(request, deps.config);

/** 统一发布系统: console workflow and exports, plus the public channel reads. */
export function registerPublicationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pd = { db: deps.database.db, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['publications'];
  const base = '/api/v1/admin/publications';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '发布内容列表（按区域、状态、类型、渠道筛选）',
        querystring: PublicationListQuery,
        response: { 200: PublicationPage, ...errors },
      },
    },
    async (request) => service.list(pd, staffActorOf(request), request.query),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: '新建发布内容（草稿）',
        body: PublicationBody,
        response: { 201: Publication, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(pd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/:id`,
    {
      schema: { tags, summary: '发布内容详情', params: PublicationIdParam, response: { 200: Publication, ...errors } },
    },
    async (request) => service.get(pd, staffActorOf(request), request.params.id),
  );
  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: '修改草稿或已驳回的内容',
        params: PublicationIdParam,
        body: PublicationBody,
        response: { 200: Publication, ...errors },
      },
    },
    async (request) => service.update(pd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    `${base}/:id/submit`,
    { schema: { tags, summary: '提交审核', params: PublicationIdParam, response: { 200: Publication, ...errors } } },
    async (request) => service.submit(pd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    `${base}/:id/approve`,
    {
      schema: {
        tags,
        summary: '审核通过（到发布时间即发布）',
        params: PublicationIdParam,
        response: { 200: Publication, ...errors },
      },
    },
    async (request) => service.approve(pd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    `${base}/:id/reject`,
    {
      schema: {
        tags,
        summary: '驳回（填写原因）',
        params: PublicationIdParam,
        body: RejectPublicationBody,
        response: { 200: Publication, ...errors },
      },
    },
    async (request) =>
      service.reject(pd, staffActorOf(request), request.params.id, request.body.reason, metaOf(request)),
  );
  app.post(
    `${base}/:id/unpublish`,
    { schema: { tags, summary: '下线', params: PublicationIdParam, response: { 200: Publication, ...errors } } },
    async (request) => service.unpublish(pd, staffActorOf(request), request.params.id, metaOf(request)),
  );
  app.get(
    `${base}/:id/logs`,
    {
      schema: {
        tags,
        summary: '各渠道发布记录',
        params: PublicationIdParam,
        response: { 200: PublicationLogList, ...errors },
      },
    },
    async (request) => service.logs(pd, staffActorOf(request), request.params.id),
  );
  app.get(
    `${base}/:id/poster.pdf`,
    { schema: { tags, summary: '下载A4海报（PDF，含二维码）', params: PublicationIdParam } },
    async (request, reply) => {
      const row = await service.recordExport(pd, staffActorOf(request), request.params.id, 'poster', metaOf(request));
      const pdf = await renderPoster(
        row,
        await service.openJobsOf(pd.db, row),
        mobileUrl(originOf(request, deps), row.id),
      );
      return sendFile(
        reply,
        { name: `海报_${row.title}`, buffer: pdf },
        { kind: 'pdf', now: null, fallback: 'poster' },
      );
    },
  );
  app.get(
    `${base}/:id/wechat.html`,
    { schema: { tags, summary: '导出公众号文章（HTML，内联样式）', params: PublicationIdParam } },
    async (request, reply) => {
      const row = await service.recordExport(pd, staffActorOf(request), request.params.id, 'wechat', metaOf(request));
      const html = renderWechatHtml(
        row,
        await service.openJobsOf(pd.db, row),
        mobileUrl(originOf(request, deps), row.id),
      );
      const file = { name: `公众号_${row.title}`, buffer: Buffer.from(html) };
      return sendFile(reply, file, { kind: 'html', now: null, fallback: 'wechat' });
    },
  );

  app.get(
    '/api/v1/public/publications',
    {
      schema: {
        tags,
        summary: '已发布内容（按渠道：首页横幅/通知列表/大屏）',
        querystring: PublicPublicationQuery,
        response: { 200: PublicPublicationPage, 400: ErrorBody },
      },
    },
    async (request) => service.listPublic(pd, request.query),
  );
  app.get(
    '/api/v1/public/publications/:id',
    {
      schema: {
        tags,
        summary: '已发布内容详情',
        params: PublicationIdParam,
        response: { 200: PublicPublication, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => service.getPublic(pd, request.params.id),
  );
}
