/** 委托结算保证金 (console): balances per employer, one employer's ledger, deposits and refunds. */
import type { DepositAccount, DepositLedger, RecordDepositBody } from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/wage-deposits`;

export const listDepositAccounts = (query: ListQuery) => api.get<Paged<DepositAccount>>(BASE, query);
export const getDepositLedger = (employerId: string) => api.get<DepositLedger>(`${BASE}/${employerId}`);
export const recordDeposit = (employerId: string, body: FormBody<RecordDepositBody>) =>
  api.post<DepositLedger>(`${BASE}/${employerId}/entries`, body);
