import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from '../errors/error-handler.js';

/** Vite's output names under assets/: `name-<8 character hash>.ext`, maybe with a precompressed suffix. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8}\.[a-z0-9]+(\.br|\.gz)?$/i;

/** A year and immutable for content-hashed files (a new build has new names); revalidate everything else. */
export function cacheControlFor(filePath: string): string {
  return HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function setWebHeaders(res: { setHeader(name: string, value: string): unknown }, filePath: string): void {
  res.setHeader('cache-control', cacheControlFor(filePath));
  // The same URL answers br, gzip or plain by Accept-Encoding (precompressed .br/.gz from the build).
  res.setHeader('vary', 'accept-encoding');
}

/**
 * Serve the built web apps: the mobile app at /, the console at /admin/, the screen at /screen/.
 * Unknown paths under each fall back to that app's index.html (client-side routing); unknown
 * /api paths answer 404 JSON.
 */
export async function registerStaticWeb(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: setWebHeaders,
  });
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
