import { and, asc, eq, like, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { partnerClients, partnerNonces, partnerRateWindows } from './exchange.schema.js';

export type PartnerClientRow = typeof partnerClients.$inferSelect;

export async function insertPartnerClient(
  db: DbOrTx,
  row: typeof partnerClients.$inferInsert,
): Promise<PartnerClientRow> {
  const [created] = await db.insert(partnerClients).values(row).returning();
  if (!created) throw new Error('partner client not inserted');
  return created;
}

export const findPartnerClients = (db: DbOrTx, regionPattern: string) =>
  db
    .select()
    .from(partnerClients)
    .where(like(partnerClients.regionCode, regionPattern))
    .orderBy(asc(partnerClients.createdAt));

export async function findPartnerById(db: DbOrTx, id: string): Promise<PartnerClientRow | null> {
  const [row] = await db.select().from(partnerClients).where(eq(partnerClients.id, id));
  return row ?? null;
}

export async function findPartnerByClientId(db: DbOrTx, clientId: string): Promise<PartnerClientRow | null> {
  const [row] = await db.select().from(partnerClients).where(eq(partnerClients.clientId, clientId));
  return row ?? null;
}

export async function revokePartner(db: DbOrTx, id: string, now: Date): Promise<PartnerClientRow | null> {
  const [row] = await db
    .update(partnerClients)
    .set({ revokedAt: now })
    .where(and(eq(partnerClients.id, id), sql`${partnerClients.revokedAt} is null`))
    .returning();
  return row ?? null;
}

export async function touchPartner(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(partnerClients).set({ lastUsedAt: now }).where(eq(partnerClients.id, id));
}

/** Remember a nonce; false when it was already seen (a replay). Expired nonces are dropped. */
export async function rememberNonce(db: DbOrTx, clientId: string, nonce: string, expiresAt: Date, now: Date) {
  await db.delete(partnerNonces).where(and(eq(partnerNonces.clientId, clientId), lt(partnerNonces.expiresAt, now)));
  const rows = await db
    .insert(partnerNonces)
    .values({ clientId, nonce, expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: partnerNonces.nonce });
  return rows.length === 1;
}

/** Count a call in the client's current minute; returns the calls so far in that minute. */
export async function countCall(db: DbOrTx, clientId: string, minute: Date): Promise<number> {
  const [row] = await db
    .insert(partnerRateWindows)
    .values({ clientId, minute, calls: 1 })
    .onConflictDoUpdate({
      target: [partnerRateWindows.clientId, partnerRateWindows.minute],
      set: { calls: sql`${partnerRateWindows.calls} + 1` },
    })
    .returning({ calls: partnerRateWindows.calls });
  return row?.calls ?? 1;
}
