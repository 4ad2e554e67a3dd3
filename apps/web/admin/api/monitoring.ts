/** 供需监测 (console): the week's supply/demand grid, one cell's detail, alerts, refresh, export. */
import type {
  MonitoringRefreshResult,
  SupplyAlertList,
  SupplyDemandCellDetail,
  SupplyDemandView,
} from '@lingong/contracts';
import { ADMIN, api, withQuery } from './http';

const BASE = `${ADMIN}/monitoring`;

/** A day of the week to show ('YYYY-MM-DD') and a town; empty: the current week, the whole county. */
export type MonitoringQuery = { week?: string; town?: string };
const clean = (q: MonitoringQuery) => ({ week: q.week || undefined, town: q.town || undefined });

export const getSupplyDemand = (q: MonitoringQuery) => api.get<SupplyDemandView>(`${BASE}/supply-demand`, clean(q));
export const getSupplyDemandCell = (town: string, occupationId: string) =>
  api.get<SupplyDemandCellDetail>(`${BASE}/supply-demand/cell`, { town, occupationId });
export const listSupplyAlerts = (town?: string) =>
  api.get<SupplyAlertList>(`${BASE}/alerts`, { town: town || undefined });
export const refreshMonitoring = () => api.post<MonitoringRefreshResult>(`${BASE}/refresh`);
/** Download path of the grid as Excel, with the same filters. */
export const supplyDemandExportPath = (q: MonitoringQuery) => withQuery(`${BASE}/supply-demand/export`, clean(q));
