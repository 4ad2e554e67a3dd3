import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationIdParam,
  BankAccountBody,
  CreateWageBatchBody,
  MaybeBankAccount,
  WageBatch,
  WageBatchIdParam,
  WageBatchResultBody,
  CreateWageStatementBody,
  DisputeWageBody,
  EditWageStatementBody,
  ErrorBody,
  MyWagesSummary,
  RecordWagePaymentBody,
  WageKpi,
  WageLedgerPage,
  WageLedgerQuery,
  WageStatement,
  WageStatementIdParam,
  WageStatementList,
  WageGrievanceOutbox,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf, userActorOf } from '../../platform/http/request-auth.js';
import { collectPages, sendFile, sendXlsx, sheetWorkbook } from '../../platform/reporting/index.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as batches from './wage-batches.service.js';
import { WAGE_LEDGER_SHEET } from './wage-ledger-sheet.js';
import * as payments from './wage-payments.service.js';
import * as wages from './wages.service.js';
import { wageGrievanceOutbox } from './wage-overdue.js';

/** 薪酬委托结算: statements, their states, payments; worker, employer and console routes. */
export function registerWageRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['wages'];
  const one = { 200: WageStatement, ...errors };
  const params = WageStatementIdParam;

  // Worker: 我的工钱
  app.get(
    '/api/v1/app/worker/wages',
    { schema: { tags, summary: '我的工钱', response: { 200: MyWagesSummary, ...errors } } },
    async (request) => wages.myWages(wd, userActorOf(request)),
  );
  app.post(
    '/api/v1/app/wages/:id/confirm',
    { schema: { tags, summary: '工人确认工资单', params, response: one } },
    async (request) => wages.actOnStatement(wd, userActorOf(request), request.params.id, 'confirm'),
  );
  app.post(
    '/api/v1/app/wages/:id/dispute',
    { schema: { tags, summary: '工人对工资单提出异议（原因、照片）', params, body: DisputeWageBody, response: one } },
    async (request) => wages.actOnStatement(wd, userActorOf(request), request.params.id, 'dispute', request.body),
  );
  app.post(
    '/api/v1/app/wages/:id/receive',
    { schema: { tags, summary: '工人确认收款', params, response: one } },
    async (request) => wages.actOnStatement(wd, userActorOf(request), request.params.id, 'receive'),
  );
  app.get(
    '/api/v1/app/wages/:id',
    { schema: { tags, summary: '工资单详情（本人或本单位）', params, response: one } },
    async (request) => wages.getStatementForUser(wd, userActorOf(request), request.params.id),
  );

  // Employer: 待结算
  app.get(
    '/api/v1/app/employer/wages',
    {
      schema: {
        tags,
        summary: '待结算：本单位的工资单',
        querystring: z.object({ applicationId: z.uuid({ error: 'ID格式不正确' }).optional() }),
        response: { 200: WageStatementList, ...errors },
      },
    },
    async (request) => wages.employerStatements(wd, userActorOf(request), request.query.applicationId),
  );
  app.post(
    '/api/v1/app/applications/:id/wage-statements',
    {
      schema: {
        tags,
        summary: '生成工资单（考勤×约定工资，另列加项扣款）',
        params: ApplicationIdParam,
        body: CreateWageStatementBody,
        response: { 201: WageStatement, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await wages.createStatement(wd, userActorOf(request), request.params.id, request.body)),
  );
  app.put(
    '/api/v1/app/wages/:id',
    {
      schema: {
        tags,
        summary: '修改草稿，或更正有异议的工资单（须说明）',
        params,
        body: EditWageStatementBody,
        response: one,
      },
    },
    async (request) => wages.editStatement(wd, userActorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/app/wages/:id/issue',
    { schema: { tags, summary: '发出工资单', params, response: one } },
    async (request) => wages.actOnStatement(wd, userActorOf(request), request.params.id, 'issue'),
  );
  app.post(
    '/api/v1/app/wages/:id/payments',
    {
      schema: { tags, summary: '登记线下支付（现金/转账，幂等）', params, body: RecordWagePaymentBody, response: one },
    },
    async (request) =>
      payments.payAsEmployer(wd, userActorOf(request), request.params.id, request.body, metaOf(request)),
  );

  // Console: 薪酬台账
  app.get(
    '/api/v1/admin/wages',
    {
      schema: { tags, summary: '薪酬台账', querystring: WageLedgerQuery, response: { 200: WageLedgerPage, ...errors } },
    },
    async (request) => wages.wageLedger(wd, staffActorOf(request), request.query),
  );
  app.get(
    '/api/v1/admin/wages/figures',
    {
      schema: {
        tags,
        summary: '薪酬指标（已结算、逾期、支付天数中位数、已解决异议）',
        response: { 200: WageKpi, ...errors },
      },
    },
    async (request) => wages.wageKpi(wd, staffActorOf(request)),
  );
  app.get(
    '/api/v1/admin/wages/export',
    { schema: { tags, summary: '薪酬台账导出（Excel）', querystring: WageLedgerQuery } },
    async (request, reply) => {
      const actor = staffActorOf(request);
      const rows = await collectPages((page, pageSize) =>
        wages.wageLedger(wd, actor, { ...request.query, page, pageSize }),
      );
      const now = deps.now();
      await writeAudit(wd.db, {
        actor: { kind: 'staff', id: actor.id },
        action: 'export',
        entity: 'wage_ledger',
        regionCode: actor.regionCode,
        details: { rows: rows.length, filters: request.query },
        ip: request.ip,
        requestId: String(request.id),
      });
      return sendXlsx(reply, { name: '薪酬台账', buffer: await sheetWorkbook(WAGE_LEDGER_SHEET, rows, now) }, now);
    },
  );
  app.get(
    '/api/v1/admin/wages/exchange-outbox',
    {
      schema: {
        tags,
        summary: '欠薪投诉上报（数据交换待发送记录）',
        response: { 200: WageGrievanceOutbox, ...errors },
      },
    },
    async (request) => wageGrievanceOutbox(wd.db, staffActorOf(request)),
  );
  app.get(
    '/api/v1/admin/wages/:id',
    { schema: { tags, summary: '工资单详情', params, response: one } },
    async (request) => wages.getStatementForStaff(wd, staffActorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/admin/wages/:id/payments',
    { schema: { tags, summary: '工作人员登记支付（幂等）', params, body: RecordWagePaymentBody, response: one } },
    async (request) => payments.payAsStaff(wd, staffActorOf(request), request.params.id, request.body, metaOf(request)),
  );

  // 工资代发账户 (worker) and 委托结算批次 (console)
  app.get(
    '/api/v1/app/worker/bank-account',
    { schema: { tags, summary: '我的工资代发账户（脱敏）', response: { 200: MaybeBankAccount, ...errors } } },
    async (request) => batches.getBankAccount(wd, userActorOf(request)),
  );
  app.put(
    '/api/v1/app/worker/bank-account',
    {
      schema: {
        tags,
        summary: '登记工资代发账户（加密保存）',
        body: BankAccountBody,
        response: { 200: MaybeBankAccount, ...errors },
      },
    },
    async (request) => batches.setBankAccount(wd, userActorOf(request), request.body),
  );
  const batchOne = { 200: WageBatch, ...errors };
  app.post(
    '/api/v1/admin/wage-batches',
    {
      schema: {
        tags,
        summary: '新建委托结算批次',
        body: CreateWageBatchBody,
        response: { 201: WageBatch, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await batches.createBatch(wd, staffActorOf(request), request.body.statementIds, metaOf(request))),
  );
  app.get(
    '/api/v1/admin/wage-batches/:id',
    { schema: { tags, summary: '委托结算批次（账号脱敏）', params: WageBatchIdParam, response: batchOne } },
    async (request) => batches.getBatch(wd, staffActorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/admin/wage-batches/:id/bank-file',
    { schema: { tags, summary: '导出银行代发文件（CSV，审计）', params: WageBatchIdParam } },
    async (request, reply) => {
      const file = await batches.exportBatchFile(wd, staffActorOf(request), request.params.id, metaOf(request));
      return sendFile(reply, file, { kind: 'csv', now: null, fallback: 'batch' });
    },
  );
  app.post(
    '/api/v1/admin/wage-batches/:id/bank-result',
    {
      schema: {
        tags,
        summary: '导入银行回单（有误整体拒绝并指出行号）',
        params: WageBatchIdParam,
        body: WageBatchResultBody,
        response: batchOne,
      },
    },
    async (request) =>
      batches.importBatchResult(wd, staffActorOf(request), request.params.id, request.body.content, metaOf(request)),
  );
}
