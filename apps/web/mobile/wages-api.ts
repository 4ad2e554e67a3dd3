import type { BankAccountBody, MaybeBankAccount, WageStatement } from '@lingong/contracts';
import { api } from '@shared/api';

// 我的工钱: statements, totals, confirm / dispute / confirm receipt.
export type MyWages = { owedFen: number; paidThisMonthFen: number; paidThisYearFen: number; items: WageStatement[] };
export const fetchMyWages = () => api.get<MyWages>('/api/v1/app/worker/wages');
export const confirmWage = (id: string) => api.post<WageStatement>(`/api/v1/app/wages/${id}/confirm`);
export const disputeWage = (id: string, reason: string) =>
  api.post<WageStatement>(`/api/v1/app/wages/${id}/dispute`, { reason });
export const receiveWage = (id: string) => api.post<WageStatement>(`/api/v1/app/wages/${id}/receive`);
// 工资代发账户: where entrusted settlement (委托结算) pays the worker; shown masked.
export const fetchBankAccount = () => api.get<MaybeBankAccount>('/api/v1/app/worker/bank-account');
export const saveBankAccount = (body: BankAccountBody) =>
  api.put<MaybeBankAccount>('/api/v1/app/worker/bank-account', body);

// 待结算 (employer): statements of my employers, draft one, issue, record an offline payment.
export const fetchEmployerWages = (applicationId?: string) =>
  api.get<{ items: WageStatement[] }>('/api/v1/app/employer/wages', { applicationId });
export const createWageStatement = (
  applicationId: string,
  body: { periodStart: string; periodEnd: string; pieces?: number; lines?: unknown[] },
) => api.post<WageStatement>(`/api/v1/app/applications/${applicationId}/wage-statements`, body);
export const issueWage = (id: string) => api.post<WageStatement>(`/api/v1/app/wages/${id}/issue`);
export const correctWage = (id: string, body: { lines: unknown[]; pieces?: number; note?: string }) =>
  api.put<WageStatement>(`/api/v1/app/wages/${id}`, body);
export const payWage = (
  id: string,
  body: { method: 'cash' | 'bank_transfer'; reference?: string; idempotencyKey: string },
) => api.post<WageStatement>(`/api/v1/app/wages/${id}/payments`, body);
