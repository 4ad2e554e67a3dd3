import { and, count, desc, eq, gte, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Slice } from '../../platform/reporting/index.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { staff } from '../accounts/accounts.schema.js';

// Reporting module: reads the audit log and staff names, writes nothing.

export type AuditFilter = {
  regionPattern: string;
  /** Entries with no region (county-wide settings, anonymous login failures) are shown too. */
  includeUnscoped: boolean;
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

function whereOf(f: AuditFilter): SQL | undefined {
  const scope = f.includeUnscoped
    ? or(like(auditLog.regionCode, f.regionPattern), isNull(auditLog.regionCode))
    : like(auditLog.regionCode, f.regionPattern);
  const conds: (SQL | undefined)[] = [scope];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conds.push(gte(auditLog.createdAt, f.from));
  if (f.to) conds.push(lt(auditLog.createdAt, f.to));
  return and(...conds);
}

/** Audit entries matching the filter, newest first, with the staff actor's name. */
export async function findAuditPage(db: DbOrTx, f: AuditFilter, slice: Slice) {
  const where = whereOf(f);
  const rows = await db
    .select({ entry: auditLog, actorName: staff.name })
    .from(auditLog)
    .leftJoin(staff, and(eq(auditLog.actorKind, 'staff'), sql`${staff.id}::text = ${auditLog.actorId}`))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: total?.n ?? 0 };
}
export type AuditRow = Awaited<ReturnType<typeof findAuditPage>>['rows'][number];
