import { and, arrayOverlaps, asc, count, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Fetched, Slice } from '../../platform/reporting/index.js';
import { applications } from '../applications/applications.schema.js';
import { regionPrefix } from '../reference/index.js';
import { workerCertificates, workerProfiles } from '../workers/workers.schema.js';
import { workerSegments, workerTags, type StoredSegmentFilter } from './profiles.schema.js';

// Profiles read worker profiles (read-only, like a reporting module) and own tags and segments.

export type SegmentRow = typeof workerSegments.$inferSelect;
export type TagRow = typeof workerTags.$inferSelect;
export const ACTIVE_DAYS = 30;

/** 'YYYY-MM-DD' of the day `years` before `today` (UTC date parts). */
function yearsBefore(now: Date, years: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** SQL of each system tag (the same expressions filter and label rows). */
export function systemTagSql(tag: string, now: Date): SQL | null {
  const p = workerProfiles;
  switch (tag) {
    case '4050人员':
      // Women from 40 and men from 50, below 60.
      return sql`(${p.birthDate} > ${yearsBefore(now, 60)} and ((${p.gender} = 'female' and ${p.birthDate} <= ${yearsBefore(now, 40)}) or (${p.gender} = 'male' and ${p.birthDate} <= ${yearsBefore(now, 50)})))`;
    case '持证':
      return sql`exists (select 1 from ${workerCertificates} where ${workerCertificates.workerId} = ${p.id} and ${workerCertificates.reviewStatus} <> 'rejected')`;
    case '活跃': {
      const since = new Date(now.getTime() - ACTIVE_DAYS * 86_400_000).toISOString();
      return sql`(${p.updatedAt} >= ${since} or exists (select 1 from ${applications} where ${applications.workerId} = ${p.id} and ${applications.updatedAt} >= ${since}))`;
    }
    case '有培训意愿':
      return sql`cardinality(${p.trainingIntentions}) > 0`;
    default:
      return null;
  }
}

/** WHERE of a segment filter inside a region subtree. */
export function segmentWhere(f: StoredSegmentFilter, regionPattern: string, now: Date): SQL | undefined {
  const p = workerProfiles;
  const conds: (SQL | undefined)[] = [like(p.homeRegionCode, regionPattern)];
  if (f.towns.length > 0) conds.push(or(...f.towns.map((t) => like(p.homeRegionCode, `${regionPrefix(t)}%`))));
  if (f.occupationIds.length > 0) conds.push(arrayOverlaps(p.occupationIds, f.occupationIds));
  if (f.priorityGroups.length > 0) {
    if (f.priorityGroupMode === 'verified')
      conds.push(
        arrayOverlaps(p.priorityGroupsVerified, f.priorityGroups),
        sql`coalesce(${p.priorityGroupsReview}, '') <> 'rejected'`,
      );
    else conds.push(arrayOverlaps(p.priorityGroups, f.priorityGroups));
  }
  if (f.ageMin !== null) conds.push(sql`${p.birthDate} <= ${yearsBefore(now, f.ageMin)}`);
  if (f.ageMax !== null) conds.push(sql`${p.birthDate} > ${yearsBefore(now, f.ageMax + 1)}`);
  for (const tag of f.tags) {
    conds.push(
      systemTagSql(tag, now) ??
        sql`exists (select 1 from ${workerTags} where ${workerTags.workerId} = ${p.id} and ${workerTags.name} = ${tag})`,
    );
  }
  return and(...conds);
}

export async function findProfilesPage(
  db: DbOrTx,
  where: SQL | undefined,
  slice: Slice,
): Promise<Fetched<typeof workerProfiles.$inferSelect>> {
  const items = await db
    .select()
    .from(workerProfiles)
    .where(where)
    .orderBy(desc(workerProfiles.updatedAt), desc(workerProfiles.id))
    .limit(slice.limit)
    .offset(slice.offset);
  const [total] = await db.select({ n: count() }).from(workerProfiles).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function countProfiles(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [total] = await db.select({ n: count() }).from(workerProfiles).where(where);
  return total?.n ?? 0;
}

export async function findProfileIds(db: DbOrTx, where: SQL | undefined, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: workerProfiles.id })
    .from(workerProfiles)
    .where(where)
    .orderBy(workerProfiles.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Which of the given workers carry each system tag. */
export async function findSystemTagHolders(
  db: DbOrTx,
  ids: string[],
  tags: readonly string[],
  now: Date,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (ids.length === 0) return out;
  for (const tag of tags) {
    const cond = systemTagSql(tag, now);
    if (!cond) continue;
    const rows = await db
      .select({ id: workerProfiles.id })
      .from(workerProfiles)
      .where(and(inArray(workerProfiles.id, ids), cond));
    out.set(tag, new Set(rows.map((r) => r.id)));
  }
  return out;
}

export async function countCertificatesByWorker(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: workerCertificates.workerId, n: count() })
    .from(workerCertificates)
    .where(inArray(workerCertificates.workerId, ids))
    .groupBy(workerCertificates.workerId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function findTagsByWorkers(db: DbOrTx, ids: string[]): Promise<Map<string, TagRow[]>> {
  const out = new Map<string, TagRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(workerTags)
    .where(inArray(workerTags.workerId, ids))
    .orderBy(asc(workerTags.createdAt), asc(workerTags.name));
  for (const r of rows) out.set(r.workerId, [...(out.get(r.workerId) ?? []), r]);
  return out;
}

/** Insert a tag; undefined when the worker already has it. */
export async function insertTag(db: DbOrTx, values: typeof workerTags.$inferInsert): Promise<TagRow | undefined> {
  const [row] = await db.insert(workerTags).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findTag(db: DbOrTx, id: string): Promise<TagRow | undefined> {
  const [row] = await db.select().from(workerTags).where(eq(workerTags.id, id));
  return row;
}

export async function deleteTag(db: DbOrTx, id: string): Promise<void> {
  await db.delete(workerTags).where(eq(workerTags.id, id));
}

/** Staff tag names in use inside a region, most used first (for the tag pickers). */
export async function findTagNames(db: DbOrTx, regionPattern: string): Promise<string[]> {
  const rows = await db
    .select({ name: workerTags.name, n: count() })
    .from(workerTags)
    .where(like(workerTags.regionCode, regionPattern))
    .groupBy(workerTags.name)
    .orderBy(desc(count()), asc(workerTags.name))
    .limit(200);
  return rows.map((r) => r.name);
}

export async function insertSegment(db: DbOrTx, values: typeof workerSegments.$inferInsert): Promise<SegmentRow> {
  const [row] = await db.insert(workerSegments).values(values).returning();
  if (!row) throw new Error('insertSegment returned no row');
  return row;
}

export async function findSegment(db: DbOrTx, id: string): Promise<SegmentRow | undefined> {
  const [row] = await db.select().from(workerSegments).where(eq(workerSegments.id, id));
  return row;
}

/** Segments created inside the region subtree, newest first. */
export async function findSegments(db: DbOrTx, regionPattern: string): Promise<SegmentRow[]> {
  return db
    .select()
    .from(workerSegments)
    .where(like(workerSegments.regionCode, regionPattern))
    .orderBy(desc(workerSegments.createdAt))
    .limit(200);
}

export async function deleteSegment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(workerSegments).where(eq(workerSegments.id, id));
}
