import { and, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { regions, stations } from '../reference/reference.schema.js';

/** Published jobs that have a point, newest first (a map shows at most `limit`). */
export async function findJobPoints(
  db: DbOrTx,
  filter: { town?: string; kind?: 'contract' | 'flexible' },
  limit: number,
) {
  const where: SQL[] = [eq(jobPostings.status, 'published'), isNotNull(jobPostings.lng), isNotNull(jobPostings.lat)];
  if (filter.town) where.push(eq(jobPostings.townCode, filter.town));
  if (filter.kind) where.push(eq(jobPostings.kind, filter.kind));
  return db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      kind: jobPostings.kind,
      wageMinFen: jobPostings.wageMinFen,
      wageMaxFen: jobPostings.wageMaxFen,
      wageUnit: jobPostings.wageUnit,
      townCode: jobPostings.townCode,
      lng: jobPostings.lng,
      lat: jobPostings.lat,
    })
    .from(jobPostings)
    .where(and(...where))
    .orderBy(desc(jobPostings.publishedAt))
    .limit(limit);
}

export async function findStationPoints(db: DbOrTx, town?: string) {
  const where: SQL[] = [isNotNull(stations.lng), isNotNull(stations.lat)];
  if (town) where.push(eq(stations.townCode, town));
  return db
    .select({
      id: stations.id,
      name: stations.name,
      address: stations.address,
      townCode: stations.townCode,
      lng: stations.lng,
      lat: stations.lat,
    })
    .from(stations)
    .where(and(...where));
}

export async function findRegionNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}
