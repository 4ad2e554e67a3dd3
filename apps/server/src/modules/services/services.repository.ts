import type { DbOrTx } from '../../db/client.js';
import { guidanceSessions, matchmakings, registrationFollowups } from './services.schema.js';

export type FollowupRow = typeof registrationFollowups.$inferSelect;
export type MatchmakingRow = typeof matchmakings.$inferSelect;
export type GuidanceRow = typeof guidanceSessions.$inferSelect;

function first<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

export async function insertFollowup(
  db: DbOrTx,
  values: typeof registrationFollowups.$inferInsert,
): Promise<FollowupRow> {
  return first(await db.insert(registrationFollowups).values(values).returning(), 'followup');
}

export async function insertMatchmaking(db: DbOrTx, values: typeof matchmakings.$inferInsert): Promise<MatchmakingRow> {
  return first(await db.insert(matchmakings).values(values).returning(), 'matchmaking');
}

export async function insertGuidance(db: DbOrTx, values: typeof guidanceSessions.$inferInsert): Promise<GuidanceRow> {
  return first(await db.insert(guidanceSessions).values(values).returning(), 'guidance');
}

/** Multi-row inserts in batches (demo data, imports). */
export async function insertMatchmakings(
  db: DbOrTx,
  rows: (typeof matchmakings.$inferInsert)[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await db.insert(matchmakings).values(rows.slice(i, i + batchSize));
}
export async function insertFollowups(
  db: DbOrTx,
  rows: (typeof registrationFollowups.$inferInsert)[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize)
    await db.insert(registrationFollowups).values(rows.slice(i, i + batchSize));
}
export async function insertGuidanceSessions(
  db: DbOrTx,
  rows: (typeof guidanceSessions.$inferInsert)[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize)
    await db.insert(guidanceSessions).values(rows.slice(i, i + batchSize));
}
