// 数智人社 data exchange: the module's face.
export { runExchange, type DeliveryReport } from './exchange-delivery.service.js';
export { createTransport } from './exchange-transports.js';
export { countAcceptedJobRecordsByMonth, findAcceptedJobRecords } from './exchange-kpi.repository.js';
export { registerExchangeRoutes } from './exchange.routes.js';
export type { AcceptedJobRecord } from './exchange-kpi.repository.js';
