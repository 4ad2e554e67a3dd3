import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  FollowupExportQuery,
  FollowupLedgerPage,
  FollowupLedgerQuery,
  GuidanceExportQuery,
  GuidanceLedgerPage,
  GuidanceLedgerQuery,
  MatchmakingExportQuery,
  MatchmakingLedgerPage,
  MatchmakingLedgerQuery,
  RegistrationExportQuery,
  RegistrationLedgerPage,
  RegistrationLedgerQuery,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import { sendFile, XLSX_MIME } from '../../platform/reporting/index.js';
import * as exports from './ledgers.export.js';
import * as service from './ledgers.service.js';
import { registerTrainingEventLedgerRoutes } from './training-events.routes.js';

/** Ledgers (台账): region-scoped masked lists and their .xlsx exports. */
export function registerLedgerRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ld = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody };
  const tags = ['ledgers'];
  const base = '/api/v1/admin/ledgers';

  app.get(
    `${base}/registrations`,
    {
      schema: {
        tags,
        summary: '求职登记实名台账（脱敏）',
        querystring: RegistrationLedgerQuery,
        response: { 200: RegistrationLedgerPage, ...errors },
      },
    },
    async (request) => service.listRegistrations(ld, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/followups`,
    {
      schema: {
        tags,
        summary: '求职跟踪服务台账（脱敏）',
        querystring: FollowupLedgerQuery,
        response: { 200: FollowupLedgerPage, ...errors },
      },
    },
    async (request) => service.listFollowups(ld, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/matchmakings`,
    {
      schema: {
        tags,
        summary: '招聘求职对接台账（脱敏）',
        querystring: MatchmakingLedgerQuery,
        response: { 200: MatchmakingLedgerPage, ...errors },
      },
    },
    async (request) => service.listMatchmakings(ld, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/guidance`,
    {
      schema: {
        tags,
        summary: '职业指导台账（脱敏）',
        querystring: GuidanceLedgerQuery,
        response: { 200: GuidanceLedgerPage, ...errors },
      },
    },
    async (request) => service.listGuidance(ld, staffActorOf(request), request.query),
  );

  const xlsx = { produces: [XLSX_MIME], response: errors };
  app.get(
    `${base}/registrations/export`,
    { schema: { tags, summary: '导出求职登记台账 .xlsx（记入审计）', querystring: RegistrationExportQuery, ...xlsx } },
    async (request, reply) =>
      sendFile(reply, await exports.exportRegistrations(ld, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  app.get(
    `${base}/followups/export`,
    { schema: { tags, summary: '导出跟踪服务台账 .xlsx（记入审计）', querystring: FollowupExportQuery, ...xlsx } },
    async (request, reply) =>
      sendFile(reply, await exports.exportFollowups(ld, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  app.get(
    `${base}/matchmakings/export`,
    {
      schema: { tags, summary: '导出招聘求职对接台账 .xlsx（记入审计）', querystring: MatchmakingExportQuery, ...xlsx },
    },
    async (request, reply) =>
      sendFile(reply, await exports.exportMatchmakings(ld, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  app.get(
    `${base}/guidance/export`,
    { schema: { tags, summary: '导出职业指导台账 .xlsx（记入审计）', querystring: GuidanceExportQuery, ...xlsx } },
    async (request, reply) =>
      sendFile(reply, await exports.exportGuidance(ld, staffActorOf(request), request.query, metaOf(request)), {
        kind: 'xlsx',
        now: deps.now(),
        fallback: 'ledger',
      }),
  );
  registerTrainingEventLedgerRoutes(fastify, deps, {
    xlsxType: XLSX_MIME,
    send: (reply, file) => sendFile(reply, file, { kind: 'xlsx', now: deps.now(), fallback: 'ledger' }),
  });
}
