/** 重点关注 (诚信管理): the automatic rule on repeated overdue wages, and the watch list. */
import type { CreditWatchRule, CreditWatchRuleView, WatchEntry } from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/credit`;

export const getWatchRule = () => api.get<CreditWatchRuleView>(`${BASE}/watch-rule`);
export const updateWatchRule = (body: FormBody<CreditWatchRule>) =>
  api.put<CreditWatchRuleView>(`${BASE}/watch-rule`, body);
export const listWatchlist = (query: ListQuery) => api.get<Paged<WatchEntry>>(`${BASE}/watchlist`, query);
