import { asc, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sm3Hex } from '../auth/tokens.js';
import { auditLog } from './audit.schema.js';

/**
 * SM3 hash chain over the audit log: every entry stores the hash of the entry before it and
 * `hash = SM3(prevHash ‖ canonical entry)`, so changing, inserting or deleting an entry in the
 * middle breaks every link after it. Entries are appended under one transaction-scoped advisory
 * lock, so concurrent writers cannot fork the chain; the lock is held until the writer commits.
 */
export const AUDIT_CHAIN_LOCK = 0x4c47_4155; // "LGAU"

export type ChainFields = {
  actorKind: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
  createdAt: Date;
};

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string | null, e: ChainFields): string {
  const body = canonicalJson([
    e.actorKind,
    e.actorId,
    e.action,
    e.entity,
    e.entityId,
    e.regionCode,
    e.details,
    e.ip,
    e.requestId,
    e.createdAt.toISOString(),
  ]);
  return sm3Hex(`${prevHash ?? ''}\n${body}`);
}

/** Take the chain lock (until the transaction ends) and return the hash of the last entry. */
export async function lockChainHead(tx: DbOrTx): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const rows = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(sql`${auditLog.hash} is not null`)
    .orderBy(sql`${auditLog.id} desc`)
    .limit(1);
  return rows[0]?.hash ?? null;
}

export type ChainReport = {
  ok: boolean;
  /** Entries checked (chained ones). */
  checked: number;
  /** Entries written before the chain existed (no hash), all before the first chained one. */
  legacy: number;
  /** Hash of the last entry: record it elsewhere to detect truncation of the tail. */
  head: string | null;
  /** The first broken link. */
  broken?: { id: number; reason: string };
};

/** Walk the whole log in id order and name the first entry whose link does not hold. */
export async function verifyAuditChain(db: DbOrTx, batch = 2000): Promise<ChainReport> {
  let prev: string | null = null;
  let started = false;
  let checked = 0;
  let legacy = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      lastId = row.id;
      if (row.hash === null) {
        if (!started) {
          legacy += 1;
          continue;
        }
        return {
          ok: false,
          checked,
          legacy,
          head: prev,
          broken: { id: row.id, reason: '缺少哈希（条目被插入或改写）' },
        };
      }
      started = true;
      if (row.prevHash !== prev) {
        return {
          ok: false,
          checked,
          legacy,
          head: prev,
          broken: { id: row.id, reason: '前序哈希不符（前一条被删除、插入或改写）' },
        };
      }
      if (chainHash(prev, row) !== row.hash) {
        return {
          ok: false,
          checked,
          legacy,
          head: prev,
          broken: { id: row.id, reason: '内容与哈希不符（本条被改写）' },
        };
      }
      prev = row.hash;
      checked += 1;
    }
  }
  return { ok: true, checked, legacy, head: prev };
}
