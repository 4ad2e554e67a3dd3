/** 投诉处理 (console): the region's grievances, detail with timeline, staff transitions, Excel export. */
import type { AdminGrievance, AdminGrievanceDetail, GrievanceActionBody, WageCaseFile } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/grievances`;

/** Excel export (same filters as `listGrievances`, for `useListExport`). */
export const GRIEVANCES_EXPORT_PATH = `${BASE}/export`;
/** The grievance's photo (an `<img>` source; the session cookie authorises it). */
export const grievancePhotoPath = (id: string) => `${BASE}/${id}/photo`;

export const listGrievances = (query: ListQuery) => api.get<Paged<AdminGrievance>>(BASE, query);
export const getGrievance = (id: string) => api.get<AdminGrievanceDetail>(`${BASE}/${id}`);
export const actOnGrievance = (id: string, body: GrievanceActionBody) =>
  api.post<AdminGrievanceDetail>(`${BASE}/${id}/actions`, body);
/** 欠薪案卷 of a wage grievance: agreed terms, attendance, statements, payments. */
export const getWageCase = (id: string) => api.get<WageCaseFile>(`${BASE}/${id}/wage-case`);
