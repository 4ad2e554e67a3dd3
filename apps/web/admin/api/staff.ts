/** 工作人员账号 (console): list, create, edit, disable/enable, password reset. */
import type {
  CreateStaffBody,
  ResetStaffPasswordBody,
  StaffAccount,
  StaffReasonBody,
  UpdateStaffBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/staff`;

export const listStaff = (query: ListQuery) => api.get<Paged<StaffAccount>>(BASE, query);
export const createStaff = (body: FormBody<CreateStaffBody>) => api.post<unknown>(BASE, body);
export const updateStaff = (id: string, body: FormBody<UpdateStaffBody>) => api.patch<unknown>(`${BASE}/${id}`, body);
export const setStaffEnabled = (id: string, enabled: boolean, body: StaffReasonBody) =>
  api.post<unknown>(`${BASE}/${id}/${enabled ? 'enable' : 'disable'}`, body);
export const resetStaffPassword = (id: string, body: ResetStaffPasswordBody) =>
  api.post<unknown>(`${BASE}/${id}/reset-password`, body);
export const unlockStaff = (id: string) => api.post<unknown>(`${BASE}/${id}/unlock`);
export const resetStaffTotp = (id: string) => api.post<unknown>(`${BASE}/${id}/totp/reset`);
