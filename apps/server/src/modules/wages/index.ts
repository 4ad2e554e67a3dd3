// 薪酬委托结算: the wages module's face.
export { registerWageRoutes } from './wages.routes.js';
export { autoReceive } from './wages.service.js';
export { sweepOverdueWages, EXCHANGE_WAGE_GRIEVANCE } from './wage-overdue.js';
