import type {
  FollowupLedgerRow,
  GuidanceLedgerRow,
  MatchmakingLedgerRow,
  RegistrationLedgerRow,
} from '@lingong/contracts';
import type { Reveal } from '../../platform/reporting/index.js';
import type { FollowupSummary, RegistrationRow } from './registrations.repository.js';
import type { FollowupLedgerDbRow, GuidanceLedgerDbRow, MatchmakingLedgerDbRow } from './services-ledger.repository.js';

type Names = Map<string, string>;

export function presentRegistration(
  r: RegistrationRow,
  reveal: Reveal,
  regions: Names,
  followups: Map<string, FollowupSummary>,
): RegistrationLedgerRow {
  const f = followups.get(r.id);
  return {
    workerId: r.id,
    nameMasked: reveal.name(r.nameEnc),
    gender: r.gender,
    idNumberMasked: reveal.idNumber(r.idNumberEnc),
    phoneMasked: reveal.phone(r.phoneEnc),
    homeRegionCode: r.homeRegionCode,
    homeRegionName: regions.get(r.homeRegionCode) ?? r.homeRegionCode,
    priorityGroups: r.priorityGroups,
    channel: r.channel,
    recorderName: r.recorderName,
    registeredAt: r.createdAt.toISOString(),
    followupCount: f?.count ?? 0,
    latestFollowup: f
      ? { status: f.latest.status, contactedAt: f.latest.contactedAt.toISOString(), nextDate: f.latest.nextDate }
      : null,
  };
}

export function presentFollowupRow(r: FollowupLedgerDbRow, reveal: Reveal, regions: Names): FollowupLedgerRow {
  return {
    id: r.id,
    workerId: r.workerId,
    workerNameMasked: reveal.name(r.nameEnc),
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode) ?? r.regionCode,
    status: r.status,
    contactedAt: r.contactedAt.toISOString(),
    note: r.note,
    nextDate: r.nextDate,
    recorderName: r.recorderName,
  };
}

export function presentMatchmakingRow(r: MatchmakingLedgerDbRow, reveal: Reveal, regions: Names): MatchmakingLedgerRow {
  return {
    id: r.id,
    workerId: r.workerId,
    workerNameMasked: reveal.name(r.nameEnc),
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode) ?? r.regionCode,
    jobId: r.jobId,
    jobTitle: r.jobTitle,
    employerId: r.employerId,
    employerName: reveal.employer(r.employerName, r.employerKind),
    channel: r.channel,
    kind: r.kind,
    source: r.source,
    occurredAt: r.occurredAt.toISOString(),
    recorderName: r.recorderName,
    note: r.note,
  };
}

export function presentGuidanceRow(r: GuidanceLedgerDbRow, reveal: Reveal, regions: Names): GuidanceLedgerRow {
  return {
    id: r.id,
    workerId: r.workerId,
    workerNameMasked: reveal.name(r.nameEnc),
    regionCode: r.regionCode,
    regionName: regions.get(r.regionCode) ?? r.regionCode,
    sessionAt: r.sessionAt.toISOString(),
    topic: r.topic,
    advice: r.advice,
    nextStep: r.nextStep,
    followupDate: r.followupDate,
    recorderName: r.recorderName,
  };
}
