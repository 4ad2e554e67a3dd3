import { defineModule } from '../../platform/http/module-plugin.js';
import { registerApplicationRoutes } from './applications.routes.js';
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

/** The applications module as a Fastify plugin: all its routes. */
export const applicationsModule = defineModule('applications', [registerApplicationRoutes]);
