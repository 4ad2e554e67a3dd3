import type { Publication, PublicationLog, PublicPublication } from '@lingong/contracts';
import type { PublicationLogRow, PublicationRow } from './publications.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentPublication(r: PublicationRow): Publication {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    body: r.body,
    jobIds: r.jobIds,
    channels: r.channels,
    regionCode: r.regionCode,
    status: r.status,
    rejectReason: r.rejectReason,
    publishAt: iso(r.publishAt),
    unpublishAt: iso(r.unpublishAt),
    publishedAt: iso(r.publishedAt),
    unpublishedAt: iso(r.unpublishedAt),
    authorStaffId: r.authorStaffId,
    reviewerStaffId: r.reviewerStaffId,
    reviewedAt: iso(r.reviewedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The public face: no workflow fields, only the jobs still open. */
export function presentPublic(r: PublicationRow, jobs: { id: string; title: string }[]): PublicPublication {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    body: r.body,
    regionCode: r.regionCode,
    publishedAt: iso(r.publishedAt),
    jobs,
  };
}

export function presentLog(r: PublicationLogRow, names: Map<string, string>): PublicationLog {
  return {
    id: r.id,
    channel: r.channel,
    action: r.action,
    staffId: r.staffId,
    staffName: r.staffId ? (names.get(r.staffId) ?? null) : null,
    at: r.at.toISOString(),
  };
}
