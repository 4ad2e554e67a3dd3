// The public-employment-services module's face: what other modules may call.
export { recordMatchmaking, type MatchmakingInput, type AuditContext } from './services.service.js';
export { insertMatchmakings, insertFollowups, insertGuidanceSessions } from './services.repository.js';
export { reassignWorkerServiceRecords } from './services-merge.repository.js';
export { matchmakings } from './services.schema.js';
