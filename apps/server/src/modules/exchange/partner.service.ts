import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CreatePartnerClientBody, IssuedPartnerClient, PartnerClient, PartnerScope } from '@lingong/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Pii } from '../../platform/pii.js';
import {
  assertReadableRegion,
  requirePermission,
  scopeLikePattern,
  type StaffActor,
} from '../../platform/rbac/actor.js';
import { verifyRequest } from './exchange-signing.js';
import { PARTNER_SCOPES } from './exchange.schema.js';
import * as repo from './partner.repository.js';

export type PartnerDeps = { db: Db; pii: Pii; now: () => Date };
type Meta = { ip: string; requestId: string };

const scopesOf = (row: repo.PartnerClientRow): PartnerScope[] =>
  row.scopes.flatMap((s) => PARTNER_SCOPES.filter((p) => p === s));

function present(row: repo.PartnerClientRow): PartnerClient {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    scopes: scopesOf(row),
    rateLimitPerMin: row.rateLimitPerMin,
    regionCode: row.regionCode,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Issue credentials to a partner system; the secret is returned once and stored encrypted. */
export async function issuePartnerClient(
  deps: PartnerDeps,
  actor: StaffActor,
  body: CreatePartnerClientBody,
  meta: Meta,
): Promise<IssuedPartnerClient> {
  requirePermission(actor, 'config.write');
  const secret = randomBytes(32).toString('base64url');
  const clientId = `lgp_${randomBytes(8).toString('hex')}`;
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertPartnerClient(tx, {
      clientId,
      name: body.name,
      secretEnc: deps.pii.encrypt(secret),
      scopes: body.scopes,
      rateLimitPerMin: body.rateLimitPerMin,
      regionCode: actor.regionCode,
      createdByStaffId: actor.id,
      createdAt: deps.now(),
    });
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'partner.issue',
      entity: 'partner_client',
      entityId: row.id,
      regionCode: row.regionCode,
      details: { clientId, name: body.name, scopes: body.scopes, rateLimitPerMin: body.rateLimitPerMin },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { ...present(row), secret };
  });
}

export async function listPartnerClients(deps: PartnerDeps, actor: StaffActor): Promise<{ items: PartnerClient[] }> {
  requirePermission(actor, 'config.write');
  return { items: (await repo.findPartnerClients(deps.db, scopeLikePattern(actor))).map(present) };
}

/** Revoke a partner's credentials: refused from the next request on. */
export async function revokePartnerClient(deps: PartnerDeps, actor: StaffActor, id: string, meta: Meta) {
  requirePermission(actor, 'config.write');
  const row = await repo.findPartnerById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertReadableRegion(actor, row.regionCode);
  return deps.db.transaction(async (tx) => {
    const revoked = await repo.revokePartner(tx, id, deps.now());
    if (!revoked) throw new AppError('INVALID_STATE', { message: '该客户端已停用' });
    await writeAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'partner.revoke',
      entity: 'partner_client',
      entityId: id,
      regionCode: row.regionCode,
      details: { clientId: row.clientId },
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return present(revoked);
  });
}

export type PartnerCaller = { id: string; clientId: string; regionCode: string };

/**
 * Authenticate a partner call: HMAC-SM3 signature with replay window (nonces in the database,
 * shared by every API process), a live (not revoked) client, the operation's scope and the
 * client's per-minute limit. Every call, allowed or refused, is written to the audit log.
 */
export async function authenticatePartner(
  deps: PartnerDeps,
  request: FastifyRequest,
  scope: PartnerScope,
): Promise<PartnerCaller> {
  const now = deps.now();
  const found: { client: repo.PartnerClientRow | null } = { client: null };
  const audit = (outcome: string, clientId?: string) =>
    writeAudit(deps.db, {
      actor: { kind: 'system', id: found.client?.id },
      action: 'partner.call',
      entity: 'partner_api',
      details: {
        clientId: found.client?.clientId ?? clientId ?? null,
        method: request.method,
        path: request.url,
        scope,
        outcome,
      },
      ip: request.ip,
      requestId: request.id,
    });
  const verdict = await verifyRequest({
    headers: request.headers,
    method: request.method,
    path: request.url,
    body: typeof request.body === 'string' ? request.body : request.body ? JSON.stringify(request.body) : '',
    now,
    secretFor: async (id) => {
      const client = await repo.findPartnerByClientId(deps.db, id);
      found.client = client;
      if (!client || client.revokedAt) return null;
      return deps.pii.decrypt(client.secretEnc);
    },
    nonces: { remember: (id, nonce, expiresAt) => repo.rememberNonce(deps.db, id, nonce, expiresAt, now) },
  });
  if (!verdict.ok) {
    await audit(verdict.reason, verdict.clientId);
    throw new AppError(verdict.reason);
  }
  const live = found.client;
  if (!live) throw new AppError('CLIENT_UNKNOWN');
  if (!scopesOf(live).includes(scope)) {
    await audit('SCOPE_DENIED');
    throw new AppError('SCOPE_DENIED');
  }
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  if ((await repo.countCall(deps.db, live.clientId, minute)) > live.rateLimitPerMin) {
    await audit('RATE_LIMITED');
    throw new AppError('RATE_LIMITED');
  }
  await repo.touchPartner(deps.db, live.id, now);
  await audit('ok');
  return { id: live.id, clientId: live.clientId, regionCode: live.regionCode };
}
