/** 薪酬台账 (console): statements by status and overdue, Excel export, 委托结算 batches. */
import type { WageBatch, WageGrievanceOutbox, WageKpi, WageStatement } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/wages`;

/** Excel export (same filters as `listWages`, for `useListExport`). */
export const WAGES_EXPORT_PATH = `${BASE}/export`;

export const listWages = (query: ListQuery) => api.get<Paged<WageStatement>>(BASE, query);

/** 委托结算批次: confirmed statements paid through the bank (bank file out, result file in). */
export const createWageBatch = (statementIds: string[]) =>
  api.post<WageBatch>(`${ADMIN}/wage-batches`, { statementIds });
/** The bank batch file (CSV) of a batch, for `downloadFile`. */
export const wageBatchFilePath = (id: string) => `${ADMIN}/wage-batches/${id}/bank-file`;
/** Import the bank's result file (CSV text); the whole file is refused when a line is wrong. */
export const importWageBatchResult = (id: string, content: string) =>
  api.post<WageBatch>(`${ADMIN}/wage-batches/${id}/bank-result`, { content });
/** 欠薪投诉上报 waiting in the exchange outbox (数据交换 page). */
export const getWageFigures = () => api.get<WageKpi>(`${BASE}/figures`);
export const listWageGrievanceOutbox = () => api.get<WageGrievanceOutbox>(`${BASE}/exchange-outbox`);
