// The monitoring reporting module's face (供需监测, hall screen figures): the background refresh.
export { refreshMonitoring } from './monitoring-refresh.service.js';
