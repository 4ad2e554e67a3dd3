import { defineModule } from '../../platform/http/module-plugin.js';
import { registerWorkerRoutes } from './workers.routes.js';
import { provideCreditWorkers } from '../credit/index.js';
import { findWorkerByUserId } from './worker-matching.repository.js';
import { findWorkerSubjects } from './worker-refs.repository.js';
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
export { registerWorkerMergeStep } from './merge-steps.js';
export { insertImportedWorkers, type ImportedWorkers } from './workers-import.repository.js';
export { workerProfiles } from './workers.schema.js';

export {
  findWorkerRef,
  findWorkerTrainingRef,
  findWorkerRefByUser,
  findWorkerNames,
  type WorkerRef,
} from './worker-refs.repository.js';

// Credit reads its worker subjects and the caller's profile through these (no import of workers).
provideCreditWorkers({
  infos: (db, pii, ids) => findWorkerSubjects(db, pii, ids),
  workerIdOfUser: async (db, userId) => (await findWorkerByUserId(db, userId))?.id,
});

/** The workers module as a Fastify plugin: all its routes. */
export const workersModule = defineModule('workers', [registerWorkerRoutes]);
