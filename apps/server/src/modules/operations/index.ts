import { defineModule } from '../../platform/http/module-plugin.js';
import { registerOperationsRoutes } from './operations.routes.js';
// The operations module's face (运营日志): tables (demo data), the daily check and the pack sheets.
export { dutyShifts, stationVisits, facilityChecks } from './operations.schema.js';
export { checkDay, MIN_ON_DUTY } from './duty-check.js';
export { operationsSheets, addOperationsSheets } from './operations.service.js';

/** The operations module as a Fastify plugin: all its routes. */
export const operationsModule = defineModule('operations', [registerOperationsRoutes]);
