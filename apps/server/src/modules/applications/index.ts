import { defineModule } from '../../platform/http/module-plugin.js';
import { registerApplicationRoutes } from './applications.routes.js';
import { provideApplicationLinks } from '../agreements/index.js';
import { sideOf } from './application-context.js';
import { findApplication } from './applications.repository.js';
import { registerWorkerMergeStep } from '../workers/index.js';
import { countWorkerApplications } from './worker-records.js';
// The applications module's face: what other modules may call.
export { hasApplied } from './application-queries.service.js';
export { reliabilityOf } from './applications.repository.js';
export { scoreMatch, type MatchInput, type MatchScore } from './recommendation-scoring.js';
export { countWorkerApplications } from './worker-records.js';
export { sideOf, transition, loadOwnApplication, loadEmployerApplication } from './application-context.js';
export { findApplication, type ApplicationRow } from './applications.repository.js';
export { sendShiftReminders, shanghaiDate } from './application-notices.js';
export { reopenFreedPlace } from './application-hiring.service.js';
export { loadRatingContext, completedAtOf } from './rating-context.js';

// Worker merges count (or move) this module's records through workers' merge steps.
registerWorkerMergeStep({ count: countWorkerApplications });

// Agreements read applications through these (no import of applications).
provideApplicationLinks({ findApplication, sideOf });

/** The applications module as a Fastify plugin: all its routes. */
export const applicationsModule = defineModule('applications', [registerApplicationRoutes]);
