/** 供需监测 (console): the week's 工种 × town grid, a cell's detail, alerts, refresh, Excel export. */
import type {
  FlowsView,
  MonitoringRefreshResult,
  SupplyAlertList,
  SupplyDemandCellDetail,
  SupplyDemandCellQuery,
  SupplyDemandQuery,
  SupplyDemandView,
} from '@lingong/contracts';
import { ADMIN, api, withQuery } from './http';

const BASE = `${ADMIN}/monitoring`;

/** The page's filters as the form holds them (empty = the current week / the whole county). */
export type MonitoringQuery = { [K in keyof SupplyDemandQuery]?: string };

export const getSupplyDemand = (query: MonitoringQuery) => api.get<SupplyDemandView>(`${BASE}/supply-demand`, query);
export const getSupplyDemandCell = (query: SupplyDemandCellQuery) =>
  api.get<SupplyDemandCellDetail>(`${BASE}/supply-demand/cell`, query);
export const listSupplyAlerts = (town?: string) => api.get<SupplyAlertList>(`${BASE}/alerts`, { town });
export const refreshMonitoring = () => api.post<MonitoringRefreshResult>(`${BASE}/refresh`);
/** Excel export of the grid (same filters as `getSupplyDemand`, for `downloadFile`). */
export const supplyDemandExportPath = (query: MonitoringQuery) => withQuery(`${BASE}/supply-demand/export`, query);

/** 就业流向: the funnel per town and priority group, days to the first hire, migrants (town = scope). */
export const getFlows = (query: { group?: string; town?: string }) => api.get<FlowsView>(`${BASE}/flows`, query);
/** 供需监测月报 PDF of a month ('YYYY-MM') and town (for `downloadFile`). */
export const monthlyReportPath = (query: { month: string; town?: string }) =>
  withQuery(`${BASE}/monthly-report`, query);
