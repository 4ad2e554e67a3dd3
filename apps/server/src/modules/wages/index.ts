import { defineModule } from '../../platform/http/module-plugin.js';
import { provideWageLinks } from '../grievances/index.js';
import { registerWageRoutes } from './wages.routes.js';
import { mediateStatement, wageCaseOf } from './wage-mediation.js';
import { registerWageDepositRoutes } from './wage-deposits.routes.js';
// 薪酬委托结算: the wages module's face.
export { autoReceive } from './wage-payments.service.js';
export { sweepOverdueWages, EXCHANGE_WAGE_GRIEVANCE } from './wage-overdue.js';
export { refreshWageFigures } from './wage-figures.js';
export { WAGE_LEDGER_SHEET, wageLedgerRows } from './wage-ledger-sheet.js';
export { wageCaseOf, mediateStatement, type MediationResult } from './wage-mediation.js';

// Wage grievances read statements and correct one on closing through these (no import of wages).
provideWageLinks({ wageCaseOf, mediateStatement });

/** The wages module as a Fastify plugin: all its routes. */
export const wagesModule = defineModule('wages', [registerWageRoutes, registerWageDepositRoutes]);
