import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ActivityExportQuery,
  ActivityLedgerQuery,
  ClassSessionLedgerPage,
  DeliveryLedgerPage,
  ErrorBody,
  EventLedgerPage,
  RecommendationLedgerPage,
} from '@lingong/contracts';
import type { AppDeps } from '../../deps.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { metaOf, staffActorOf } from '../../platform/http/request-auth.js';
import type { StaffActor } from '../../platform/rbac/actor.js';
import {
  collectAll,
  revealer,
  sheetWorkbook,
  windowOf,
  windowPage,
  type Fetched,
  type SheetSpec,
  type Slice,
  type Window,
} from '../../platform/reporting/index.js';
import { exportRevealer, type LedgersDeps } from './ledgers.service.js';
import {
  classSessionFetcher,
  deliveryFetcher,
  eventFetcher,
  recommendationFetcher,
} from './training-events.ledgers.js';
import { CLASS_SESSION_SHEET, DELIVERY_SHEET, EVENT_SHEET, RECOMMENDATION_SHEET } from './training-events.sheets.js';

type Fetch<R> = (w: Window, slice: Slice) => Promise<Fetched<R>>;
type Meta = { ip?: string; requestId?: string };
type Send = (reply: FastifyReply, file: { name: string; buffer: Buffer }) => FastifyReply;

/** One ledger as .xlsx, region-scoped; every export is written to the audit log. */
async function exportLedger<R>(
  deps: LedgersDeps,
  actor: StaffActor,
  ledger: string,
  spec: SheetSpec<R>,
  q: ActivityExportQuery,
  fetch: Fetch<R>,
  meta: Meta,
) {
  const rows = await collectAll(windowOf(actor, q), fetch);
  const buffer = await sheetWorkbook(spec, rows, deps.now());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'ledger',
    entityId: ledger,
    regionCode: actor.regionCode,
    details: { rows: rows.length, query: q },
    ...meta,
  });
  return { name: spec.name, buffer };
}

/** 培训课时 / 培训推荐 / 招聘活动 / 送工 ledgers: region-scoped lists and audited .xlsx exports. */
export function registerTrainingEventLedgerRoutes(
  fastify: FastifyInstance,
  deps: AppDeps,
  ctx: { xlsxType: string; send: Send },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ld: LedgersDeps = { db: deps.database.db, pii: deps.pii, now: deps.now };
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody };
  const tags = ['ledgers'];
  const base = '/api/v1/admin/ledgers';
  const xlsx = { tags, querystring: ActivityExportQuery, produces: [ctx.xlsxType], response: errors };
  const list = { tags, querystring: ActivityLedgerQuery };

  app.get(
    `${base}/class-sessions`,
    { schema: { ...list, summary: '培训课时台账', response: { 200: ClassSessionLedgerPage, ...errors } } },
    async (request) =>
      windowPage(request.query, windowOf(staffActorOf(request), request.query), classSessionFetcher(ld)),
  );
  app.get(
    `${base}/class-sessions/export`,
    { schema: { ...xlsx, summary: '导出培训课时台账 .xlsx（记入审计）' } },
    async (request, reply) =>
      ctx.send(
        reply,
        await exportLedger(
          ld,
          staffActorOf(request),
          'class-sessions',
          CLASS_SESSION_SHEET,
          request.query,
          classSessionFetcher(ld),
          metaOf(request),
        ),
      ),
  );
  app.get(
    `${base}/training-recommendations`,
    { schema: { ...list, summary: '培训推荐台账（脱敏）', response: { 200: RecommendationLedgerPage, ...errors } } },
    async (request) =>
      windowPage(
        request.query,
        windowOf(staffActorOf(request), request.query),
        recommendationFetcher(ld, revealer(ld.pii, false)),
      ),
  );
  app.get(
    `${base}/training-recommendations/export`,
    { schema: { ...xlsx, summary: '导出培训推荐台账 .xlsx（记入审计）' } },
    async (request, reply) => {
      const actor = staffActorOf(request);
      const fetch = recommendationFetcher(ld, exportRevealer(ld, actor, request.query.pii));
      return ctx.send(
        reply,
        await exportLedger(
          ld,
          actor,
          'training-recommendations',
          RECOMMENDATION_SHEET,
          request.query,
          fetch,
          metaOf(request),
        ),
      );
    },
  );
  app.get(
    `${base}/events`,
    { schema: { ...list, summary: '招聘活动台账', response: { 200: EventLedgerPage, ...errors } } },
    async (request) => windowPage(request.query, windowOf(staffActorOf(request), request.query), eventFetcher(ld)),
  );
  app.get(
    `${base}/events/export`,
    { schema: { ...xlsx, summary: '导出招聘活动台账 .xlsx（记入审计）' } },
    async (request, reply) =>
      ctx.send(
        reply,
        await exportLedger(
          ld,
          staffActorOf(request),
          'events',
          EVENT_SHEET,
          request.query,
          eventFetcher(ld),
          metaOf(request),
        ),
      ),
  );
  app.get(
    `${base}/deliveries`,
    { schema: { ...list, summary: '送工台账', response: { 200: DeliveryLedgerPage, ...errors } } },
    async (request) => windowPage(request.query, windowOf(staffActorOf(request), request.query), deliveryFetcher(ld)),
  );
  app.get(
    `${base}/deliveries/export`,
    { schema: { ...xlsx, summary: '导出送工台账 .xlsx（记入审计）' } },
    async (request, reply) =>
      ctx.send(
        reply,
        await exportLedger(
          ld,
          staffActorOf(request),
          'deliveries',
          DELIVERY_SHEET,
          request.query,
          deliveryFetcher(ld),
          metaOf(request),
        ),
      ),
  );
}
