/** 考核指标 (console): the contract indicators for a period, the rows behind one, the acceptance pack. */
import type { KpiDashboard, KpiIndicatorKey, KpiRowsPage } from '@lingong/contracts';
import { ADMIN, api, withQuery, type ListQuery } from './http';

const BASE = `${ADMIN}/kpi`;

/** Period query: `year` (+ `half` or `month`) or `from`/`to`, and an optional `town`. */
export const getKpiDashboard = (query?: ListQuery) => api.get<KpiDashboard>(BASE, query);
export const listKpiRows = (key: KpiIndicatorKey, query: ListQuery) =>
  api.get<KpiRowsPage>(`${BASE}/${key}/rows`, query);
/** The acceptance pack (zip) for `downloadFile`. */
export const kpiAcceptancePackPath = (query: ListQuery) => withQuery(`${BASE}/acceptance-pack`, query);
