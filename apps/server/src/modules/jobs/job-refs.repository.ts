import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobPostings } from './jobs.schema.js';

// A posting's reference for modules that record services against it.

export type JobRef = { id: string; employerId: string; townCode: string; title: string };

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

export type JobShiftRef = { id: string; title: string; address: string; workHours: string };

/** Postings that start on a date (Asia/Shanghai calendar date), for the shift reminders. */
export async function findJobsStartingOn(db: DbOrTx, date: string): Promise<JobShiftRef[]> {
  return db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      address: jobPostings.address,
      workHours: jobPostings.workHours,
    })
    .from(jobPostings)
    .where(eq(jobPostings.startDate, date));
}
