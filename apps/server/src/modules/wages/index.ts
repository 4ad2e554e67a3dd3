import { defineModule } from '../../platform/http/module-plugin.js';
import { registerWageRoutes } from './wages.routes.js';
import { registerWageDepositRoutes } from './wage-deposits.routes.js';
// 薪酬委托结算: the wages module's face.
export { autoReceive } from './wage-payments.service.js';
export { sweepOverdueWages, EXCHANGE_WAGE_GRIEVANCE } from './wage-overdue.js';
export { WAGE_LEDGER_SHEET, wageLedgerRows } from './wage-ledger-sheet.js';

/** The wages module as a Fastify plugin: all its routes. */
export const wagesModule = defineModule('wages', [registerWageRoutes, registerWageDepositRoutes]);
