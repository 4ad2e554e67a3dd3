/** 用工主体 (console): search, detail, activity, counter registration, verification, status. */
import type {
  AdminEmployerDetail,
  AdminEmployerRow,
  CounterEmployerBody,
  EmployerActivity,
  EmployerStatusReasonBody,
  VerifyEmployerBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/employers`;

/** The Excel export of the list (downloaded with the list's filters). */
export const EMPLOYERS_EXPORT_PATH = `${BASE}/export`;

/** A row of the console search (the summary plus the credit level). */
export type AdminEmployerSearchRow = AdminEmployerRow & { creditLevel?: string | null };
/** Status changes other than verification. */
export type EmployerStatusAction = 'suspend' | 'restore';

export const listEmployers = (query: ListQuery) => api.get<Paged<AdminEmployerSearchRow>>(BASE, query);
export const getEmployer = (id: string) => api.get<AdminEmployerDetail>(`${BASE}/${id}`);
export const getEmployerActivity = (id: string) => api.get<EmployerActivity>(`${BASE}/${id}/activity`);
export const registerEmployer = (body: FormBody<CounterEmployerBody>) => api.post<unknown>(BASE, body);
export const verifyEmployer = (id: string, body: VerifyEmployerBody) => api.post<unknown>(`${BASE}/${id}/verify`, body);
export const changeEmployerStatus = (id: string, action: EmployerStatusAction, body: EmployerStatusReasonBody) =>
  api.post<unknown>(`${BASE}/${id}/${action}`, body);
