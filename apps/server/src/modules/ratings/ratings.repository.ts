import { and, asc, count, desc, eq, isNull, like, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { ratings } from './ratings.schema.js';

export type RatingRow = typeof ratings.$inferSelect;
export type ReviewStatus = RatingRow['reviewStatus'];

export async function insertRating(db: DbOrTx, values: typeof ratings.$inferInsert): Promise<RatingRow | undefined> {
  const [row] = await db.insert(ratings).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findRatingsOfApplication(db: DbOrTx, applicationId: string): Promise<RatingRow[]> {
  return db.select().from(ratings).where(eq(ratings.applicationId, applicationId));
}

export async function findRatingById(db: DbOrTx, id: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(ratings).where(eq(ratings.id, id));
  return row;
}

/** Mark the application's unrevealed ratings revealed; returns the rows it changed. */
export async function revealApplication(db: DbOrTx, applicationId: string, now: Date): Promise<RatingRow[]> {
  return db
    .update(ratings)
    .set({ revealedAt: now })
    .where(and(eq(ratings.applicationId, applicationId), isNull(ratings.revealedAt)))
    .returning();
}

/** Applications with a rating still hidden whose window has ended. */
export async function findDueApplications(db: DbOrTx, now: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .selectDistinct({ applicationId: ratings.applicationId })
    .from(ratings)
    .where(and(isNull(ratings.revealedAt), lte(ratings.windowEndsAt, now)))
    .limit(limit);
  return rows.map((r) => r.applicationId);
}

export async function findReviewPage(
  db: DbOrTx,
  opts: { regionPattern: string; status: ReviewStatus },
  slice: Slice,
): Promise<Fetched<RatingRow>> {
  const where = and(eq(ratings.reviewStatus, opts.status), like(ratings.regionCode, opts.regionPattern));
  const order = opts.status === 'flagged' ? asc(ratings.createdAt) : desc(ratings.reviewedAt);
  const items = await db
    .select()
    .from(ratings)
    .where(where)
    .orderBy(order, asc(ratings.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(ratings).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function countFlagged(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(ratings)
    .where(and(eq(ratings.reviewStatus, 'flagged'), like(ratings.regionCode, regionPattern)));
  return row?.n ?? 0;
}

/** Decide a flagged rating; undefined when it was decided meanwhile. */
export async function reviewRating(
  db: DbOrTx,
  id: string,
  values: { reviewStatus: 'approved' | 'hidden'; reviewReason: string; reviewedByStaffId: string; reviewedAt: Date },
): Promise<RatingRow | undefined> {
  const [row] = await db
    .update(ratings)
    .set(values)
    .where(and(eq(ratings.id, id), eq(ratings.reviewStatus, 'flagged')))
    .returning();
  return row;
}
