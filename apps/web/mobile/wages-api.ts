import type { WageStatement } from '@lingong/contracts';
import { api } from '@shared/api';

// 我的工钱: statements, totals, confirm / dispute / confirm receipt.
export type MyWages = { owedFen: number; paidThisMonthFen: number; paidThisYearFen: number; items: WageStatement[] };
export const fetchMyWages = () => api.get<MyWages>('/api/v1/app/worker/wages');
export const confirmWage = (id: string) => api.post<WageStatement>(`/api/v1/app/wages/${id}/confirm`);
export const disputeWage = (id: string, reason: string) =>
  api.post<WageStatement>(`/api/v1/app/wages/${id}/dispute`, { reason });
export const receiveWage = (id: string) => api.post<WageStatement>(`/api/v1/app/wages/${id}/receive`);
