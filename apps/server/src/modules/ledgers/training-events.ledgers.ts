import {
  DELIVERY_PARTY_LABELS,
  type ClassSessionLedgerRow,
  type DeliveryLedgerRow,
  type EventLedgerRow,
  type RecommendationLedgerRow,
} from '@lingong/contracts';
import { findRegionLabels } from '../reference/index.js';
import type { Fetched, Reveal, Slice, Window } from '../../platform/reporting/index.js';
import type { LedgersDeps } from './ledgers.service.js';
import {
  findClassSessions,
  findDeliveryRows,
  findEventRows,
  findRecommendations,
  type DeliveryDbRow,
} from './training-events-ledger.repository.js';

// Fetchers (one page of presented rows) of the training and events ledgers, shared by the
// ledger lists, their exports, the KPI drill-down and the acceptance pack.

export const OFFLINE_EVENT_KINDS = ['offline_fair'] as const;
export const RECRUITMENT_EVENT_KINDS = ['offline_fair', 'online_fair', 'livestream'] as const;
export const STATION_EVENT_KINDS = ['station'] as const;
export const ALL_EVENT_KINDS = [...RECRUITMENT_EVENT_KINDS, ...STATION_EVENT_KINDS] as const;

const named = async (deps: LedgersDeps, codes: string[]) => findRegionLabels(deps.db, codes);

export function classSessionFetcher(deps: LedgersDeps) {
  return async (w: Window, slice: Slice): Promise<Fetched<ClassSessionLedgerRow>> => {
    const { items: rows, total } = await findClassSessions(deps.db, w, slice);
    const regions = await named(
      deps,
      rows.map((r) => r.regionCode),
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        courseTitle: r.courseTitle,
        trade: r.trade,
        providerName: r.providerName ?? '',
        funding: r.funding,
        seq: r.seq,
        heldAt: r.heldAt.toISOString(),
        topic: r.topic,
        teacher: r.teacher,
        present: r.present,
        regionName: regions.get(r.regionCode) ?? r.regionCode,
        recorderName: r.recorderName,
      })),
    };
  };
}

export function recommendationFetcher(deps: LedgersDeps, reveal: Reveal) {
  return async (w: Window, slice: Slice): Promise<Fetched<RecommendationLedgerRow>> => {
    const { items: rows, total } = await findRecommendations(deps.db, w, slice);
    const regions = await named(
      deps,
      rows.map((r) => r.regionCode),
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        workerId: r.workerId,
        workerNameMasked: reveal.name(r.nameEnc),
        regionName: regions.get(r.regionCode) ?? r.regionCode,
        courseTitle: r.courseTitle,
        trade: r.trade,
        funding: r.funding,
        sentAt: r.sentAt.toISOString(),
        recorderName: r.recorderName,
      })),
    };
  };
}

export function eventFetcher(deps: LedgersDeps, kinds: readonly (typeof ALL_EVENT_KINDS)[number][] = ALL_EVENT_KINDS) {
  return async (w: Window, slice: Slice): Promise<Fetched<EventLedgerRow>> => {
    const { items: rows, total } = await findEventRows(deps.db, w, kinds, slice);
    const regions = await named(
      deps,
      rows.map((r) => r.regionCode),
    );
    return {
      total,
      items: rows.map((r) => ({
        ...r,
        heldAt: r.heldAt.toISOString(),
        regionName: regions.get(r.regionCode) ?? r.regionCode,
      })),
    };
  };
}

function presentDeliveryRow(r: DeliveryDbRow, regionName: string): DeliveryLedgerRow {
  const by = (party: 'enterprise' | 'sender' | 'bureau') => r.confirmations.find((c) => c.party === party);
  const discrepancy = r.confirmations
    .filter((c) => c.discrepancy !== 0)
    .map(
      (c) =>
        `${DELIVERY_PARTY_LABELS[c.party]}确认${c.confirmedCount}人（${c.discrepancy > 0 ? '+' : ''}${c.discrepancy}）${c.note ? `：${c.note}` : ''}`,
    )
    .join('；');
  return {
    id: r.id,
    employerName: r.employerName ?? '',
    sender: r.sender,
    deliveredOn: r.deliveredOn,
    workerCount: r.workerIds.length,
    enterpriseCount: by('enterprise')?.confirmedCount ?? null,
    senderCount: by('sender')?.confirmedCount ?? null,
    bureauCount: by('bureau')?.confirmedCount ?? null,
    discrepancy,
    regionName,
    recorderName: r.recorderName,
    createdAt: r.createdAt.toISOString(),
  };
}

export function deliveryFetcher(deps: LedgersDeps) {
  return async (w: Window, slice: Slice): Promise<Fetched<DeliveryLedgerRow>> => {
    const { items: rows, total } = await findDeliveryRows(deps.db, w, slice);
    const regions = await named(
      deps,
      rows.map((r) => r.regionCode),
    );
    return { total, items: rows.map((r) => presentDeliveryRow(r, regions.get(r.regionCode) ?? r.regionCode)) };
  };
}
