import { and, arrayContains, asc, count, desc, eq, ilike, inArray, isNull, like, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { publicationLogs, publications } from './publications.schema.js';

export type PublicationRow = typeof publications.$inferSelect;
export type PublicationInsert = typeof publications.$inferInsert;
export type PublicationLogRow = typeof publicationLogs.$inferSelect;
export type Channel = PublicationRow['channels'][number];

export async function insertPublication(db: DbOrTx, v: PublicationInsert): Promise<PublicationRow> {
  const [row] = await db.insert(publications).values(v).returning();
  if (!row) throw new Error('publication insert returned no row');
  return row;
}

export async function findPublication(db: DbOrTx, id: string): Promise<PublicationRow | undefined> {
  return (await db.select().from(publications).where(eq(publications.id, id)).limit(1))[0];
}

/** Lock the row for a state change (FOR UPDATE). */
export async function lockPublication(db: DbOrTx, id: string): Promise<PublicationRow | undefined> {
  return (await db.select().from(publications).where(eq(publications.id, id)).for('update'))[0];
}

export async function updatePublication(
  db: DbOrTx,
  id: string,
  v: Partial<PublicationInsert>,
): Promise<PublicationRow> {
  const [row] = await db.update(publications).set(v).where(eq(publications.id, id)).returning();
  if (!row) throw new Error('publication update returned no row');
  return row;
}

/** Console list: the region pattern limits to the actor's subtree. */
export async function findPage(
  db: DbOrTx,
  f: {
    pattern: string;
    status?: PublicationRow['status'];
    kind?: PublicationRow['kind'];
    channel?: Channel;
    q?: string;
  },
  slice: Slice,
): Promise<Fetched<PublicationRow>> {
  const where = and(
    like(publications.regionCode, f.pattern),
    f.status ? eq(publications.status, f.status) : undefined,
    f.kind ? eq(publications.kind, f.kind) : undefined,
    f.channel ? arrayContains(publications.channels, [f.channel]) : undefined,
    f.q ? ilike(publications.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const items = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.updatedAt), desc(publications.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(publications).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Published items on a public channel, visible in a region (its own, its subtree or above it). */
export async function findPublished(
  db: DbOrTx,
  channel: Channel,
  region: { pattern: string; ancestors: string[] } | null,
  slice: Slice,
): Promise<Fetched<PublicationRow>> {
  const regionWhere: SQL | undefined = region
    ? region.ancestors.length
      ? or(like(publications.regionCode, region.pattern), inArray(publications.regionCode, region.ancestors))
      : like(publications.regionCode, region.pattern)
    : undefined;
  const where = and(eq(publications.status, 'published'), arrayContains(publications.channels, [channel]), regionWhere);
  const items = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.publishedAt), desc(publications.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(publications).where(where);
  return { items, total: total?.n ?? 0 };
}

/** Approved items whose publish time has come (or was never set). */
export async function findDueToPublish(db: DbOrTx, now: Date): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(
      and(eq(publications.status, 'approved'), or(isNull(publications.publishAt), lte(publications.publishAt, now))),
    )
    .orderBy(asc(publications.publishAt));
}

export async function findDueToUnpublish(db: DbOrTx, now: Date): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(and(eq(publications.status, 'published'), lte(publications.unpublishAt, now)));
}

export async function insertLogs(db: DbOrTx, rows: (typeof publicationLogs.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(publicationLogs).values(rows);
}

export async function findLogs(db: DbOrTx, publicationId: string): Promise<PublicationLogRow[]> {
  return db
    .select()
    .from(publicationLogs)
    .where(eq(publicationLogs.publicationId, publicationId))
    .orderBy(asc(publicationLogs.at), asc(publicationLogs.channel));
}
