import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from './audit.schema.js';

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

/** Append to the audit log, in the caller's transaction when it passes one. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    details: entry.details ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
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
