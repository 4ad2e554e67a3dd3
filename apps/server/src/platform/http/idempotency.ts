import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import type { DbOrTx } from '../../db/client.js';
import { sm3Hex } from '../auth/tokens.js';
import { AppError } from '../errors/app-error.js';
import { idempotencyKeys } from './idempotency.schema.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered; after that the same key starts a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** Answers that are worth retrying are not remembered (the claim is released instead). */
const NOT_REMEMBERED = new Set([409, 429]);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: { subject: string; key: string } | null;
  }
}

function subjectOf(request: FastifyRequest): string {
  const actor = request.actor;
  return actor ? `${actor.kind}:${actor.id}` : `anon:${request.ip}`;
}

function requestHashOf(request: FastifyRequest): string {
  return sm3Hex(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
}

/** Claim a key (or take over an expired one); false when a live claim already exists. */
async function claim(
  db: DbOrTx,
  v: { subject: string; key: string; requestHash: string; now: Date },
): Promise<boolean> {
  const cutoff = new Date(v.now.getTime() - IDEMPOTENCY_TTL_MS);
  const rows = await db
    .insert(idempotencyKeys)
    .values({ subject: v.subject, key: v.key, requestHash: v.requestHash, createdAt: v.now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.subject, idempotencyKeys.key],
      set: { requestHash: v.requestHash, status: null, contentType: null, body: null, createdAt: v.now },
      setWhere: lt(idempotencyKeys.createdAt, cutoff),
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/**
 * `Idempotency-Key` on POST requests (the create endpoints): the first request with a key claims
 * it before running; its answer is stored and replayed to any retry with the same key and body
 * (`Idempotent-Replayed: true`), so a client retrying after a lost connection never creates a
 * duplicate. A retry while the first is still running — or after it died before answering — gets
 * 409 instead of a second run; the same key with another body gets 422.
 */
export function registerIdempotency(app: FastifyInstance, deps: Pick<AppDeps, 'database' | 'now'>): void {
  const db = deps.database.db;
  app.decorateRequest('idempotencyClaim', null);
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 200) throw AppError.field('Idempotency-Key', 'Idempotency-Key 应为1到200个字符');
    const subject = subjectOf(request);
    const requestHash = requestHashOf(request);
    if (await claim(db, { subject, key, requestHash, now: deps.now() })) {
      request.idempotencyClaim = { subject, key };
      return;
    }
    const rows = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.subject, subject), eq(idempotencyKeys.key, key)))
      .limit(1);
    const row = rows[0];
    if (!row || row.status === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    if (row.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    reply.header('idempotent-replayed', 'true');
    if (row.contentType) reply.header('content-type', row.contentType);
    return reply.status(row.status).send(row.body ?? '');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const c = request.idempotencyClaim;
    if (!c) return payload;
    request.idempotencyClaim = null;
    const where = and(eq(idempotencyKeys.subject, c.subject), eq(idempotencyKeys.key, c.key));
    const status = reply.statusCode;
    if (status >= 500 || NOT_REMEMBERED.has(status) || (typeof payload !== 'string' && payload !== null)) {
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const type = reply.getHeader('content-type');
    await db
      .update(idempotencyKeys)
      .set({ status, contentType: typeof type === 'string' ? type : null, body: payload ?? '' })
      .where(and(where, sql`${idempotencyKeys.status} is null`));
    return payload;
  });
}
