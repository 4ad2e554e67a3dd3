// The jobs module's face.
export { insertJobs } from './jobs.repository.js';
export { listPublishedJobs, getPublicJob } from './job-search.service.js';
export { expireJobs } from './job-review.service.js';
export { jobSearchVector, type JobSearchText } from './job-search-vector.js';
