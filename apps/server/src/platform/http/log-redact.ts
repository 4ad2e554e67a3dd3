import type { FastifyRequest } from 'fastify';

/** A URL for the log: query values (phones, names, ID numbers in filters) replaced by "…". */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  return url.slice(0, q) + url.slice(q).replace(/([?&][^=&#]*)=[^&#]*/g, '$1=…');
}

/** Fastify's request log serializer without query values. */
export function requestLogSerializer(req: FastifyRequest): Record<string, unknown> {
  return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
}
