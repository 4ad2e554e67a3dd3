import { defineModule } from '../../platform/http/module-plugin.js';
import { registerJobRoutes } from './jobs.routes.js';
import { provideEmployerJobs } from '../employers/index.js';
import { countJobsByStatusForEmployer, findJobsPageByEmployer } from './jobs.repository.js';
// The jobs module's face.
export { insertJobs, countJobsByStatusForEmployer, findJobsPageByEmployer } from './jobs.repository.js';
export { listPublishedJobs, getPublicJob } from './job-search.service.js';
export { expireJobs } from './job-review.service.js';
export { jobSearchVector, type JobSearchText } from './job-search-vector.js';
export {
  lockJobForUpdate,
  setJobFilled,
  findPublishedForMatching,
  findJobById,
  findJobsByIds,
  type JobRow,
} from './job-headcount.repository.js';
export { loadJobNames } from './job-names.js';
export { jobPostings } from './jobs.schema.js';

export { findJobRef, findJobsStartingOn, type JobRef, type JobShiftRef } from './job-refs.repository.js';

// The employer drawer's job counts and latest jobs (employers does not import jobs).
provideEmployerJobs({ countJobsByStatusForEmployer, findJobsPageByEmployer });

/** The jobs module as a Fastify plugin: all its routes. */
export const jobsModule = defineModule('jobs', [registerJobRoutes]);
