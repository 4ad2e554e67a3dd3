import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePartnerClientBody,
  ErrorBody,
  IssuedPartnerClient,
  PartnerClient,
  PartnerClientList,
  PublicJobPage,
  PublicJobQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { listPublishedJobs } from '../jobs/index.js';
import * as service from './partner.service.js';

const SIGNED_DESCRIPTION =
  '合作系统接口（人力资源市场、人才服务中心、产业园、驿站软件）。每个请求带 x-lg-client-id、x-lg-timestamp、x-lg-nonce、x-lg-signature 四个请求头；签名 = HMAC-SM3(密钥, 时间戳\\n随机数\\n方法\\n路径(含查询串)\\nSM3(请求体))，见 docs/exchange.md。';

/** A page of the partner job list as the OpenAPI example (a Luzhai posting, amounts in fen). */
const PARTNER_JOBS_EXAMPLE = {
  items: [
    {
      id: '7d1c2a9e-3b4f-4c5d-8e6f-9a0b1c2d3e4f',
      title: '柑橘采摘工（日结）',
      occupationId: '0b6f2c1e-5a4d-4e3f-9c8b-7a6d5e4f3a2b',
      occupationName: '果蔬采摘工',
      kind: 'flexible',
      headcount: 6,
      wageMinFen: 15000,
      wageMaxFen: 18000,
      wageUnit: 'day',
      settlement: 'daily',
      townCode: '450223103000',
      townName: '中渡镇',
      address: '中渡镇长盛村柑橘基地',
      startDate: '2026-12-05',
      endDate: '2026-12-12',
      employerName: '鹿寨县某果蔬专业合作社',
      employerCreditLevel: 'A',
      publishedAt: '2026-12-01T02:30:00.000Z',
      distanceKm: null,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

/** Open API for partner systems (signed clients) and the console's credential management. */
export function registerPartnerRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const admin = '/api/v1/admin/partners';
  const tags = ['partners'];

  app.get(
    admin,
    { schema: { tags, summary: '对接客户端列表', response: { 200: PartnerClientList, ...errors } } },
    async (request) => service.listPartnerClients(pd, staffActorOf(request)),
  );
  app.post(
    admin,
    {
      schema: {
        tags,
        summary: '签发对接客户端凭据（密钥仅显示一次）',
        body: CreatePartnerClientBody,
        response: { 200: IssuedPartnerClient, ...errors },
      },
    },
    async (request) => service.issuePartnerClient(pd, staffActorOf(request), request.body, metaOf(request)),
  );
  app.post(
    `${admin}/:id/revoke`,
    {
      schema: {
        tags,
        summary: '停用对接客户端',
        params: z.object({ id: z.uuid({ error: '编号不正确' }) }),
        response: { 200: PartnerClient, ...errors },
      },
    },
    async (request) => service.revokePartnerClient(pd, staffActorOf(request), request.params.id, metaOf(request)),
  );

  app.get(
    '/api/v1/exchange/partner/jobs',
    {
      schema: {
        tags: ['partner-api'],
        operationId: 'partnerListJobs',
        summary: '已发布岗位（权限 jobs.read）',
        description: SIGNED_DESCRIPTION,
        security: [{ partnerSignature: [] }],
        querystring: PublicJobQuery,
        response: {
          200: PublicJobPage.meta({ example: PARTNER_JOBS_EXAMPLE }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      await service.authenticatePartner(pd, request, 'jobs.read');
      return listPublishedJobs(deps.database.db, request.query);
    },
  );
}
