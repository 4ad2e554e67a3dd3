import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreditWatchRule, CreditWatchRuleView, ErrorBody, WatchlistPage, WatchlistQuery } from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import * as watch from './credit-watch.js';

/** 重点关注 (诚信管理): the automatic rule and the watch list. */
export function registerCreditWatchRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cd = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
  const tags = ['credit'];
  const base = '/api/v1/admin/credit';

  app.get(
    `${base}/watch-rule`,
    { schema: { tags, summary: '重点关注规则（逾期笔数/天数）', response: { 200: CreditWatchRuleView, ...errors } } },
    async (request) => watch.getWatchRule(cd, staffActorOf(request)),
  );
  app.put(
    `${base}/watch-rule`,
    {
      schema: {
        tags,
        summary: '修改重点关注规则（审计记录新旧值）',
        body: CreditWatchRule,
        response: { 200: CreditWatchRuleView, ...errors },
      },
    },
    async (request) => watch.updateWatchRule(cd, staffActorOf(request), request.body, metaOf(request)),
  );
  app.get(
    `${base}/watchlist`,
    {
      schema: {
        tags,
        summary: '重点关注名单（管辖区域内）',
        querystring: WatchlistQuery,
        response: { 200: WatchlistPage, ...errors },
      },
    },
    async (request) => watch.listWatchlist(cd, staffActorOf(request), request.query),
  );
}
