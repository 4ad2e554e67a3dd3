import { defineModule } from '../../platform/http/module-plugin.js';
import { registerExchangeRoutes } from './exchange.routes.js';
// 数智人社 data exchange: the module's face.
export { runExchange, type DeliveryReport } from './exchange-delivery.service.js';
export { createTransport } from './exchange-transports.js';
export { countAcceptedJobRecordsByMonth, findAcceptedJobRecords } from './exchange-kpi.repository.js';
export type { AcceptedJobRecord } from './exchange-kpi.repository.js';

/** The exchange module as a Fastify plugin: the 数据交换 console API and the partner open API. */
export const exchangeModule = defineModule('exchange', [registerExchangeRoutes]);
