import { defineModule } from '../../platform/http/module-plugin.js';
import { registerJobRoutes } from './jobs.routes.js';
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

/** The jobs module as a Fastify plugin: all its routes. */
export const jobsModule = defineModule('jobs', [registerJobRoutes]);
