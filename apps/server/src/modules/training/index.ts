import { defineModule } from '../../platform/http/module-plugin.js';
import { registerTrainingRoutes } from './training.routes.js';
// The training module's face (培训推介): tables for demo data and reporting.
export {
  trainingProviders,
  trainingCourses,
  trainingNeeds,
  trainingRecommendations,
  trainingEnrolments,
  classSessions,
  sessionAttendance,
} from './training.schema.js';
export { ancestorsOf } from './training.service.js';
export { countWorkerTrainingRecords } from './worker-records.js';

/** The training module as a Fastify plugin: all its routes. */
export const trainingModule = defineModule('training', [registerTrainingRoutes]);
