import type { PublicJobQuery } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, paged } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import { queryTokens, toTsqueryLiteral } from '../../platform/search/tokens.js';
import { findEmployerById } from '../employers/index.js';
import { listOccupations, regionPrefix } from '../reference/index.js';
import { loadJobNames } from './job-names.js';
import { presentPublicJob, presentPublicJobDetail } from './jobs.presenter.js';
import * as search from './job-search.repository.js';
import { creditScoresOf, wagePayRecordOf } from '../credit/index.js';

type Query = Pick<
  PublicJobQuery,
  'town' | 'kind' | 'q' | 'occupationId' | 'minPayFen' | 'payUnit' | 'date' | 'lng' | 'lat' | 'radiusKm'
> & { sort?: search.JobSort; page: number; pageSize: number };

/** The trade itself, or every trade of a category (工种 filter). */
async function occupationSubtree(db: DbOrTx, id: string): Promise<string[]> {
  const all = await listOccupations(db);
  return all.filter((o) => o.id === id || o.parentId === id).map((o) => o.id);
}

/**
 * Published jobs with the discovery filters: town, 工种 (a category includes its trades), kind,
 * minimum pay in a unit, a date the job runs on, distance from a point, and Chinese keywords
 * (jieba tokens; every word must match). Sorted newest, nearest or best pay (per day).
 */
export async function listPublishedJobs(db: DbOrTx, q: Query) {
  let tsquery: string | undefined;
  if (q.q) {
    const literal = toTsqueryLiteral(queryTokens(q.q));
    if (literal === null) return emptyPage<PublicJobItem>(q);
    tsquery = literal;
  }
  const point = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat } : undefined;
  const filter = {
    regionPattern: q.town ? `${regionPrefix(q.town)}%` : undefined,
    kind: q.kind,
    occupationIds: q.occupationId ? await occupationSubtree(db, q.occupationId) : undefined,
    minPay: q.minPayFen !== undefined && q.payUnit ? { fen: q.minPayFen, unit: q.payUnit } : undefined,
    date: q.date,
    tsquery,
    point,
    radiusKm: q.radiusKm,
    sort: q.sort ?? 'newest',
  };
  return paged(q, async (slice) => {
    const { items: rows, total } = await search.findPublishedPage(db, filter, slice);
    return { items: await presentPublicJobs(db, rows), total };
  });
}

/** List rows for the public: the job, its distance and the employer's credit level. */
async function presentPublicJobs(db: DbOrTx, rows: search.PublishedRow[]) {
  const names = await loadJobNames(
    db,
    rows.map((r) => r.job),
  );
  const credit = await creditScoresOf(
    db,
    'employer',
    rows.map((r) => r.job.employerId),
  );
  return rows.map((r) => ({
    ...presentPublicJob(r.job, names(r.job), r.distanceKm),
    employerCreditLevel: credit.get(r.job.employerId)?.level ?? null,
  }));
}
type PublicJobItem = Awaited<ReturnType<typeof presentPublicJobs>>[number];

/**
 * A published job's detail, with the distance from the caller's point when given. The contact
 * phone is shown only when `contact.viewerHasApplied` (a worker who applied to this job).
 */
export async function getPublicJob(
  db: DbOrTx,
  id: string,
  at: { lng?: number; lat?: number },
  contact?: { viewerHasApplied: boolean; pii: Pii },
) {
  const point = at.lng !== undefined && at.lat !== undefined ? { lng: at.lng, lat: at.lat } : undefined;
  const found = await search.findJobWithDistance(db, id, point);
  if (!found || found.job.status !== 'published') throw new AppError('NOT_FOUND', { message: '岗位不存在或已下架' });
  const employer = await findEmployerById(db, found.job.employerId);
  const names = await loadJobNames(db, [found.job]);
  const credit = (await creditScoresOf(db, 'employer', [found.job.employerId])).get(found.job.employerId);
  return presentPublicJobDetail(
    found.job,
    names(found.job),
    {
      id: found.job.employerId,
      kind: employer?.kind ?? 'enterprise',
      verificationStatus: employer?.verificationStatus ?? 'unverified',
      creditLevel: credit?.level ?? null,
      pay: await wagePayRecordOf(db, found.job.employerId),
    },
    found.distanceKm,
    contact?.viewerHasApplied && found.job.contactPhoneEnc ? contact.pii.decrypt(found.job.contactPhoneEnc) : null,
  );
}
