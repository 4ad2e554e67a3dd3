/** 操作日志 (console): the audit viewer. */
import type { AuditEntry } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

export const listAudit = (query: ListQuery) => api.get<Paged<AuditEntry>>(`${ADMIN}/audit`, query);
