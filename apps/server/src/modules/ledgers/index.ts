import { defineModule } from '../../platform/http/module-plugin.js';
import { registerLedgerRoutes } from './ledgers.routes.js';
// The ledgers reporting module's face: read-only look-ups for other modules, and the ledger sheets
// and fetchers the KPI acceptance pack reuses. Calendar, paging and workbook helpers live in
// platform/reporting.
export {
  findWorkerRef,
  findJobRef,
  findEmployerRef,
  type WorkerRef,
  type JobRef,
  type EmployerRef,
} from './refs.repository.js';
export {
  findWorkersNeedingTrade,
  findNeeds,
  findWorkerTrainingRef,
  findWorkerRefByUser,
  findWorkerNames,
  findNeedWorkers,
  countNeedCoverage,
  type MatchingWorker,
} from './training-needs.repository.js';
export { REGISTRATION_SHEET, FOLLOWUP_SHEET, MATCHMAKING_SHEET, GUIDANCE_SHEET } from './ledgers.excel.js';
export {
  registrationFetcher,
  followupFetcher,
  matchmakingFetcher,
  guidanceFetcher,
  exportRevealer,
} from './ledgers.service.js';
export {
  classSessionFetcher,
  deliveryFetcher,
  eventFetcher,
  recommendationFetcher,
  RECRUITMENT_EVENT_KINDS,
  STATION_EVENT_KINDS,
} from './training-events.ledgers.js';
export { CLASS_SESSION_SHEET, DELIVERY_SHEET, EVENT_SHEET, RECOMMENDATION_SHEET } from './training-events.sheets.js';

/** The ledgers module as a Fastify plugin: all its routes. */
export const ledgersModule = defineModule('ledgers', [registerLedgerRoutes]);
