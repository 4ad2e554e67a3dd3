import type { DbOrTx } from '../../db/client.js';
import { findEmployerNames } from '../employers/index.js';
import { findOccupationNames, findRegionNames } from '../reference/index.js';
import type { JobNames } from './jobs.presenter.js';
import type { JobRow } from './jobs.repository.js';
import { shanghaiDay } from '../../platform/reporting/shanghai-time.js';

/**
 * Town, 工种 and employer names for a set of postings, as one lookup function. The three lookups
 * run one after another: `db` may be a transaction, whose single connection takes one query at a time.
 */
export async function loadJobNames(db: DbOrTx, rows: JobRow[]): Promise<(r: JobRow) => JobNames> {
  const towns = await findRegionNames(
    db,
    rows.map((r) => r.townCode),
  );
  const occupations = await findOccupationNames(
    db,
    rows.map((r) => r.occupationId),
  );
  const employers = await findEmployerNames(
    db,
    rows.map((r) => r.employerId),
  );
  return (r) => ({
    town: towns.get(r.townCode) ?? '',
    occupation: occupations.get(r.occupationId) ?? '',
    employer: employers.get(r.employerId) ?? '',
  });
}

/** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiDate(now: Date): string {
  return shanghaiDay(now);
}
