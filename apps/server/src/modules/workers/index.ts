// The workers module's face.
export { insertWorkers } from './workers.repository.js';
export { getWorkerForStaff, revealWorkerPii } from './workers.service.js';
export { findWorkerByUserId, findWorkersByIds, findWorkersForMatching, findWorkerById, type WorkerRow } from './worker-matching.repository.js';
