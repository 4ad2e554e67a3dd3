import { and, avg, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { applications } from '../applications/applications.schema.js';
import { completions } from '../attendance/attendance.schema.js';
import { wageStatements } from '../wages/wages.schema.js';
import { jobPostings } from '../jobs/jobs.schema.js';
import { ratings } from '../ratings/ratings.schema.js';
import { workerProfiles } from '../workers/workers.schema.js';

// Read-only view over applications, completions and ratings for the 雇主管理 drawer (employers shows
// it through the reads review-queues provides; see employers/activity-source.ts).

export const HIRE_STATUSES = ['hired', 'confirmed', 'working', 'completed'] as const;
const LIMIT = 50;

export async function findHires(db: DbOrTx, employerId: string) {
  const where = and(eq(applications.employerId, employerId), inArray(applications.status, [...HIRE_STATUSES]));
  const [rows, total] = await Promise.all([
    db
      .select({
        applicationId: applications.id,
        jobId: applications.jobId,
        jobTitle: jobPostings.title,
        workerNameEnc: workerProfiles.nameEnc,
        status: applications.status,
        hiredAt: applications.hiredAt,
        completedAt: completions.confirmedAt,
        // What is owed comes from the wage statements (completion no longer carries an amount).
        wageTotalFen: sql<number | null>`(select sum(${wageStatements.totalFen})::int from ${wageStatements}
          where ${wageStatements.applicationId} = ${applications.id} and ${wageStatements.status} <> 'draft')`,
      })
      .from(applications)
      .innerJoin(jobPostings, eq(jobPostings.id, applications.jobId))
      .innerJoin(workerProfiles, eq(workerProfiles.id, applications.workerId))
      .leftJoin(completions, eq(completions.applicationId, applications.id))
      .where(where)
      .orderBy(desc(sql`coalesce(${applications.hiredAt}, ${applications.updatedAt})`), desc(applications.id))
      .limit(LIMIT),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** Revealed ratings workers gave the employer. */
export async function findRatingsReceived(db: DbOrTx, employerId: string) {
  const where = and(eq(ratings.raterSide, 'worker'), eq(ratings.rateeId, employerId), isNotNull(ratings.revealedAt));
  const [rows, agg] = await Promise.all([
    db
      .select({
        id: ratings.id,
        jobTitle: jobPostings.title,
        workerNameEnc: workerProfiles.nameEnc,
        stars: ratings.stars,
        tags: ratings.tags,
        comment: ratings.comment,
        reviewStatus: ratings.reviewStatus,
        createdAt: ratings.createdAt,
      })
      .from(ratings)
      .innerJoin(applications, eq(applications.id, ratings.applicationId))
      .innerJoin(jobPostings, eq(jobPostings.id, ratings.jobId))
      .innerJoin(workerProfiles, eq(workerProfiles.id, applications.workerId))
      .where(where)
      .orderBy(desc(ratings.createdAt), desc(ratings.id))
      .limit(LIMIT),
    db
      .select({ n: count(), avg: avg(ratings.stars) })
      .from(ratings)
      .where(where),
  ]);
  const n = Number(agg[0]?.n ?? 0);
  return {
    rows,
    total: n,
    averageStars: n > 0 && agg[0]?.avg != null ? Math.round(Number(agg[0].avg) * 10) / 10 : null,
  };
}
