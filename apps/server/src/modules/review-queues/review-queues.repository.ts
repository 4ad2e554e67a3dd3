import { and, count, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { workerCertificates, workerProfiles } from '../workers/workers.schema.js';

// Reporting module: counts across the jobs and employers tables, writes nothing.

export async function countPendingPostings(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobPostings)
    .where(and(eq(jobPostings.status, 'pending_review'), like(jobPostings.townCode, regionPattern)));
  return row?.n ?? 0;
}

export async function countPendingEmployers(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(employers)
    .where(and(eq(employers.verificationStatus, 'pending'), like(employers.townCode, regionPattern)));
  return row?.n ?? 0;
}

/** Worker certificates waiting for review, by the worker's home region. */
export async function countPendingCertificates(db: DbOrTx, regionPattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(workerCertificates)
    .innerJoin(workerProfiles, eq(workerProfiles.id, workerCertificates.workerId))
    .where(and(eq(workerCertificates.reviewStatus, 'pending'), like(workerProfiles.homeRegionCode, regionPattern)));
  return row?.n ?? 0;
}
