import { defineModule } from '../../platform/http/module-plugin.js';
import { registerServicesRoutes } from './services.routes.js';
// The public-employment-services module's face: what other modules may call.
export { recordMatchmaking, type MatchmakingInput, type AuditContext } from './services.service.js';
export { insertMatchmakings, insertFollowups, insertGuidanceSessions } from './services.repository.js';
export { reassignWorkerServiceRecords } from './services-merge.repository.js';

/** The services module as a Fastify plugin: all its routes. */
export const servicesModule = defineModule('services', [registerServicesRoutes]);
