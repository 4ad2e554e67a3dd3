// 投诉/纠纷: the grievances module's face.
export { registerGrievanceRoutes } from './grievances.routes.js';
export { countOpenGrievances } from './grievances-admin.service.js';
export { grievances, grievanceEvents } from './grievances.schema.js';
export { fileWageGrievanceForWorker, isGrievanceUnresolved } from './wage-grievance.js';
