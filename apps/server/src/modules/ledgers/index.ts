import { defineModule } from '../../platform/http/module-plugin.js';
import { registerLedgerRoutes } from './ledgers.routes.js';
// The ledgers reporting module's face: the ledger sheets
// and fetchers the KPI acceptance pack reuses. Calendar, paging and workbook helpers live in
// platform/reporting.
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
