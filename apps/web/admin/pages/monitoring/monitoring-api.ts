import type {
  SupplyAlertList,
  SupplyDemandCellDetail,
  SupplyDemandView,
  MonitoringRefreshResult,
} from '@lingong/contracts';
import { api } from '@shared/api';
import { downloadFile } from '../../files';

// The console client of 供需监测 (typed by the contracts).

export type MonitoringQuery = { week?: string; town?: string };

const BASE = '/api/v1/admin/monitoring';
const clean = (q: MonitoringQuery) => ({ week: q.week || undefined, town: q.town || undefined });

export const monitoringApi = {
  supplyDemand: (q: MonitoringQuery) => api.get<SupplyDemandView>(`${BASE}/supply-demand`, clean(q)),
  cell: (town: string, occupationId: string) =>
    api.get<SupplyDemandCellDetail>(`${BASE}/supply-demand/cell`, { town, occupationId }),
  alerts: (town?: string) => api.get<SupplyAlertList>(`${BASE}/alerts`, { town: town || undefined }),
  refresh: () => api.post<MonitoringRefreshResult>(`${BASE}/refresh`),
  exportXlsx: (q: MonitoringQuery, week: string) => {
    const params = new URLSearchParams(Object.entries(clean(q)).filter((e): e is [string, string] => !!e[1]));
    return downloadFile(`${BASE}/supply-demand/export?${params}`, `供需监测_${week}.xlsx`);
  },
};
