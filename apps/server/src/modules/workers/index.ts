// The workers module's face.
export { insertWorkers } from './workers.repository.js';
export { listWorkersForStaff, getWorkerForStaff, revealWorkerPii } from './workers.service.js';
