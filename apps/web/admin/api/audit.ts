/** 操作日志 (console): the audit viewer. */
import type { AuditEntry } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

/** The Excel export of the audit log (downloaded with the viewer's filters). */
export const AUDIT_EXPORT_PATH = `${ADMIN}/audit/export`;

export const listAudit = (query: ListQuery) => api.get<Paged<AuditEntry>>(`${ADMIN}/audit`, query);
