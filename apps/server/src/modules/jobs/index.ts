// The jobs module's face.
export { insertJobs } from './jobs.repository.js';
export { listPublishedJobs } from './jobs.service.js';
