import type { DbOrTx } from '../../db/client.js';
import { findEmployerNames } from '../employers/index.js';
import { findOccupationNames, findRegionNames, regionPrefix } from '../reference/index.js';
import { presentPublicJob } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';

/** Published jobs, newest first, optionally within a region and of one kind. */
export async function listPublishedJobs(db: DbOrTx, q: { town?: string; kind?: repo.JobRow['kind']; page: number; pageSize: number }) {
  const { rows, total } = await repo.findPublishedPage(db, { regionPattern: q.town ? `${regionPrefix(q.town)}%` : undefined, kind: q.kind, page: q.page, pageSize: q.pageSize });
  const [towns, occupations, employers] = await Promise.all([
    findRegionNames(db, rows.map((r) => r.townCode)),
    findOccupationNames(db, rows.map((r) => r.occupationId)),
    findEmployerNames(db, rows.map((r) => r.employerId)),
  ]);
  return {
    items: rows.map((r) => presentPublicJob(r, { town: towns.get(r.townCode) ?? '', occupation: occupations.get(r.occupationId) ?? '', employer: employers.get(r.employerId) ?? '' })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
