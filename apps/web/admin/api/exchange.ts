/** 数据交换 (console): records, summary, resend, batch-file confirmation, run now, reconciliation; partner clients. */
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
/** The reconciliation of one day (default: yesterday, decided by the server). */
export const getExchangeReconciliation = (date?: string) =>
  api.get<ExchangeReconciliation>(`${BASE}/reconciliation`, { date });
export const resendExchangeRecord = (id: string) => api.post<ExchangeRecord>(`${BASE}/records/${id}/resend`);
/** Mark a hand-uploaded batch file as accepted; answers how many records it covered. */
export const confirmExchangeFile = (file: string) => api.post<ExchangeCountResult>(`${BASE}/files/${file}/confirm`);
export const runExchange = () => api.post<ExchangeRunResult>(`${BASE}/run`);

export const listPartnerClients = () => api.get<PartnerClientList>(PARTNERS);
/** Issue credentials; the secret is in this answer only. */
export const issuePartnerClient = (body: FormBody<CreatePartnerClientBody>) =>
  api.post<IssuedPartnerClient>(PARTNERS, body);
export const revokePartnerClient = (id: string) => api.post<PartnerClient>(`${PARTNERS}/${id}/revoke`);
