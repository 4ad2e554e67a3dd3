// The ledgers reporting module's face: read-only look-ups and calendar helpers for other modules.
export {
  findWorkerRef,
  findJobRef,
  findEmployerRef,
  type WorkerRef,
  type JobRef,
  type EmployerRef,
} from './refs.repository.js';
export {
  shanghaiDay,
  dayStart,
  dayEnd,
  instantRange,
  monthsBetween,
  daysBetween,
  resolvePeriod,
  type ResolvedPeriod,
} from './period.js';
export {
  findWorkersNeedingTrade,
  findNeeds,
  findWorkerTrainingRef,
  findWorkerRefByUser,
  findWorkerNames,
  type MatchingWorker,
} from './training-needs.repository.js';
