import type { AdminWorkerSummary } from '@lingong/contracts';
import type { Pii } from '../../platform/pii.js';
import { presentWorkerSummary } from './workers.presenter.js';
import type { WorkerRow } from './workers.repository.js';

/** The staff list row: the masked summary plus priority groups and 工种 names. */
export function presentAdminWorkerSummary(
  row: WorkerRow,
  pii: Pii,
  regionName: string,
  occupationNames: Map<string, string>,
  now: Date,
): AdminWorkerSummary {
  return {
    ...presentWorkerSummary(row, pii, regionName, now),
    priorityGroups: row.priorityGroups,
    occupationNames: row.occupationIds.map((id) => occupationNames.get(id) ?? '').filter((n) => n !== ''),
  };
}
