import type {
  FollowupExportQuery,
  FollowupLedgerQuery,
  GuidanceExportQuery,
  GuidanceLedgerQuery,
  MatchmakingExportQuery,
  MatchmakingLedgerQuery,
  RegistrationExportQuery,
  RegistrationLedgerQuery,
} from '@lingong/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Pii } from '../../platform/pii.js';
import { requirePermission, requireStepUp, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionLabels } from '../reference/index.js';
import {
  presentFollowupRow,
  presentGuidanceRow,
  presentMatchmakingRow,
  presentRegistration,
} from './ledgers.presenter.js';
import { findFollowupSummaries, findRegistrations, type RegistrationRow } from './registrations.repository.js';
import {
  collectAll,
  revealer,
  windowOf,
  windowPage,
  type Reveal,
  type Slice,
  type Window,
} from '../../platform/reporting/index.js';
import { findFollowups, findGuidance, findMatchmakings } from './services-ledger.repository.js';

export type LedgersDeps = { db: DbOrTx; pii: Pii; now: () => Date };

// ---- fetchers: one page of presented rows --------------------------------------------------

type RegistrationFilters = Pick<RegistrationLedgerQuery, 'channel' | 'priorityGroup'>;

export function registrationFetcher(deps: LedgersDeps, reveal: Reveal, q: RegistrationFilters) {
  return async (w: Window, slice: Slice) => {
    const { items: rows, total } = await findRegistrations(
      deps.db,
      { ...w, channel: q.channel, priorityGroup: q.priorityGroup },
      slice,
    );
    return { items: await presentRegistrations(deps.db, rows, reveal), total };
  };
}

async function presentRegistrations(db: DbOrTx, rows: RegistrationRow[], reveal: Reveal) {
  const [regions, followups] = await Promise.all([
    findRegionLabels(
      db,
      rows.map((r) => r.homeRegionCode),
    ),
    findFollowupSummaries(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => presentRegistration(r, reveal, regions, followups));
}

export function followupFetcher(
  deps: LedgersDeps,
  reveal: Reveal,
  q: Pick<FollowupLedgerQuery, 'workerId' | 'status'>,
) {
  return async (w: Window, slice: Slice) => {
    const { items: rows, total } = await findFollowups(
      deps.db,
      { ...w, workerId: q.workerId, status: q.status },
      slice,
    );
    const regions = await findRegionLabels(
      deps.db,
      rows.map((r) => r.regionCode),
    );
    return { items: rows.map((r) => presentFollowupRow(r, reveal, regions)), total };
  };
}

export function matchmakingFetcher(
  deps: LedgersDeps,
  reveal: Reveal,
  q: Pick<MatchmakingLedgerQuery, 'channel' | 'kind' | 'source'>,
) {
  return async (w: Window, slice: Slice) => {
    const { items: rows, total } = await findMatchmakings(
      deps.db,
      { ...w, channel: q.channel, kind: q.kind, source: q.source },
      slice,
    );
    const regions = await findRegionLabels(
      deps.db,
      rows.map((r) => r.regionCode),
    );
    return { items: rows.map((r) => presentMatchmakingRow(r, reveal, regions)), total };
  };
}

export function guidanceFetcher(deps: LedgersDeps, reveal: Reveal, q: Pick<GuidanceLedgerQuery, 'workerId'>) {
  return async (w: Window, slice: Slice) => {
    const { items: rows, total } = await findGuidance(deps.db, { ...w, workerId: q.workerId }, slice);
    const regions = await findRegionLabels(
      deps.db,
      rows.map((r) => r.regionCode),
    );
    return { items: rows.map((r) => presentGuidanceRow(r, reveal, regions)), total };
  };
}

// ---- lists (masked) -----------------------------------------------------------------------

/** The real-name job-seeker ledger (求职登记台账) in the actor's region, masked. */
export async function listRegistrations(deps: LedgersDeps, actor: StaffActor, q: RegistrationLedgerQuery) {
  return windowPage(q, windowOf(actor, q), registrationFetcher(deps, revealer(deps.pii, false), q));
}

/** Follow-ups of registrations (跟踪服务台账) in the actor's region, masked. */
export async function listFollowups(deps: LedgersDeps, actor: StaffActor, q: FollowupLedgerQuery) {
  return windowPage(q, windowOf(actor, q), followupFetcher(deps, revealer(deps.pii, false), q));
}

/** Matchmakings (招聘求职对接台账), online and offline, in the actor's region, masked. */
export async function listMatchmakings(deps: LedgersDeps, actor: StaffActor, q: MatchmakingLedgerQuery) {
  return windowPage(q, windowOf(actor, q), matchmakingFetcher(deps, revealer(deps.pii, false), q));
}

/** Career-guidance sessions (职业指导台账) in the actor's region, masked. */
export async function listGuidance(deps: LedgersDeps, actor: StaffActor, q: GuidanceLedgerQuery) {
  return windowPage(q, windowOf(actor, q), guidanceFetcher(deps, revealer(deps.pii, false), q));
}

// ---- rows for exports -----------------------------------------------------------------------

/** A real-name export needs the personal-data permission; masked exports need only reads. */
export function exportRevealer(deps: LedgersDeps, actor: StaffActor, pii: 'masked' | 'full'): Reveal {
  if (pii === 'full') {
    requirePermission(actor, 'workers.pii.read');
    requireStepUp(actor, deps.now());
  }
  return revealer(deps.pii, pii === 'full');
}

export const exportRows = {
  registrations: (deps: LedgersDeps, actor: StaffActor, q: RegistrationExportQuery) =>
    collectAll(windowOf(actor, q), registrationFetcher(deps, exportRevealer(deps, actor, q.pii), q)),
  followups: (deps: LedgersDeps, actor: StaffActor, q: FollowupExportQuery) =>
    collectAll(windowOf(actor, q), followupFetcher(deps, exportRevealer(deps, actor, q.pii), q)),
  matchmakings: (deps: LedgersDeps, actor: StaffActor, q: MatchmakingExportQuery) =>
    collectAll(windowOf(actor, q), matchmakingFetcher(deps, exportRevealer(deps, actor, q.pii), q)),
  guidance: (deps: LedgersDeps, actor: StaffActor, q: GuidanceExportQuery) =>
    collectAll(windowOf(actor, q), guidanceFetcher(deps, exportRevealer(deps, actor, q.pii), q)),
};
