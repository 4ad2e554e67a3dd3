import type { PublicJobQuery } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { emptyPage, sliceOf } from '../../platform/reporting/index.js';
import type { Pii } from '../../platform/pii.js';
import { queryTokens, toTsqueryLiteral } from '../../platform/search/tokens.js';
import { findEmployerById } from '../employers/index.js';
import { regionPrefix } from '../reference/index.js';
import { listTotalCache, queryKey } from './job-list-cache.js';
import { loadJobNames } from './job-names.js';
import { presentPublicJob, presentPublicJobDetail } from './jobs.presenter.js';
import * as search from './job-search.repository.js';
import { creditLevel, creditScoresOf, wagePayRecordOf } from '../credit/index.js';

type Query = Pick<
  PublicJobQuery,
  'town' | 'kind' | 'q' | 'occupationId' | 'minPayFen' | 'payUnit' | 'date' | 'lng' | 'lat' | 'radiusKm' | 'cursor'
> & { sort?: search.JobSort; page: number; pageSize: number };

function decodeCursor(text: string): search.ListCursor {
  try {
    const [key, at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((key === null || typeof key === 'string') && typeof at === 'string' && typeof id === 'string')
      if (
        /^[\d.:+ -]+$/.test(at) &&
        /^[0-9a-f-]{36}$/.test(id) &&
        (key === null || /^(Infinity|[\d.Ee+-]+)$/.test(key))
      )
        return { key, at, id };
  } catch {
    // fall through
  }
  throw AppError.field('cursor', '分页游标无效，请从第一页重新加载');
}
const encodeCursor = (c: search.ListCursor) => Buffer.from(JSON.stringify([c.key, c.at, c.id])).toString('base64url');

/**
 * Published jobs with the discovery filters: town, 工种 (a category includes its trades), kind,
 * minimum pay in a unit, a date the job runs on, distance from a point, and Chinese keywords
 * (jieba tokens; every word must match). Sorted newest, nearest or best pay (per day). One
 * statement per page; `cursor` (the previous page's `nextCursor`) continues without an offset.
 * The total is exact: counted in the same statement up to EXACT_TOTAL_CAP, otherwise by a count
 * kept in the short-lived totals cache (dropped on every job change).
 */
export async function listPublishedJobs(db: DbOrTx, q: Query) {
  let tsquery: string | undefined;
  if (q.q) {
    const literal = toTsqueryLiteral(queryTokens(q.q));
    if (literal === null) return { ...emptyPage<PublicJobItem>(q), nextCursor: null };
    tsquery = literal;
  }
  const point = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat } : undefined;
  const filter: search.PublishedFilter = {
    regionPrefix: q.town ? regionPrefix(q.town) : undefined,
    kind: q.kind,
    occupationId: q.occupationId,
    minPay: q.minPayFen !== undefined && q.payUnit ? { fen: q.minPayFen, unit: q.payUnit } : undefined,
    date: q.date,
    tsquery,
    point,
    radiusKm: q.radiusKm,
  };
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const totalKey = queryKey({ ...filter, point: q.radiusKm !== undefined ? point : undefined });
  let total = listTotalCache.get(totalKey);
  const rows = await search.findPublishedPage(
    db,
    { ...filter, sort: q.sort ?? 'newest', cursor },
    sliceOf(q),
    total === undefined,
  );
  if (total === undefined) {
    const counted = rows[0]?.total;
    total =
      counted !== undefined && counted <= search.EXACT_TOTAL_CAP
        ? counted
        : rows.length === 0 && !cursor && q.page === 1
          ? 0
          : await search.countPublished(db, filter);
    listTotalCache.set(totalKey, total);
  }
  const last = rows.length === q.pageSize ? rows[rows.length - 1] : undefined;
  return {
    items: rows.map(presentPublicListRow),
    total,
    page: q.page,
    pageSize: q.pageSize,
    nextCursor: last ? encodeCursor({ key: last.cursorKey, at: last.cursorAt, id: last.id }) : null,
  };
}

function presentPublicListRow(r: search.PublishedListRow) {
  const { occupationName, townName, employerName, ...job } = r;
  return {
    ...presentPublicJob(job, { occupation: occupationName, town: townName, employer: employerName }, r.distanceKm),
    employerCreditLevel: creditLevel(r.creditScore),
  };
}
type PublicJobItem = ReturnType<typeof presentPublicListRow>;

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
