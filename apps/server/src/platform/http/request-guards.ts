import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Header the web client sends on every call; a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
/** Areas whose answers carry personal data or session state: never cached by a browser or proxy. */
const NO_STORE_PREFIXES = ['/api/v1/app/', '/api/v1/admin/', '/api/v1/public/auth/', '/api/v1/exchange/'];

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim());
}

/** The origins the site is served from: the request's own host and PUBLIC_BASE_URL. */
function siteOrigins(request: FastifyRequest, config: Pick<Config, 'publicBaseUrl'>): string[] {
  const own = `${request.protocol}://${request.host}`.toLowerCase();
  const origins = [own];
  if (config.publicBaseUrl) origins.push(new URL(config.publicBaseUrl).origin.toLowerCase());
  return origins;
}

/**
 * CSRF: a state-changing API request must be one a cross-site page cannot forge — a JSON body, the
 * custom header, or a Bearer token (none of which a plain HTML form or `text/plain` beacon can
 * send) — and, when the browser names its Origin, that origin must be this site. Requests a
 * browser marks `Sec-Fetch-Site: cross-site` are refused as well.
 */
export function assertSameSiteWrite(request: FastifyRequest, config: Pick<Config, 'publicBaseUrl'>): void {
  if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  const custom = request.headers[CSRF_HEADER] !== undefined || request.headers.authorization !== undefined;
  if (!custom && !isJson(request)) throw new AppError('CSRF_REJECTED');
  const origin = request.headers.origin;
  if (origin !== undefined && !siteOrigins(request, config).includes(origin.toLowerCase())) {
    throw new AppError('CSRF_REJECTED');
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF_REJECTED');
}

/**
 * Request-level protections: CSRF on writes, `Cache-Control: no-store` on answers with personal
 * data, HSTS only when the request came over HTTPS (directly or, with TRUST_PROXY, via nginx).
 */
export function registerRequestGuards(app: FastifyInstance, config: Pick<Config, 'publicBaseUrl'>): void {
  app.addHook('onRequest', async (request) => {
    assertSameSiteWrite(request, config);
  });
  app.addHook('onSend', async (request, reply) => {
    if (NO_STORE_PREFIXES.some((p) => request.url.startsWith(p))) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

/** Session cookies are `Secure` when configured so or when this request came over HTTPS. */
export function cookieSecureFor(request: FastifyRequest, config: Pick<Config, 'cookieSecure'>): boolean {
  return config.cookieSecure || request.protocol === 'https';
}
