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
