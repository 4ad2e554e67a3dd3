import { defineModule } from '../../platform/http/module-plugin.js';
import { registerWorkerRoutes } from './workers.routes.js';
// The workers module's face.
export { insertWorkers } from './workers.repository.js';
export { getWorkerForStaff, revealWorkerPii } from './workers.service.js';
export {
  findWorkerByUserId,
  findWorkersByIds,
  findWorkersForMatching,
  findWorkerById,
  type WorkerRow,
} from './worker-matching.repository.js';
export { priorityStatusOf, reviewPriorityGroups } from './priority-review.service.js';
export { findSkills, findCertificates } from './worker-profile.repository.js';
export { ageOn } from './workers.presenter.js';
export { completenessOf } from './worker-profile.presenter.js';
export { insertImportedWorkers, type ImportedWorkers } from './workers-import.repository.js';

/** The workers module as a Fastify plugin: all its routes. */
export const workersModule = defineModule('workers', [registerWorkerRoutes]);
