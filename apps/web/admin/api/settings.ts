/** 系统配置 (console): current values, change history, update one key. */
import type { Setting, SettingChange, UpdateSettingBody } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/settings`;

export const listSettings = () => api.get<{ items: Setting[] }>(BASE);
export const listSettingHistory = (query: ListQuery) => api.get<Paged<SettingChange>>(`${BASE}/history`, query);
export const updateSetting = (key: string, body: UpdateSettingBody) => api.put<unknown>(`${BASE}/${key}`, body);
