import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/** Origin for QR codes and links that leave the browser: PUBLIC_BASE_URL when set, else the request's own. */
export function publicOrigin(request: FastifyRequest, config: Pick<Config, 'publicBaseUrl'>): string {
  return config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}
