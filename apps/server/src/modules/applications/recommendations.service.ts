import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskName } from '../../platform/crypto/mask.js';
import type { UserActor } from '../../platform/rbac/actor.js';
import { requireRole } from '../employers/index.js';
import { findJobById, findPublishedForMatching, loadJobNames, type JobRow } from '../jobs/index.js';
import { TOWN_CENTRES, findRegionNames, listOccupations } from '../reference/index.js';
import { findWorkersForMatching, type WorkerRow } from '../workers/index.js';
import { requireWorker, type ApplicationsDeps } from './application-context.js';
import * as repo from './applications.repository.js';
import { haversineKm, scoreMatch, type MatchInput } from './recommendation-scoring.js';
import { creditScoresOf } from '../credit/index.js';

const CANDIDATES = 500;
type Point = { lng: number; lat: number };

/** The centre of the town a region code lies in (home town of a worker, fallback for a job). */
function townCentre(regionCode: string): Point | null {
  return TOWN_CENTRES[`${regionCode.slice(0, 9)}000`] ?? null;
}
function jobPoint(job: JobRow): Point | null {
  return job.lng !== null && job.lat !== null ? { lng: job.lng, lat: job.lat } : townCentre(job.townCode);
}
function distance(a: Point | null, b: Point | null): number | null {
  return a && b ? Math.round(haversineKm(a, b) * 10) / 10 : null;
}

/** exact / related (same category) / none, for a worker's wanted 工种 against a job's. */
async function occupationRelation(
  db: DbOrTx,
): Promise<(wanted: string[], jobOccupation: string) => MatchInput['occupation']> {
  const parent = new Map((await listOccupations(db)).map((o) => [o.id, o.parentId]));
  return (wanted, jobOccupation) => {
    if (wanted.includes(jobOccupation)) return 'exact';
    const category = parent.get(jobOccupation);
    return category && wanted.some((w) => parent.get(w) === category) ? 'related' : 'none';
  };
}

function workerSide(w: WorkerRow): MatchInput['worker'] {
  return {
    weekdays: w.availabilityWeekdays,
    dayParts: w.availabilityDayParts,
    earliestStart: w.earliestStart,
    expectedPayFen: w.expectedPayFen,
    expectedPayUnit: w.expectedPayUnit,
  };
}
function jobSide(j: JobRow): MatchInput['job'] {
  return {
    startDate: j.startDate,
    endDate: j.endDate,
    workHours: j.workHours,
    wageMaxFen: j.wageMaxFen,
    wageUnit: j.wageUnit,
  };
}

/** 为我推荐: published jobs scored for the caller's profile, best first, with reasons. */
export async function recommendJobsForWorker(deps: ApplicationsDeps, actor: UserActor, limit: number) {
  const worker = await requireWorker(deps.db, actor);
  const [jobs, relation, reliability] = await Promise.all([
    findPublishedForMatching(deps.db, CANDIDATES),
    occupationRelation(deps.db),
    repo.reliabilityOf(deps.db, [worker.id]),
  ]);
  const home = townCentre(worker.homeRegionCode);
  const rel = reliability.get(worker.id) ?? { completed: 0, failed: 0 };
  const now = deps.now();
  const scored = jobs
    .map((job) => {
      const distanceKm = distance(home, jobPoint(job));
      const occupation = relation(worker.occupationIds, job.occupationId);
      const match = scoreMatch({
        occupation,
        distanceKm,
        workerMaxDistanceKm: worker.maxDistanceKm,
        worker: workerSide(worker),
        job: jobSide(job),
        reliability: rel,
        lastActiveAt: job.publishedAt,
        now,
        activityReason: '新发布',
      });
      return { job, distanceKm, match };
    })
    .filter((s) => s.match.score > 0)
    .sort((a, b) => b.match.score - a.match.score)
    .slice(0, limit);
  const [names, statuses] = await Promise.all([
    loadJobNames(
      deps.db,
      scored.map((s) => s.job),
    ),
    repo.statusesForWorker(
      deps.db,
      worker.id,
      scored.map((s) => s.job.id),
    ),
  ]);
  return {
    items: scored.map(({ job, distanceKm, match }) => ({
      jobId: job.id,
      title: job.title,
      employerName: names(job).employer,
      townName: names(job).town,
      wageMinFen: job.wageMinFen,
      wageMaxFen: job.wageMaxFen,
      wageUnit: job.wageUnit,
      distanceKm,
      score: match.score,
      reasons: match.reasons,
      reasonText: match.reasons.join(' · '),
      applied: statuses.has(job.id),
    })),
  };
}

/** 查找雇员: workers wanting the job's 工种 (or a related one), scored, names masked; members only. */
export async function recommendWorkersForJob(deps: ApplicationsDeps, actor: UserActor, jobId: string, limit: number) {
  const job = await findJobById(deps.db, jobId);
  if (!job) throw new AppError('NOT_FOUND', { message: '岗位不存在' });
  await requireRole(deps.db, actor, job.employerId);
  const occupations = await listOccupations(deps.db);
  const category = occupations.find((o) => o.id === job.occupationId)?.parentId ?? null;
  const trades = occupations
    .filter((o) => o.id === job.occupationId || (category !== null && o.parentId === category))
    .map((o) => o.id);
  const [candidates, relation] = await Promise.all([
    findWorkersForMatching(deps.db, trades, CANDIDATES),
    occupationRelation(deps.db),
  ]);
  const workers = candidates.filter((w) => w.userId !== actor.id);
  const reliability = await repo.reliabilityOf(
    deps.db,
    workers.map((w) => w.id),
  );
  const credit = await creditScoresOf(
    deps.db,
    'worker',
    workers.map((w) => w.id),
  );
  const point = jobPoint(job);
  const now = deps.now();
  const scored = workers
    .map((w) => {
      const rel = reliability.get(w.id);
      const distanceKm = distance(townCentre(w.homeRegionCode), point);
      const lastActiveAt = rel?.lastActiveAt && rel.lastActiveAt > w.updatedAt ? rel.lastActiveAt : w.updatedAt;
      const match = scoreMatch({
        occupation: relation(w.occupationIds, job.occupationId),
        distanceKm,
        workerMaxDistanceKm: w.maxDistanceKm,
        worker: workerSide(w),
        job: jobSide(job),
        reliability: rel ?? { completed: 0, failed: 0 },
        creditScore: credit.get(w.id)?.score,
        lastActiveAt,
        now,
      });
      return { w, distanceKm, match };
    })
    .sort((a, b) => b.match.score - a.match.score)
    .slice(0, limit);
  const [towns, statuses] = await Promise.all([
    findRegionNames(
      deps.db,
      scored.map((s) => `${s.w.homeRegionCode.slice(0, 9)}000`),
    ),
    repo.statusesForJob(
      deps.db,
      job.id,
      scored.map((s) => s.w.id),
    ),
  ]);
  return {
    items: scored.map(({ w, distanceKm, match }) => ({
      workerId: w.id,
      maskedName: maskName(deps.pii.decrypt(w.nameEnc)),
      townName: towns.get(`${w.homeRegionCode.slice(0, 9)}000`) ?? '',
      distanceKm,
      score: match.score,
      reasons: match.reasons,
      reasonText: match.reasons.join(' · '),
      applicationStatus: statuses.get(w.id) ?? null,
      creditLevel: credit.get(w.id)?.level ?? null,
    })),
  };
}
