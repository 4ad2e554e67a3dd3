import { defineModule } from '../../platform/http/module-plugin.js';
import { registerGrievanceRoutes } from './grievances.routes.js';
// 投诉/纠纷: the grievances module's face.
export { countOpenGrievances } from './grievances-admin.service.js';
export { grievances, grievanceEvents } from './grievances.schema.js';
export { fileWageGrievanceForWorker, isGrievanceUnresolved } from './wage-grievance.js';
export { provideWageLinks } from './wage-links.js';

/** The grievances module as a Fastify plugin: all its routes. */
export const grievancesModule = defineModule('grievances', [registerGrievanceRoutes]);
