import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerErrorHandler, errorBody } from './platform/errors/error-handler.js';
import type { Pii } from './platform/pii.js';
import type { SmsProvider } from './platform/sms/sms-provider.js';
import { registerSessionHooks } from './platform/http/session-hooks.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { registerStaticWeb } from './platform/http/static-web.js';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.js';
import { registerReferenceRoutes } from './modules/reference/reference.routes.js';
import { registerWorkerRoutes } from './modules/workers/workers.routes.js';
import { registerJobRoutes } from './modules/jobs/jobs.routes.js';
import { registerEmployerRoutes } from './modules/employers/employers.routes.js';
import { registerSettingsRoutes } from './modules/settings/settings.routes.js';
import { registerStaffAdminRoutes } from './modules/accounts/staff-admin.routes.js';
import { registerAuditViewerRoutes } from './modules/audit-viewer/audit-viewer.routes.js';
import { registerReviewQueueRoutes } from './modules/review-queues/review-queues.routes.js';
import { registerOccupationAdminRoutes } from './modules/reference/occupations-admin.routes.js';
import { registerModerationRoutes } from './platform/moderation/moderation.routes.js';
import { registerServicesRoutes } from './modules/services/services.routes.js';
import { registerLedgerRoutes } from './modules/ledgers/ledgers.routes.js';
import { registerImportRoutes } from './modules/imports/index.js';
import { registerKpiRoutes } from './modules/kpi/kpi.routes.js';
import { registerTrainingRoutes } from './modules/training/training.routes.js';
import { registerEventRoutes } from './modules/events/events.routes.js';
import { registerApplicationRoutes } from './modules/applications/applications.routes.js';
import { registerPublicityRoutes } from './modules/publicity/publicity.routes.js';
import { registerCollectionRoutes } from './modules/collection/collection.routes.js';
import { registerOperationsRoutes } from './modules/operations/operations.routes.js';
import { registerProfileRoutes } from './modules/profiles/profiles.routes.js';
import { registerAgreementRoutes } from './modules/agreements/agreements.routes.js';
import { registerAttendanceRoutes } from './modules/attendance/attendance.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerPublicationRoutes } from './modules/publications/publications.routes.js';
import { registerMapRoutes } from './modules/map/map.routes.js';
import { registerCreditRoutes } from './modules/credit/index.js';
import { registerRatingRoutes } from './modules/ratings/index.js';
import { registerGrievanceRoutes } from './modules/grievances/index.js';
import { registerMonitoringRoutes } from './modules/monitoring/monitoring.routes.js';

export type AppDeps = {
  config: Config;
  database: Database;
  pii: Pii;
  sms: SmsProvider;
  now: () => Date;
};

export type App = FastifyInstance;

/** Build the HTTP app: platform plugins first, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles may come from a plain-http tile server on the county intranet.
        imgSrc: [
          "'self'",
          'data:',
          'blob:',
          'https:',
          ...(deps.config.map.tileUrl?.startsWith('http:')
            ? [new URL(deps.config.map.tileUrl.replace(/\{[a-z]\}/g, '0')).origin]
            : []),
        ],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('RATE_LIMITED') }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lingong 零工 API',
        version: '0.1.0',
        description: '鹿寨县零工市场 API：公开、零工/用工主体、管理端、系统对接',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionHooks(app, deps);
  registerHealthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerReferenceRoutes(app, deps);
  registerWorkerRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerEmployerRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerStaffAdminRoutes(app, deps);
  registerAuditViewerRoutes(app, deps);
  registerReviewQueueRoutes(app, deps);
  registerOccupationAdminRoutes(app, deps);
  registerModerationRoutes(app, deps);
  registerServicesRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerKpiRoutes(app, deps);
  registerTrainingRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerApplicationRoutes(app, deps);
  registerPublicityRoutes(app, deps);
  registerCollectionRoutes(app, deps);
  registerOperationsRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerAgreementRoutes(app, deps);
  registerAttendanceRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerPublicationRoutes(app, deps);
  registerMapRoutes(app, deps);
  registerCreditRoutes(app, deps);
  registerRatingRoutes(app, deps);
  registerGrievanceRoutes(app, deps);
  registerMonitoringRoutes(app, deps);

  const dist = config.webDistDir;
  if (existsSync(path.join(dist, 'index.html'))) await registerStaticWeb(app, dist);
  else {
    app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('ROUTE_NOT_FOUND')));
  }
  return app;
}
