import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { guidanceSessions, matchmakings, registrationFollowups } from './services.schema.js';

/** Move a worker's ledger rows (follow-ups, matchmakings, guidance) to another profile (merge). */
export async function reassignWorkerServiceRecords(db: DbOrTx, fromId: string, toId: string): Promise<number> {
  const a = await db
    .update(registrationFollowups)
    .set({ workerId: toId })
    .where(eq(registrationFollowups.workerId, fromId))
    .returning({ id: registrationFollowups.id });
  const b = await db
    .update(matchmakings)
    .set({ workerId: toId })
    .where(eq(matchmakings.workerId, fromId))
    .returning({ id: matchmakings.id });
  const c = await db
    .update(guidanceSessions)
    .set({ workerId: toId })
    .where(eq(guidanceSessions.workerId, fromId))
    .returning({ id: guidanceSessions.id });
  return a.length + b.length + c.length;
}
