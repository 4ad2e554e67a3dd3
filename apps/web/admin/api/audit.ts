/** 操作日志 (console): the audit viewer. */
import type { AuditEntry } from '@lingong/contracts';
import { ADMIN, api, withQuery, type ListQuery, type Paged } from './http';

/** Excel export (same filters as `listAudit`, for `downloadFile`). */
export const auditExportPath = (query: ListQuery) => withQuery(`${ADMIN}/audit/export`, query);
export const listAudit = (query: ListQuery) => api.get<Paged<AuditEntry>>(`${ADMIN}/audit`, query);
