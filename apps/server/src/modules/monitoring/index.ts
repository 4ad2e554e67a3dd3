import { defineModule } from '../../platform/http/module-plugin.js';
import { registerMonitoringRoutes } from './monitoring.routes.js';
// The monitoring reporting module's face (供需监测, hall screen figures): its plugin and the
// background refresh of its rollups.
export { refreshMonitoring } from './monitoring-refresh.service.js';

/** The monitoring module as a Fastify plugin: the screen summary and the console routes. */
export const monitoringModule = defineModule('monitoring', [registerMonitoringRoutes]);
