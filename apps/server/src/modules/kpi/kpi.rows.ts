import type { KpiColumn, KpiIndicatorKey, KpiRow } from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { findRegionLabels } from '../reference/index.js';
import { EMPLOYERS_SHEET, JOB_POSTS_SHEET, PROVINCIAL_JOBS_SHEET, type Named } from './kpi.sheets.js';
import { findAcceptedJobRecords } from '../exchange/index.js';
import { findPublishedJobs, findRegisteredEmployers } from './kpi.repository.js';
import { type Fetched, revealer, type SheetSpec, type Slice, type Window } from '../../platform/reporting/index.js';
import {
  GUIDANCE_SHEET,
  guidanceFetcher,
  MATCHMAKING_SHEET,
  matchmakingFetcher,
  REGISTRATION_SHEET,
  registrationFetcher,
} from '../ledgers/index.js';

// The rows behind each figure: the same sheets as the ledgers, so the drill-down, the ledger
// export and the acceptance pack show a reviewer identical columns.

export type RowSource = {
  columns: KpiColumn[];
  fetch(w: Window, slice: Slice): Promise<Fetched<KpiRow>>;
};

/** Columns without the sequence number (the table numbers its own rows). */
export function source<R>(
  spec: SheetSpec<R>,
  fetch: (w: Window, slice: Slice) => Promise<Fetched<R>>,
  id: (r: R) => string,
  value: (r: R) => number,
): RowSource {
  const cols = spec.columns.map((c, i) => ({ c, key: `c${i}` })).filter(({ c }) => c.header !== '序号');
  return {
    columns: cols.map(({ c, key }) => ({ key, label: c.header })),
    fetch: async (w, slice) => {
      const { items, total } = await fetch(w, slice);
      return {
        total,
        items: items.map((r, i) => ({
          id: id(r),
          value: value(r),
          cells: Object.fromEntries(cols.map(({ c, key }) => [key, c.value(r, slice.offset + i)])),
        })),
      };
    },
  };
}

async function withTownNames<R extends { townCode: string }>(db: DbOrTx, rows: R[]): Promise<Named<R>[]> {
  const names = await findRegionLabels(
    db,
    rows.map((r) => r.townCode),
  );
  return rows.map((r) => ({ ...r, townName: names.get(r.townCode) ?? r.townCode }));
}

export function jobFetcher(db: DbOrTx, kind: 'contract' | 'flexible') {
  return async (w: Window, slice: Slice) => {
    const { items, total } = await findPublishedJobs(db, w, kind, slice);
    return { items: await withTownNames(db, items), total };
  };
}

export function employerFetcher(db: DbOrTx) {
  return async (w: Window, slice: Slice) => {
    const { items, total } = await findRegisteredEmployers(db, w, slice);
    return { items: await withTownNames(db, items), total };
  };
}

export function provincialJobFetcher(db: DbOrTx) {
  return async (w: Window, slice: Slice) => {
    const { items, total } = await findAcceptedJobRecords(db, w, slice);
    return { items: await withTownNames(db, items), total };
  };
}

const one = () => 1;

/** The row source of an indicator, or null while its records are not kept yet. */
export function rowSourceFor(deps: { db: DbOrTx; pii: Pii; now: () => Date }, key: KpiIndicatorKey): RowSource | null {
  const masked = revealer(deps.pii, false);
  switch (key) {
    case 'worker_registrations':
      return source(REGISTRATION_SHEET, registrationFetcher(deps, masked, {}), (r) => r.workerId, one);
    case 'matchmakings':
      return source(MATCHMAKING_SHEET, matchmakingFetcher(deps, masked, {}), (r) => r.id, one);
    case 'guidance_sessions':
      return source(GUIDANCE_SHEET, guidanceFetcher(deps, masked, {}), (r) => r.id, one);
    case 'contract_job_posts':
      return source(JOB_POSTS_SHEET, jobFetcher(deps.db, 'contract'), (r) => r.id, one);
    case 'contract_job_openings':
      return source(
        JOB_POSTS_SHEET,
        jobFetcher(deps.db, 'contract'),
        (r) => r.id,
        (r) => r.headcount,
      );
    case 'flexible_job_posts':
      return source(JOB_POSTS_SHEET, jobFetcher(deps.db, 'flexible'), (r) => r.id, one);
    case 'flexible_job_openings':
      return source(
        JOB_POSTS_SHEET,
        jobFetcher(deps.db, 'flexible'),
        (r) => r.id,
        (r) => r.headcount,
      );
    case 'employer_registrations':
      return source(EMPLOYERS_SHEET, employerFetcher(deps.db), (r) => r.id, one);
    case 'provincial_job_records':
      return source(PROVINCIAL_JOBS_SHEET, provincialJobFetcher(deps.db), (r) => r.id, one);
    default:
      return null;
  }
}
