import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from './audit.schema.js';
import { chainHash, lockChainHead } from './audit-chain.js';

export type AuditEntry = {
  actor: { kind: 'user' | 'staff' | 'system' | 'anonymous'; id?: string };
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
};

/**
 * Append to the audit log, in the caller's transaction when it passes one, as the next link of
 * the SM3 hash chain (audit-chain.ts).
 */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  const fields = {
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    // Stored as jsonb: keep only what JSON keeps, so the hash is over what is read back.
    details: entry.details ? (JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>) : null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    createdAt: new Date(),
  };
  await db.transaction(async (tx) => {
    const prevHash = await lockChainHead(tx);
    await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The audit entries of one record, oldest first, optionally only some actions (history panels). */
export async function findAuditForEntity(
  db: DbOrTx,
  entity: string,
  entityId: string,
  actions?: readonly string[],
): Promise<AuditRow[]> {
  const conds = [eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)];
  if (actions && actions.length > 0) conds.push(inArray(auditLog.action, [...actions]));
  return db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}
