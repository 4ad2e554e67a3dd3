import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from '../errors/error-handler.js';

/**
 * Serve the built web apps: the mobile app at /, the console at /admin/, the screen at /screen/.
 * Unknown paths under each fall back to that app's index.html (client-side routing); unknown
 * /api paths answer 404 JSON.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET') {
      return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
    }
    if (path.extname(url) && !url.endsWith('.html')) return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
    const entry = url.startsWith('/admin')
      ? 'admin/index.html'
      : url.startsWith('/screen')
        ? 'screen/index.html'
        : 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(entry);
  });
}
