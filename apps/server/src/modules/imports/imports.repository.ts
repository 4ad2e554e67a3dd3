import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { staff } from '../accounts/accounts.schema.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { occupations, regions } from '../reference/reference.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';

// Read-only look-ups an import validates against (regions, 工种, staff, employers, jobs, workers).

const LOOKUP_CHUNK = 5000;

const BIG_CHUNK = 20_000;

async function chunked<T>(
  values: string[],
  fetch: (chunk: string[]) => Promise<T[]>,
  size = LOOKUP_CHUNK,
): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += size) out.push(...(await fetch(unique.slice(i, i + size))));
  return out;
}

/** Towns and villages under a county code prefix ('450223%'). */
export function findRegionsUnder(db: DbOrTx, pattern: string) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(like(regions.code, pattern));
}

export function findActiveOccupations(db: DbOrTx) {
  return db
    .select({
      id: occupations.id,
      name: occupations.name,
      nationalCode: occupations.nationalCode,
      isCategory: occupations.isCategory,
    })
    .from(occupations)
    .where(isNull(occupations.disabledAt));
}

/** Active staff members by name (names are not unique: the caller checks). */
export function findStaffByNames(db: DbOrTx, names: string[]) {
  return chunked(names, (chunk) =>
    db
      .select({ id: staff.id, name: staff.name })
      .from(staff)
      .where(and(inArray(staff.name, chunk), isNull(staff.disabledAt))),
  );
}

export function findEmployersByNames(db: DbOrTx, names: string[]) {
  return chunked(names, (chunk) =>
    db.select({ id: employers.id, name: employers.name }).from(employers).where(inArray(employers.name, chunk)),
  );
}

export function findJobsOfEmployers(db: DbOrTx, employerIds: string[]) {
  return chunked(employerIds, (chunk) =>
    db
      .select({ id: jobPostings.id, employerId: jobPostings.employerId, title: jobPostings.title })
      .from(jobPostings)
      .where(inArray(jobPostings.employerId, chunk)),
  );
}

/** Workers by ID-number blind index (any region: the caller applies the actor's scope); one array parameter per query. */
export function findWorkersByIdHashes(db: DbOrTx, hashes: string[]) {
  return chunked(
    hashes,
    (chunk) =>
      db
        .select({
          id: workerProfiles.id,
          idNumberHash: workerProfiles.idNumberHash,
          nameEnc: workerProfiles.nameEnc,
          homeRegionCode: workerProfiles.homeRegionCode,
        })
        .from(workerProfiles)
        .where(sql`${workerProfiles.idNumberHash} = any(${sql.param(chunk)}::text[])`),
    BIG_CHUNK,
  );
}

export async function findStaffName(db: DbOrTx, id: string): Promise<string | undefined> {
  return (await db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).limit(1))[0]?.name;
}
