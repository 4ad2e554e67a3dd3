import { and, count, desc, eq, gt, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dayEnd, dayStart, type Slice } from '../../platform/reporting/index.js';
import type { CreditEventKind, CreditSubject } from './credit-rules.js';
import { creditAppeals, creditBlacklist, creditEvents, creditRules, creditScores } from './credit.schema.js';

export type CreditEventRow = typeof creditEvents.$inferSelect;
export type BlacklistRow = typeof creditBlacklist.$inferSelect;
export type AppealRow = typeof creditAppeals.$inferSelect;

// ---------- rules ----------

export async function findRules(db: DbOrTx) {
  return db.select().from(creditRules);
}

export async function upsertRule(
  db: DbOrTx,
  kind: CreditEventKind,
  points: number,
  staffId: string,
  now: Date,
): Promise<void> {
  await db
    .insert(creditRules)
    .values({ kind, points, updatedByStaffId: staffId, updatedAt: now })
    .onConflictDoUpdate({ target: creditRules.kind, set: { points, updatedByStaffId: staffId, updatedAt: now } });
}

// ---------- events ----------

export type EventFilter = {
  regionPattern: string;
  subjectType?: CreditSubject;
  kind?: CreditEventKind;
  from?: string;
  to?: string;
};

function eventConds(f: EventFilter): SQL[] {
  const conds: SQL[] = [like(creditEvents.regionCode, f.regionPattern)];
  if (f.subjectType) conds.push(eq(creditEvents.subjectType, f.subjectType));
  if (f.kind) conds.push(eq(creditEvents.kind, f.kind));
  if (f.from) conds.push(gte(creditEvents.at, dayStart(f.from)));
  if (f.to) conds.push(lt(creditEvents.at, dayEnd(f.to)));
  return conds;
}

export async function findEventsPage(db: DbOrTx, f: EventFilter, slice: Slice) {
  const where = and(...eventConds(f));
  const rows = await db
    .select()
    .from(creditEvents)
    .where(where)
    .orderBy(desc(creditEvents.at), desc(creditEvents.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(creditEvents).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function countEvents(db: DbOrTx, f: EventFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(creditEvents)
    .where(and(...eventConds(f)));
  return row?.n ?? 0;
}

export async function findEventsOfSubject(db: DbOrTx, type: CreditSubject, id: string) {
  return db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.subjectType, type), eq(creditEvents.subjectId, id)))
    .orderBy(desc(creditEvents.at), desc(creditEvents.id))
    .limit(200);
}

export async function findEventById(db: DbOrTx, id: string): Promise<CreditEventRow | undefined> {
  const [row] = await db.select().from(creditEvents).where(eq(creditEvents.id, id));
  return row;
}

export async function findScore(db: DbOrTx, type: CreditSubject, id: string): Promise<number | undefined> {
  const [row] = await db
    .select({ score: creditScores.score })
    .from(creditScores)
    .where(and(eq(creditScores.subjectType, type), eq(creditScores.subjectId, id)));
  return row?.score;
}

// ---------- blacklist ----------

const activeAt = (now: Date) =>
  and(isNull(creditBlacklist.liftedAt), or(isNull(creditBlacklist.expiresAt), gt(creditBlacklist.expiresAt, now)));

export async function insertBlacklist(db: DbOrTx, values: typeof creditBlacklist.$inferInsert): Promise<BlacklistRow> {
  const [row] = await db.insert(creditBlacklist).values(values).returning();
  return row!;
}

