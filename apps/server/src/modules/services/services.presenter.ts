import type { Followup, GuidanceSession, Matchmaking } from '@lingong/contracts';
import type { FollowupRow, GuidanceRow, MatchmakingRow } from './services.repository.js';

export function presentFollowup(r: FollowupRow): Followup {
  return {
    id: r.id,
    workerId: r.workerId,
    status: r.status,
    contactedAt: r.contactedAt.toISOString(),
    note: r.note,
    nextDate: r.nextDate,
    regionCode: r.regionCode,
    recorderStaffId: r.recorderStaffId,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentMatchmaking(r: MatchmakingRow): Matchmaking {
  return {
    id: r.id,
    workerId: r.workerId,
    jobId: r.jobId,
    employerId: r.employerId,
    channel: r.channel,
    kind: r.kind,
    source: r.source,
    occurredAt: r.occurredAt.toISOString(),
    regionCode: r.regionCode,
    recorderStaffId: r.recorderStaffId,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentGuidance(r: GuidanceRow): GuidanceSession {
  return {
    id: r.id,
    workerId: r.workerId,
    sessionAt: r.sessionAt.toISOString(),
    topic: r.topic,
    advice: r.advice,
    nextStep: r.nextStep,
    followupDate: r.followupDate,
    regionCode: r.regionCode,
    recorderStaffId: r.recorderStaffId,
    createdAt: r.createdAt.toISOString(),
  };
}
