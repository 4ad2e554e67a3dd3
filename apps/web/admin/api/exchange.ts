/** 数据交换 (console): records, summary, reconciliation, resend, file confirm, run; partner clients of the open API. */
import type {
  CreatePartnerClientBody,
  ExchangeCountResult,
  ExchangeReconciliation,
  ExchangeRecord,
  ExchangeRunResult,
  ExchangeSummary,
  IssuedPartnerClient,
  PartnerClient,
  PartnerClientList,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/exchange`;
const PARTNERS = `${ADMIN}/partners`;

export const listExchangeRecords = (query: ListQuery) => api.get<Paged<ExchangeRecord>>(`${BASE}/records`, query);
export const getExchangeSummary = () => api.get<ExchangeSummary>(`${BASE}/summary`);
export const getExchangeReconciliation = (query: ListQuery) =>
  api.get<ExchangeReconciliation>(`${BASE}/reconciliation`, query);
export const resendExchangeRecord = (id: string) => api.post<ExchangeRecord>(`${BASE}/records/${id}/resend`);
/** Marks the records of a hand-uploaded batch file as accepted. */
export const confirmExchangeFile = (file: string) => api.post<ExchangeCountResult>(`${BASE}/files/${file}/confirm`);
export const runExchange = () => api.post<ExchangeRunResult>(`${BASE}/run`);

export const listPartnerClients = () => api.get<PartnerClientList>(PARTNERS);
/** Issues credentials; the secret is in the answer only. */
export const issuePartnerClient = (body: FormBody<CreatePartnerClientBody>) =>
  api.post<IssuedPartnerClient>(PARTNERS, body);
export const revokePartnerClient = (id: string) => api.post<PartnerClient>(`${PARTNERS}/${id}/revoke`);
