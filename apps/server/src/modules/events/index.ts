import { defineModule } from '../../platform/http/module-plugin.js';
import { registerEventRoutes } from './events.routes.js';
// The events module's face (专项招聘活动, 送工): tables for demo data and reporting.
export {
  recruitmentEvents,
  eventEmployers,
  eventAttendees,
  workerDeliveries,
  deliveryConfirmations,
} from './events.schema.js';
export { currentToken } from './checkin-token.js';
export { countWorkerEventRecords } from './worker-records.js';

/** The events module as a Fastify plugin: all its routes. */
export const eventsModule = defineModule('events', [registerEventRoutes]);
