import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { schemaVersion } from '../../db/migrate.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  schemaVersion: z.string().nullable(),
  migrationsApplied: z.number().int(),
  migrationsExpected: z.number().int(),
  time: z.string(),
});

/** GET /api/health: status, database kind and schema version. */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/health',
      { schema: { tags: ['platform'], summary: '健康检查', response: { 200: Health, 503: Health } } },
      async (_request, reply) => {
        try {
          const v = await schemaVersion(deps.database);
          const ok = v.applied === v.expected;
          return reply.status(ok ? 200 : 503).send({
            status: ok ? 'ok' : 'degraded',
            database: deps.database.kind,
            schemaVersion: v.latest,
            migrationsApplied: v.applied,
            migrationsExpected: v.expected,
            time: deps.now().toISOString(),
          });
        } catch {
          return reply.status(503).send({
            status: 'degraded',
            database: deps.database.kind,
            schemaVersion: null,
            migrationsApplied: 0,
            migrationsExpected: 0,
            time: deps.now().toISOString(),
          });
        }
      },
    );
}
