import type { EmployerJob, PublicJobDetail, PublicJobSummary, ReviewJob } from '@lingong/contracts';
import { maskPhone } from '../../platform/crypto/index.js';
import type { Pii } from '../../platform/pii.js';
import type { JobRow } from './jobs.repository.js';

export type JobNames = { town: string; occupation: string; employer: string };

/** Kilometres rounded to 0.1. */
const km = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10);

/** The columns the list shows (the list selects only these). */
export type JobListColumns = Pick<
  JobRow,
  | 'id'
  | 'title'
  | 'occupationId'
  | 'kind'
  | 'headcount'
  | 'wageMinFen'
  | 'wageMaxFen'
  | 'wageUnit'
  | 'settlement'
  | 'townCode'
  | 'address'
  | 'startDate'
  | 'endDate'
  | 'publishedAt'
>;

export function presentPublicJob(
  r: JobListColumns,
  names: JobNames,
  distanceKm: number | null = null,
): PublicJobSummary {
  return {
    id: r.id,
    title: r.title,
    occupationName: names.occupation,
    kind: r.kind,
    headcount: r.headcount,
    wageMinFen: r.wageMinFen,
    wageMaxFen: r.wageMaxFen,
    wageUnit: r.wageUnit,
    settlement: r.settlement,
    townCode: r.townCode,
    townName: names.town,
    address: r.address,
    startDate: r.startDate,
    employerName: names.employer,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    occupationId: r.occupationId,
    endDate: r.endDate,
    distanceKm: km(distanceKm),
  };
}

/**
 * The public detail. The contact phone is hidden unless the caller passes it: only a worker who
 * has applied sees it (the applications module decides, see getPublicJob's `contact`).
 */
export function presentPublicJobDetail(
  r: JobRow,
  names: JobNames,
  employer: {
    id: string;
    kind: string;
    verificationStatus: string;
    creditLevel?: string | null;
    pay?: { onTime: number; overdue: number; onTimeRate: number | null };
  },
  distanceKm: number | null,
  contactPhone: string | null = null,
): PublicJobDetail {
  return {
    ...presentPublicJob(r, names, distanceKm),
    lng: r.lng,
    lat: r.lat,
    workHours: r.workHours,
    requirements: r.requirements,
    description: r.description,
    contactName: r.contactName,
    contactPhone,
    contactPhoneHidden: contactPhone === null,
    status: r.status,
    employer: {
      id: employer.id,
      name: names.employer,
      kind: employer.kind,
      verificationStatus: employer.verificationStatus,
      creditLevel: employer.creditLevel ?? null,
      wagesPaidOnTime: employer.pay?.onTime ?? 0,
      wagesOverdue: employer.pay?.overdue ?? 0,
      onTimePayRate: employer.pay?.onTimeRate ?? null,
    },
  };
}

/** The employer's own view: everything, contact phone in full. */
export function presentEmployerJob(r: JobRow, names: JobNames, pii: Pii): EmployerJob {
  const { distanceKm: _none, ...summary } = presentPublicJob(r, names);
  return {
    ...summary,
    employerId: r.employerId,
    status: r.status,
    lng: r.lng,
    lat: r.lat,
    workHours: r.workHours,
    requirements: r.requirements,
    description: r.description,
    ageReason: r.ageReason,
    contactName: r.contactName,
    contactPhone: r.contactPhoneEnc ? pii.decrypt(r.contactPhoneEnc) : null,
    reviewReason: r.reviewReason,
    moderation: r.moderation ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  };
}

/** The reviewer's view: contact phone masked, employer verification shown. */
export function presentReviewJob(r: JobRow, names: JobNames, pii: Pii, employerVerificationStatus: string): ReviewJob {
  const { contactPhone, ...rest } = presentEmployerJob(r, names, pii);
  return { ...rest, contactPhoneMasked: maskPhone(contactPhone), employerVerificationStatus };
}
