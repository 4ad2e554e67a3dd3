import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import type { AppModule } from './platform/http/module-plugin.js';
import { registerErrorHandler, errorBody } from './platform/errors/error-handler.js';
import { registerSessionHooks } from './modules/accounts/index.js';
import { registerRequestGuards } from './platform/http/request-guards.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { requestLogSerializer } from './platform/http/log-redact.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { registerStaticWeb } from './platform/http/static-web.js';
import { OPENAPI_OPTIONS } from './platform/http/openapi.js';
import { registerCompression } from './platform/http/compression.js';
import { accountsModule } from './modules/accounts/index.js';
import { referenceModule } from './modules/reference/index.js';
import { workersModule } from './modules/workers/index.js';
import { jobsModule } from './modules/jobs/index.js';
import { employersModule } from './modules/employers/index.js';
import { settingsModule } from './modules/settings/index.js';
import { auditViewerModule } from './modules/audit-viewer/index.js';
import { reviewQueuesModule } from './modules/review-queues/index.js';
import { servicesModule } from './modules/services/index.js';
import { ledgersModule } from './modules/ledgers/index.js';
import { importsModule } from './modules/imports/index.js';
import { kpiModule } from './modules/kpi/index.js';
import { trainingModule } from './modules/training/index.js';
import { eventsModule } from './modules/events/index.js';
import { applicationsModule } from './modules/applications/index.js';
import { publicityModule } from './modules/publicity/index.js';
import { collectionModule } from './modules/collection/index.js';
import { operationsModule } from './modules/operations/index.js';
import { profilesModule } from './modules/profiles/index.js';
import { agreementsModule } from './modules/agreements/index.js';
import { attendanceModule } from './modules/attendance/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { publicationsModule } from './modules/publications/index.js';
import { mapModule } from './modules/map/index.js';
import { creditModule } from './modules/credit/index.js';
import { ratingsModule } from './modules/ratings/index.js';
import { grievancesModule } from './modules/grievances/index.js';
import { wagesModule } from './modules/wages/index.js';
import { exchangeModule } from './modules/exchange/index.js';
import { monitoringModule } from './modules/monitoring/index.js';
import { registerModerationRoutes } from './platform/moderation/moderation.routes.js';
import { DebugAccessLog } from './platform/http/access-log.js';

export type { AppDeps } from './deps.js';

export type App = FastifyInstance;

/** The domain and reporting modules, each one Fastify plugin registering its routes. */
const MODULES: AppModule[] = [
  accountsModule,
  referenceModule,
  workersModule,
  jobsModule,
  employersModule,
  settingsModule,
  auditViewerModule,
  reviewQueuesModule,
  servicesModule,
  ledgersModule,
  importsModule,
  kpiModule,
  trainingModule,
  eventsModule,
  applicationsModule,
  publicityModule,
  collectionModule,
  operationsModule,
  profilesModule,
  agreementsModule,
  attendanceModule,
  notificationsModule,
  publicationsModule,
  mapModule,
  creditModule,
  ratingsModule,
  grievancesModule,
  wagesModule,
  exchangeModule,
  monitoringModule,
];

/** Build the HTTP app: platform plugins first, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // No personal data from query strings (phone, name filters) in the logs.
            serializers: { req: requestLogSerializer },
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // No per-request info lines (issue 16): access lines at debug; errors and warnings as before.
    logController: new DebugAccessLog(),
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
    // HSTS only over HTTPS (platform/http/request-guards.ts), never on a plain-http intranet install.
    hsts: false,
  });
  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('RATE_LIMITED') }),
  });
  await app.register(swagger, OPENAPI_OPTIONS);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRequestGuards(app, config);
  registerSessionHooks(app, deps);
  registerIdempotency(app, deps);
  registerHealthRoutes(app, deps);
  for (const module of MODULES) await app.register(module.plugin(deps));
  registerModerationRoutes(app, deps);

  const dist = config.webDistDir;
  if (existsSync(path.join(dist, 'index.html'))) await registerStaticWeb(app, dist);
  else {
    app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('ROUTE_NOT_FOUND')));
  }
  return app;
}