export async function findBlacklistPage(
  db: DbOrTx,
  opts: { regionPattern: string; activeOnly: boolean; subjectType?: CreditSubject; now: Date },
  slice: Slice,
) {
  const conds: (SQL | undefined)[] = [like(creditBlacklist.regionCode, opts.regionPattern)];
  if (opts.activeOnly) conds.push(activeAt(opts.now));
  if (opts.subjectType) conds.push(eq(creditBlacklist.subjectType, opts.subjectType));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(creditBlacklist)
    .where(where)
    .orderBy(desc(creditBlacklist.createdAt), desc(creditBlacklist.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(creditBlacklist).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findBlacklistById(db: DbOrTx, id: string): Promise<BlacklistRow | undefined> {
  const [row] = await db.select().from(creditBlacklist).where(eq(creditBlacklist.id, id));
  return row;
}

/** Lift an entry still in force; undefined when it was already lifted (checked on the row). */
export async function liftBlacklist(
  db: DbOrTx,
  id: string,
  values: { liftedAt: Date; liftedByStaffId: string; liftReason: string },
): Promise<BlacklistRow | undefined> {
  const [row] = await db
    .update(creditBlacklist)
    .set(values)
    .where(and(eq(creditBlacklist.id, id), isNull(creditBlacklist.liftedAt)))
    .returning();
  return row;
}

/** Entries in force for a subject now. */
export async function findActiveBlacklist(
  db: DbOrTx,
  type: CreditSubject,
  id: string,
  now: Date,
): Promise<BlacklistRow[]> {
  return db
    .select()
    .from(creditBlacklist)
    .where(and(eq(creditBlacklist.subjectType, type), eq(creditBlacklist.subjectId, id), activeAt(now)));
}

export async function findBlacklistOfSubject(db: DbOrTx, type: CreditSubject, id: string): Promise<BlacklistRow[]> {
  return db
    .select()
    .from(creditBlacklist)
    .where(and(eq(creditBlacklist.subjectType, type), eq(creditBlacklist.subjectId, id)))
    .orderBy(desc(creditBlacklist.createdAt))
    .limit(50);
}

export const isActive = (row: BlacklistRow, now: Date) =>
  row.liftedAt === null && (row.expiresAt === null || row.expiresAt.getTime() > now.getTime());

// ---------- appeals ----------

export async function insertAppeal(
  db: DbOrTx,
  values: typeof creditAppeals.$inferInsert,
): Promise<AppealRow | undefined> {
  const [row] = await db.insert(creditAppeals).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findAppealsPage(
  db: DbOrTx,
  opts: { regionPattern: string; status?: AppealRow['status'] },
  slice: Slice,
) {
  const conds: SQL[] = [like(creditAppeals.regionCode, opts.regionPattern)];
  if (opts.status) conds.push(eq(creditAppeals.status, opts.status));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(creditAppeals)
    .where(where)
    .orderBy(desc(creditAppeals.createdAt), desc(creditAppeals.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(creditAppeals).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findAppealById(db: DbOrTx, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(creditAppeals).where(eq(creditAppeals.id, id));
  return row;
}

/** Decide a pending appeal; undefined when it was decided meanwhile. */
export async function decideAppeal(
  db: DbOrTx,
  id: string,
  values: Pick<AppealRow, 'status' | 'decisionReason' | 'decidedByStaffId' | 'decidedAt'>,
): Promise<AppealRow | undefined> {
  const [row] = await db
    .update(creditAppeals)
    .set(values)
    .where(and(eq(creditAppeals.id, id), eq(creditAppeals.status, 'pending')))
    .returning();
  return row;
}

export async function findAppealsOfSubject(db: DbOrTx, type: CreditSubject, id: string): Promise<AppealRow[]> {
  return db
    .select()
    .from(creditAppeals)
    .where(and(eq(creditAppeals.subjectType, type), eq(creditAppeals.subjectId, id)))
    .orderBy(desc(creditAppeals.createdAt))
    .limit(100);
}

export async function findAppealsForTargets(db: DbOrTx, ids: string[]): Promise<AppealRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(creditAppeals).where(inArray(creditAppeals.targetId, ids));
}

export async function countPendingAppeals(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(creditAppeals)
    .where(and(eq(creditAppeals.status, 'pending'), like(creditAppeals.regionCode, regionPattern)));
  return row?.n ?? 0;
}
