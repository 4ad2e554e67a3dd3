import { defineModule } from '../../platform/http/module-plugin.js';
import { registerKpiRoutes } from './kpi.routes.js';
// The KPI reporting module's face.
export { getDashboard, getIndicatorRows } from './kpi.service.js';
export { KPI_DEFINITIONS, targetFor } from './kpi-targets.js';

/** The kpi module as a Fastify plugin: all its routes. */
export const kpiModule = defineModule('kpi', [registerKpiRoutes]);
