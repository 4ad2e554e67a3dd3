import type { CollectionExportQuery } from '@lingong/contracts';
import { writeAudit } from '../../platform/audit/audit.js';
import { requirePermission, requireStepUp, type StaffActor } from '../../platform/rbac/actor.js';
import { COVERAGE_SHEET, coverageOf } from './collection.coverage.js';
import {
  COLLECTION_FOLLOWUP_SHEET,
  HOUSEHOLD_SHEET,
  MEMBER_SHEET,
  MIGRANT_SHEET,
  followupFetcher,
  householdFetcher,
  memberFetcher,
} from './collection.ledger.js';
import { collectionRevealer } from './collection.presenter.js';
import type { CollectionDeps } from './collection.service.js';
import {
  addSheet,
  collectAll,
  newWorkbook,
  shanghaiDay,
  type Window,
  windowOf,
} from '../../platform/reporting/index.js';

type Meta = { ip?: string; requestId?: string };

/** Every sheet of the collection ledger for a window: households, members, migrants, follow-ups, coverage. */
export async function collectionWorkbookSheets(
  deps: CollectionDeps,
  w: Window | null,
  full: boolean,
  f: { zeroEmployment?: boolean } = {},
) {
  const reveal = collectionRevealer(deps.pii, full);
  const households = await collectAll(w, householdFetcher(deps, reveal, f));
  const members = await collectAll(w, memberFetcher(deps, reveal, f));
  const followups = await collectAll(w, followupFetcher(deps, reveal));
  const scope = w?.regionPattern.replace('%', '') ?? '';
  // Coverage as of the window's end (cumulative), like the KPI figure.
  const coverage = w
    ? await coverageOf(
        deps.db,
        w.regionPattern,
        scope.length >= 9 ? 'village' : 'town',
        w.end ? shanghaiDay(w.end) : undefined,
      )
    : null;
  return { households, members, followups, coverage: coverage ? [...coverage.items, coverage.total] : [] };
}

export function addCollectionSheets(
  wb: ReturnType<typeof newWorkbook>,
  s: Awaited<ReturnType<typeof collectionWorkbookSheets>>,
): void {
  addSheet(wb, HOUSEHOLD_SHEET, s.households);
  addSheet(wb, MEMBER_SHEET, s.members);
  addSheet(
    wb,
    MIGRANT_SHEET,
    s.members.filter((m) => m.status === 'migrant'),
  );
  addSheet(wb, COLLECTION_FOLLOWUP_SHEET, s.followups);
  addSheet(wb, COVERAGE_SHEET, s.coverage);
}

/** The 就业信息采集 workbook, masked or (with workers.pii.read) real-name; audited either way. */
export async function exportCollection(deps: CollectionDeps, actor: StaffActor, q: CollectionExportQuery, meta: Meta) {
  if (q.pii === 'full') {
    requirePermission(actor, 'workers.pii.read');
    requireStepUp(actor, deps.now());
  }
  const w = windowOf(actor, { from: q.from, to: q.to, town: q.village ?? q.town });
  const sheets = await collectionWorkbookSheets(deps, w, q.pii === 'full', {
    zeroEmployment: q.zeroEmployment === undefined ? undefined : q.zeroEmployment === 'true',
  });
  const wb = newWorkbook(deps.now());
  addCollectionSheets(wb, sheets);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeAudit(deps.db, {
    actor,
    action: 'export',
    entity: 'ledger',
    entityId: 'collection',
    regionCode: actor.regionCode,
    details: {
      rows: {
        households: sheets.households.length,
        members: sheets.members.length,
        followups: sheets.followups.length,
      },
      query: q,
    },
    ...meta,
  });
  return { name: HOUSEHOLD_SHEET.name, buffer };
}
