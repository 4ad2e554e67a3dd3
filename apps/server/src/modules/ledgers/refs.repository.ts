import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employers } from '../employers/employers.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';

// Read-only look-ups of records owned by other modules, for services that reference them
// (reporting modules may read any table; see ARCHITECTURE.md rule 1).

export type WorkerRef = { id: string; homeRegionCode: string };
export type JobRef = { id: string; employerId: string; townCode: string; title: string };
export type EmployerRef = { id: string; townCode: string; name: string };

export async function findWorkerRef(db: DbOrTx, id: string): Promise<WorkerRef | undefined> {
  const rows = await db
    .select({ id: workerProfiles.id, homeRegionCode: workerProfiles.homeRegionCode })
    .from(workerProfiles)
    .where(eq(workerProfiles.id, id))
    .limit(1);
  return rows[0];
}

export async function findJobRef(db: DbOrTx, id: string): Promise<JobRef | undefined> {
  const rows = await db
    .select({
      id: jobPostings.id,
      employerId: jobPostings.employerId,
      townCode: jobPostings.townCode,
      title: jobPostings.title,
    })
    .from(jobPostings)
    .where(eq(jobPostings.id, id))
    .limit(1);
  return rows[0];
}

export async function findEmployerRef(db: DbOrTx, id: string): Promise<EmployerRef | undefined> {
  const rows = await db
    .select({ id: employers.id, townCode: employers.townCode, name: employers.name })
    .from(employers)
    .where(eq(employers.id, id))
    .limit(1);
  return rows[0];
}
