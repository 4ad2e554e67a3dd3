import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AddBlacklistBody,
  AppealPage,
  AppealQuery,
  AppealView,
  BlacklistPage,
  BlacklistQuery,
  BlacklistView,
  CreditEventQuery,
  CreditIdParam,
  CreditKindParam,
  CreditLedgerPage,
  CreditReasonBody,
  CreditRuleList,
  CreditSubjectParam,
  DecideAppealBody,
  EmployerCreditParam,
  ErrorBody,
  FileAppealBody,
  ManualAdjustBody,
  ManualAdjustResult,
  MyCredit,
  UpdateCreditRuleBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import { MIME, sendFile } from '../../platform/reporting/index.js';
import * as admin from './credit-admin.service.js';
import * as sanctions from './credit-sanctions.service.js';
import * as owner from './credit-owner.service.js';

/** 诚信: the owner's credit history and appeals (app), and 诚信管理 (console). */
export function registerCreditRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['credit'];
  const base = '/api/v1/admin/credit';

  // App: owners
  app.get(
    '/api/v1/app/me/credit',
    {
      schema: { tags, summary: '我的信用（零工身份）：分数、等级、记录、申诉', response: { 200: MyCredit, ...errors } },
    },
    async (request) => owner.myWorkerCredit(cd, userActorOf(request)),
  );
  app.get(
    '/api/v1/app/employers/:id/credit',
    {
      schema: {
        tags,
        summary: '用工主体信用（成员可见）',
        params: EmployerCreditParam,
        response: { 200: MyCredit, ...errors },
      },
    },
    async (request) => owner.employerCredit(cd, userActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/app/credit/appeals',
    {
      schema: {
        tags,
        summary: '对信用记录或黑名单提出申诉',
        body: FileAppealBody,
        response: { 201: AppealView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await owner.fileAppeal(cd, userActorOf(request), request.body)),
  );

  // Console: 诚信管理
  app.get(
    `${base}/subjects/:subjectType/:id`,
    {
      schema: {
        tags,
        summary: '某零工或用工主体的信用（详情抽屉）',
        params: CreditSubjectParam,
        response: { 200: MyCredit, ...errors },
      },
    },
    async (request) => admin.subjectCredit(cd, staffActorOf(request), request.params.subjectType, request.params.id),
  );
  app.get(
    `${base}/rules`,
    { schema: { tags, summary: '信用规则（事件→分值）', response: { 200: CreditRuleList, ...errors } } },
    async (request) => admin.listRules(cd, staffActorOf(request)),
  );
  app.put(
    `${base}/rules/:kind`,
    {
      schema: {
        tags,
        summary: '修改信用规则分值（审计记录新旧值）',
        params: CreditKindParam,
        body: UpdateCreditRuleBody,
        response: { 200: CreditRuleList, ...errors },
      },
    },
    async (request) =>
      admin.updateRule(cd, staffActorOf(request), request.params.kind, request.body.points, metaOf(request)),
  );
  app.get(
    `${base}/events`,
    {
      schema: {
        tags,
        summary: '信用记录台账（管辖区域内）',
        querystring: CreditEventQuery,
        response: { 200: CreditLedgerPage, ...errors },
      },
    },
    async (request) => admin.listEvents(cd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/events/export`,
    {
      schema: {
        tags,
        summary: '导出信用记录（Excel，条件同列表）',
        querystring: CreditEventQuery,
        produces: [MIME.xlsx],
      },
    },
    async (request, reply) =>
      sendFile(reply, await admin.exportEvents(cd, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: null,
        fallback: 'credit-events',
      }),
  );
  app.post(
    `${base}/adjustments`,
    {
      schema: {
        tags,
        summary: '人工调整信用分（需填写原因）',
        body: ManualAdjustBody,
        response: { 201: ManualAdjustResult, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.adjust(cd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.get(
    `${base}/blacklist`,
    { schema: { tags, summary: '黑名单', querystring: BlacklistQuery, response: { 200: BlacklistPage, ...errors } } },
    async (request) => sanctions.listBlacklist(cd, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/blacklist`,
    {
      schema: {
        tags,
        summary: '列入黑名单（范围、到期日、原因）',
        body: AddBlacklistBody,
        response: { 201: BlacklistView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sanctions.addBlacklist(cd, staffActorOf(request), request.body, metaOf(request))),
  );
  app.post(
    `${base}/blacklist/:id/lift`,
    {
      schema: {
        tags,
        summary: '解除黑名单',
        params: CreditIdParam,
        body: CreditReasonBody,
        response: { 200: BlacklistView, ...errors },
      },
    },
    async (request) =>
      sanctions.liftBlacklist(cd, staffActorOf(request), request.params.id, request.body.reason, metaOf(request)),
  );
  app.get(
    `${base}/appeals`,
    { schema: { tags, summary: '信用申诉', querystring: AppealQuery, response: { 200: AppealPage, ...errors } } },
    async (request) => sanctions.listAppeals(cd, staffActorOf(request), request.query),
  );
  app.post(
    `${base}/appeals/:id/decide`,
    {
      schema: {
        tags,
        summary: '处理申诉（成立则冲正或解除黑名单）',
        params: CreditIdParam,
        body: DecideAppealBody,
        response: { 200: AppealView, ...errors },
      },
    },
    async (request) =>
      sanctions.decideAppeal(cd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );
}
