import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Agreement,
  AgreementVerification,
  ApplicationIdParam,
  ErrorBody,
  SignBody,
  SignCodeBody,
  SignCodeResult,
  VerifyAgreementQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { publicOrigin } from '../../platform/http/public-origin.js';
import { metaOf, userActorOf } from '../../platform/http/request-auth.js';
import { sendFile } from '../../platform/reporting/index.js';
import { registerAgreementTemplateRoutes } from './agreement-templates.routes.js';
import { renderAgreementPdf } from './agreement-pdf.js';
import * as service from './agreements.service.js';

/** 工作协议: view, sign with an SMS code, PDF for the parties, and public verification. */
export function registerAgreementRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ad: service.AgreementsDeps = {
    db: deps.database.db,
    pii: deps.pii,
    sms: deps.sms,
    smsIpLimitPerHour: deps.config.sms.ipLimitPerHour,
    now: deps.now,
  };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
  const tags = ['agreements'];
  const base = '/api/v1/app/applications/:id/agreement';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '工作协议（仅双方可见）',
        params: ApplicationIdParam,
        response: { 200: Agreement, ...errors },
      },
    },
    async (request) => service.getAgreement(ad, userActorOf(request), request.params.id),
  );
  app.post(
    `${base}/sign-code`,
    {
      schema: {
        tags,
        summary: '获取签署验证码（已阅读并勾选同意）',
        params: ApplicationIdParam,
        body: SignCodeBody,
        response: { 200: SignCodeResult, ...errors },
      },
    },
    async (request) => service.requestSignCode(ad, userActorOf(request), request.params.id, metaOf(request)),
  );
  app.post(
    `${base}/sign`,
    {
      schema: {
        tags,
        summary: '签署（验证码 + 所阅读文本的SM3摘要）',
        params: ApplicationIdParam,
        body: SignBody,
        response: { 200: Agreement, ...errors },
      },
    },
    async (request) =>
      service.signAgreement(ad, userActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.get(
    `${base}.pdf`,
    { schema: { tags, summary: '下载协议PDF（仅双方）', params: ApplicationIdParam } },
    async (request, reply) => {
      const { ag, text } = await service.agreementForPdf(ad, userActorOf(request), request.params.id);
      const pdf = await renderAgreementPdf(ag, text, publicOrigin(request, deps.config));
      return sendFile(
        reply,
        { name: `工作协议_${ag.number}`, buffer: pdf },
        { kind: 'pdf', now: null, fallback: ag.number },
      );
    },
  );
  app.get(
    '/api/v1/public/agreements/verify',
    {
      schema: {
        tags,
        summary: '协议核验（编号 + 摘要，公开）',
        querystring: VerifyAgreementQuery,
        response: { 200: AgreementVerification, 400: ErrorBody },
      },
    },
    async (request) => service.verifyAgreement(ad.db, request.query.number, request.query.hash),
  );
  registerAgreementTemplateRoutes(fastify, deps);
}
