/** 工作人员消息 (console header bell): own messages, unread count, mark read. */
import type { MarkedRead, StaffMessagePage, UnreadCount } from '@lingong/contracts';
import { ADMIN, api, type ListQuery } from './http';

const BASE = `${ADMIN}/messages`;

export const listStaffMessages = (query: ListQuery) => api.get<StaffMessagePage>(BASE, query);
export const staffUnreadCount = () => api.get<UnreadCount>(`${BASE}/unread-count`);
export const markStaffMessageRead = (id: string) => api.post<MarkedRead>(`${BASE}/${id}/read`);
export const markAllStaffMessagesRead = () => api.post<MarkedRead>(`${BASE}/read-all`);
