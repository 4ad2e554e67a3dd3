import { and, isNotNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { applications } from '../../src/modules/applications/applications.schema.js';
import { jobPostings } from '../../src/modules/jobs/jobs.schema.js';
import { wageStatements } from '../../src/modules/wages/wages.schema.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { createRng } from './generators.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ENDS = ['applied', 'declined', 'withdrawn', 'hired', 'completed', 'completed', 'completed', 'cancelled'] as const;
const PLACE_TAKING = new Set(['hired', 'completed']);

/**
 * Demo applications so the 就业流向 funnel and the employers' lists look like a running market:
 * about half of the workers applied to one to three published jobs (never before they registered
 * or the job was published), some were hired and finished, within each job's headcount; finished
 * day-rate jobs have a received wage statement. The demo employer's own jobs are left untouched.
 */
export async function seedDemoApplications(
  db: DbOrTx,
  opts: { seed: number; skipEmployerId?: string; now?: Date },
): Promise<number> {
  const rng = createRng(opts.seed + 11);
  const now = (opts.now ?? new Date()).getTime();
  const workers = await db
    .select({ id: workerProfiles.id, createdAt: workerProfiles.createdAt })
    .from(workerProfiles)
    .limit(2000);
  const jobs = await db
    .select({
      id: jobPostings.id,
      employerId: jobPostings.employerId,
      townCode: jobPostings.townCode,
      headcount: jobPostings.headcount,
      publishedAt: jobPostings.publishedAt,
      wageMinFen: jobPostings.wageMinFen,
      wageUnit: jobPostings.wageUnit,
    })
    .from(jobPostings)
    .where(
      and(
        isNotNull(jobPostings.publishedAt),
        ...(opts.skipEmployerId ? [ne(jobPostings.employerId, opts.skipEmployerId)] : []),
      ),
    );
  if (jobs.length === 0) return 0;
  const places = new Map<string, number>();
  const apps: (typeof applications.$inferInsert)[] = [];
  const statements: (typeof wageStatements.$inferInsert)[] = [];
  for (const w of workers) {
    if (!rng.chance(0.5)) continue;
    const picked = new Set<number>();
    for (let k = rng.int(1, 3); k > 0; k--) picked.add(rng.int(0, jobs.length - 1));
    for (const j of picked) {
      const job = jobs[j]!;
      const from = Math.max(w.createdAt.getTime(), job.publishedAt!.getTime());
      const at = Math.min(from + rng.int(1, 48) * HOUR, now - HOUR);
      if (at < from) continue;
      let status: (typeof ENDS)[number] = rng.pick(ENDS);
      const used = places.get(job.id) ?? 0;
      if (PLACE_TAKING.has(status) && used >= job.headcount) status = 'applied';
      if (PLACE_TAKING.has(status)) places.set(job.id, used + 1);
      const hired = PLACE_TAKING.has(status) || status === 'cancelled';
      const hiredAt = hired ? new Date(Math.min(at + rng.int(2, 72) * HOUR, now)) : null;
      const id = crypto.randomUUID();
      apps.push({
        id,
        jobId: job.id,
        workerId: w.id,
        employerId: job.employerId,
        status,
        origin: rng.chance(0.8) ? 'apply' : 'invite',
        ...(status === 'declined' || status === 'cancelled' || status === 'withdrawn'
          ? { endedBy: status === 'withdrawn' ? 'worker' : 'employer', endReason: '演示数据' }
          : {}),
        createdAt: new Date(at),
        updatedAt: hiredAt ?? new Date(at),
        hiredAt,
        agreedWageFen: hired ? job.wageMinFen : null,
        payWithinDays: hired ? 3 : null,
      });
      if (status === 'completed' && job.wageUnit === 'day' && hiredAt && hiredAt.getTime() + 3 * DAY < now) {
        const start = new Date(hiredAt.getTime() + DAY);
        const days = rng.int(1, 3);
        const end = new Date(start.getTime() + (days - 1) * DAY);
        const paidAt = new Date(Math.min(end.getTime() + rng.int(0, 3) * DAY + 10 * HOUR, now));
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        statements.push({
          applicationId: id,
          jobId: job.id,
          workerId: w.id,
          employerId: job.employerId,
          townCode: job.townCode,
          periodStart: iso(start),
          periodEnd: iso(end),
          unit: 'day',
          rateFen: job.wageMinFen,
          days,
          minutes: days * 480,
          pieces: 0,
          baseFen: job.wageMinFen * days,
          additionsFen: 0,
          deductionsFen: 0,
          totalFen: job.wageMinFen * days,
          status: 'received',
          dueDate: iso(new Date(end.getTime() + 3 * DAY)),
          createdAt: end,
          updatedAt: paidAt,
          issuedAt: end,
          paidAt,
          receivedAt: paidAt,
        });
      }
    }
  }
  for (let i = 0; i < apps.length; i += 500) await db.insert(applications).values(apps.slice(i, i + 500));
  for (let i = 0; i < statements.length; i += 500) await db.insert(wageStatements).values(statements.slice(i, i + 500));
  return apps.length;
}
