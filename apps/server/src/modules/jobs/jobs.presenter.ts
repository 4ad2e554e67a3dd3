import type { PublicJobSummary } from '@lingong/contracts';
import type { JobRow } from './jobs.repository.js';

export function presentPublicJob(r: JobRow, names: { town: string; occupation: string; employer: string }): PublicJobSummary {
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
  };
}
