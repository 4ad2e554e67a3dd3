// The KPI reporting module's face.
export { getDashboard, getIndicatorRows } from './kpi.service.js';
export { KPI_DEFINITIONS, targetFor } from './kpi-targets.js';
