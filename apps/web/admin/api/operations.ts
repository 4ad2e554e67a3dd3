/** 运营日志 (console): duty roster and daily check, station guidance visits, facility checks, export. */
import type {
  CreateDutyBody,
  CreateFacilityCheckBody,
  CreateVisitBody,
  DutyDayList,
  DutyPlace,
  DutyShift,
  FacilityCheck,
  OperationsStaffOption,
  StationVisit,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/operations`;

/** The Excel export of the month's logs (downloaded with the period). */
export const OPERATIONS_EXPORT_PATH = `${BASE}/export`;

/** Staff of the actor's region, for the roster and visit forms. */
export const listOperationsStaff = () => api.get<{ items: OperationsStaffOption[] }>(`${BASE}/staff`);
export const listDuties = (query: ListQuery) => api.get<Paged<DutyShift>>(`${BASE}/duties`, query);
export const createDuty = (body: FormBody<CreateDutyBody>) => api.post<DutyShift>(`${BASE}/duties`, body);
export const deleteDuty = (id: string) => api.delete<unknown>(`${BASE}/duties/${id}`);
export const listDutyDays = (query: { from: string; to: string; place: DutyPlace }) =>
  api.get<DutyDayList>(`${BASE}/duty-days`, query);
export const listVisits = (query: ListQuery) => api.get<Paged<StationVisit>>(`${BASE}/visits`, query);
export const createVisit = (body: FormBody<CreateVisitBody>) => api.post<StationVisit>(`${BASE}/visits`, body);
export const listFacilityChecks = (query: ListQuery) => api.get<Paged<FacilityCheck>>(`${BASE}/facility-checks`, query);
export const createFacilityCheck = (body: FormBody<CreateFacilityCheckBody>) =>
  api.post<FacilityCheck>(`${BASE}/facility-checks`, body);
