import type { PublicJobQuery } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import { queryTokens, toTsqueryLiteral } from '../../platform/search/tokens.js';
import { findEmployerById } from '../employers/index.js';
import { listOccupations, regionPrefix } from '../reference/index.js';
import { loadJobNames } from './job-names.js';
import { presentPublicJob, presentPublicJobDetail } from './jobs.presenter.js';
import * as search from './job-search.repository.js';
import { creditScoresOf } from '../credit/index.js';

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
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  let tsquery: string | undefined;
  if (q.q) {
    const literal = toTsqueryLiteral(queryTokens(q.q));
    if (literal === null) return empty;
    tsquery = literal;
  }
  const point = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat } : undefined;
  const { rows, total } = await search.findPublishedPage(db, {
    regionPattern: q.town ? `${regionPrefix(q.town)}%` : undefined,
    kind: q.kind,
    occupationIds: q.occupationId ? await occupationSubtree(db, q.occupationId) : undefined,
    minPay: q.minPayFen !== undefined && q.payUnit ? { fen: q.minPayFen, unit: q.payUnit } : undefined,
    date: q.date,
    tsquery,
    point,
    radiusKm: q.radiusKm,
    sort: q.sort ?? 'newest',
    page: q.page,
    pageSize: q.pageSize,
  });
  const names = await loadJobNames(
    db,
    rows.map((r) => r.job),
  );
  const credit = await creditScoresOf(
    db,
    'employer',
    rows.map((r) => r.job.employerId),
  );
  const items = rows.map((r) => ({
    ...presentPublicJob(r.job, names(r.job), r.distanceKm),
    employerCreditLevel: credit.get(r.job.employerId)?.level ?? null,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

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
    },
    found.distanceKm,
    contact?.viewerHasApplied && found.job.contactPhoneEnc ? contact.pii.decrypt(found.job.contactPhoneEnc) : null,
  );
}
