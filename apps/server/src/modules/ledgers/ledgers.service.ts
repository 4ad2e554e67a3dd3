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
import { AppError } from '../../platform/errors/app-error.js';
import type { Pii } from '../../platform/pii.js';
import { requirePermission, requireStepUp, scopedRegionPattern, type StaffActor } from '../../platform/rbac/actor.js';
import { findRegionLabels } from '../reference/index.js';
import { instantRange } from './period.js';
import {
  presentFollowupRow,
  presentGuidanceRow,
  presentMatchmakingRow,
  presentRegistration,
  revealer,
  type Reveal,
} from './ledgers.presenter.js';
import {
  findFollowupSummaries,
  findRegistrations,
  type RegistrationRow,
  type Slice,
  type Window,
} from './registrations.repository.js';
import { findFollowups, findGuidance, findMatchmakings } from './services-ledger.repository.js';

export type LedgersDeps = { db: DbOrTx; pii: Pii; now: () => Date };

/** The most rows one export may hold (larger sets: narrow the period or export per town). */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 2000;

type Filters = { from?: string; to?: string; town?: string };
type PageQ = { page: number; pageSize: number };
type Fetched<R> = { items: R[]; total: number };

/** Region subtree and time window of a ledger query; null when the town is outside the actor's scope. */
export function windowOf(actor: StaffActor, q: Filters): Window | null {
  requirePermission(actor, 'dashboard.read');
  const regionPattern = scopedRegionPattern(actor, q.town);
  return regionPattern === null ? null : { regionPattern, ...instantRange(q) };
}

const sliceOf = (q: PageQ): Slice => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

export async function paged<R>(q: PageQ, w: Window | null, fetch: (w: Window, slice: Slice) => Promise<Fetched<R>>) {
  if (!w) return { items: [] as R[], total: 0, page: q.page, pageSize: q.pageSize };
  const { items, total } = await fetch(w, sliceOf(q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every row of a ledger query, in batches; refuses more than EXPORT_MAX_ROWS. */
export async function collectAll<R>(
  w: Window | null,
  fetch: (w: Window, slice: Slice) => Promise<Fetched<R>>,
): Promise<R[]> {
  if (!w) return [];
  const first = await fetch(w, { limit: EXPORT_BATCH, offset: 0 });
  if (first.total > EXPORT_MAX_ROWS) throw new AppError('EXPORT_TOO_LARGE');
  const out = [...first.items];
  while (out.length < first.total) {
    const next = await fetch(w, { limit: EXPORT_BATCH, offset: out.length });
    if (next.items.length === 0) break;
    out.push(...next.items);
  }
  return out;
}

// ---- fetchers: one page of presented rows --------------------------------------------------

type RegistrationFilters = Pick<RegistrationLedgerQuery, 'channel' | 'priorityGroup'>;

export function registrationFetcher(deps: LedgersDeps, reveal: Reveal, q: RegistrationFilters) {
  return async (w: Window, slice: Slice) => {
    const { rows, total } = await findRegistrations(
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
    const { rows, total } = await findFollowups(deps.db, { ...w, workerId: q.workerId, status: q.status }, slice);
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
    const { rows, total } = await findMatchmakings(
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
    const { rows, total } = await findGuidance(deps.db, { ...w, workerId: q.workerId }, slice);
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
  return paged(q, windowOf(actor, q), registrationFetcher(deps, revealer(deps.pii, false), q));
}

/** Follow-ups of registrations (跟踪服务台账) in the actor's region, masked. */
export async function listFollowups(deps: LedgersDeps, actor: StaffActor, q: FollowupLedgerQuery) {
  return paged(q, windowOf(actor, q), followupFetcher(deps, revealer(deps.pii, false), q));
}

/** Matchmakings (招聘求职对接台账), online and offline, in the actor's region, masked. */
export async function listMatchmakings(deps: LedgersDeps, actor: StaffActor, q: MatchmakingLedgerQuery) {
  return paged(q, windowOf(actor, q), matchmakingFetcher(deps, revealer(deps.pii, false), q));
}

/** Career-guidance sessions (职业指导台账) in the actor's region, masked. */
export async function listGuidance(deps: LedgersDeps, actor: StaffActor, q: GuidanceLedgerQuery) {
  return paged(q, windowOf(actor, q), guidanceFetcher(deps, revealer(deps.pii, false), q));
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
