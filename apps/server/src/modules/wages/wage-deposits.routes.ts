import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DepositAccountPage,
  DepositAccountQuery,
  DepositLedger,
  EmployerIdParam,
  ErrorBody,
  RecordDepositBody,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as deposits from './wage-deposits.service.js';

/** 委托结算保证金 (console): balances, one employer's ledger, record a deposit or refund. */
export function registerWageDepositRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const wd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const tags = ['wages'];
  const base = '/api/v1/admin/wage-deposits';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '委托结算保证金：各用工主体余额',
        querystring: DepositAccountQuery,
        response: { 200: DepositAccountPage, ...errors },
      },
    },
    async (request) => deposits.listDepositAccounts(wd, staffActorOf(request), request.query),
  );
  app.get(
    `${base}/:employerId`,
    {
      schema: {
        tags,
        summary: '保证金台账（缴存、退还、批次支取、代发失败退回）',
        params: EmployerIdParam,
        response: { 200: DepositLedger, ...errors },
      },
    },
    async (request) => deposits.depositLedger(wd, staffActorOf(request), request.params.employerId),
  );
  app.post(
    `${base}/:employerId/entries`,
    {
      schema: {
        tags,
        summary: '登记保证金缴存或退还',
        params: EmployerIdParam,
        body: RecordDepositBody,
        response: { 201: DepositLedger, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await deposits.recordDeposit(
            wd,
            staffActorOf(request),
            request.params.employerId,
            request.body,
            metaOf(request),
          ),
        ),
  );
}
