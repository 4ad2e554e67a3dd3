import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CollectionExportQuery,
  CollectionIdParam,
  Coverage,
  CoverageQuery,
  CreateCollectionFollowupBody,
  CreateHouseholdBody,
  ErrorBody,
  HouseholdDetail,
  HouseholdPage,
  HouseholdQuery,
  MemberBody,
  UpdateHouseholdBody,
  UpdateMemberBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { sendFile, XLSX_MIME } from '../../platform/reporting/index.js';
import { getCoverage } from './collection.coverage.js';
import { exportCollection } from './collection.export.js';
import * as service from './collection.service.js';

/** 就业信息采集: households, members, follow-ups, coverage and the ledger export. */
export function registerCollectionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
  const tags = ['collection'];
  const base = '/api/v1/admin/collection';

  app.get(
    `${base}/households`,
    {
      schema: {
        tags,
        summary: '就业信息采集台账（户，脱敏）',
        querystring: HouseholdQuery,
        response: { 200: HouseholdPage, ...errors },
      },
    },
    async (request) => service.listHouseholds(cd, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/households`,
    {
      schema: {
        tags,
        summary: '采集一户（含家庭成员）',
        body: CreateHouseholdBody,
        response: { 201: HouseholdDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createHousehold(cd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/households/:id`,
    {
      schema: {
        tags,
        summary: '户详情：成员与回访（脱敏）',
        params: CollectionIdParam,
        response: { 200: HouseholdDetail, ...errors },
      },
    },
    async (request) => service.getHousehold(cd, staffActorOf(request), request.params.id),
  );
  app.patch(
    `${base}/households/:id`,
    {
      schema: {
        tags,
        summary: '修改户信息（含零就业家庭认定）',
        params: CollectionIdParam,
        body: UpdateHouseholdBody,
        response: { 200: HouseholdDetail, ...errors },
      },
    },
    async (request) =>
      service.updateHousehold(cd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    `${base}/households/:id/members`,
    {
      schema: {
        tags,
        summary: '增加家庭成员',
        params: CollectionIdParam,
        body: MemberBody,
        response: { 201: HouseholdDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addMember(cd, staffActorOf(request), request.params.id, request.body, metaOf(request))),
  );
  app.patch(
    `${base}/members/:id`,
    {
      schema: {
        tags,
        summary: '修改家庭成员就业情况',
        params: CollectionIdParam,
        body: UpdateMemberBody,
        response: { 200: HouseholdDetail, ...errors },
      },
    },
    async (request) =>
      service.updateMember(cd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
  app.post(
    `${base}/households/:id/followups`,
    {
      schema: {
        tags,
        summary: '登记回访',
        params: CollectionIdParam,
        body: CreateCollectionFollowupBody,
        response: { 201: HouseholdDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addFollowup(cd, staffActorOf(request), request.params.id, request.body, metaOf(request))),
  );
  app.get(
    `${base}/coverage`,
    {
      schema: {
        tags,
        summary: '采集覆盖：乡镇/行政村',
        querystring: CoverageQuery,
        response: { 200: Coverage, ...errors },
      },
    },
    async (request) => getCoverage(cd.db, staffActorOf(request), request.query.town),
  );
  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: '导出就业信息采集台账 .xlsx（户、成员、外出务工、回访、覆盖；记入审计）',
        querystring: CollectionExportQuery,
        produces: [XLSX_MIME],
        response: errors,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportCollection(cd, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
}
