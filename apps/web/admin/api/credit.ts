/** 诚信管理 (console): rules, the events ledger and manual adjustment, blacklist, appeals, a subject's credit. */
import type {
  AddBlacklistBody,
  AppealView,
  BlacklistView,
  CreditLedgerRow,
  CreditReasonBody,
  CreditRuleList,
  DecideAppealBody,
  ManualAdjustBody,
  ManualAdjustResult,
  MyCredit,
  UpdateCreditRuleBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/credit`;

/** Excel export of the events ledger (same filters as `listCreditEvents`, for `useListExport`). */
export const CREDIT_EVENTS_EXPORT_PATH = `${BASE}/events/export`;

export const listCreditRules = () => api.get<CreditRuleList>(`${BASE}/rules`);
export const updateCreditRule = (kind: string, body: FormBody<UpdateCreditRuleBody>) =>
  api.put<CreditRuleList>(`${BASE}/rules/${kind}`, body);
export const listCreditEvents = (query: ListQuery) => api.get<Paged<CreditLedgerRow>>(`${BASE}/events`, query);
export const adjustCredit = (body: FormBody<ManualAdjustBody>) =>
  api.post<ManualAdjustResult>(`${BASE}/adjustments`, body);
export const listBlacklist = (query: ListQuery) => api.get<Paged<BlacklistView>>(`${BASE}/blacklist`, query);
export const addToBlacklist = (body: FormBody<AddBlacklistBody>) => api.post<unknown>(`${BASE}/blacklist`, body);
export const liftBlacklist = (id: string, body: CreditReasonBody) =>
  api.post<unknown>(`${BASE}/blacklist/${id}/lift`, body);
export const listAppeals = (query: ListQuery) => api.get<Paged<AppealView>>(`${BASE}/appeals`, query);
export const decideAppeal = (id: string, body: DecideAppealBody) =>
  api.post<unknown>(`${BASE}/appeals/${id}/decide`, body);
/** A worker's or employer's score, level and recent events (detail drawers). */
export const getSubjectCredit = (subjectType: 'worker' | 'employer', id: string) =>
  api.get<MyCredit>(`${BASE}/subjects/${subjectType}/${id}`);
