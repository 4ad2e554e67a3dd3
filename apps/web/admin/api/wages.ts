/** 薪酬台账 (console): statements by status and overdue, Excel export. */
import type { WageStatement } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/wages`;

/** Excel export (same filters as `listWages`, for `useListExport`). */
export const WAGES_EXPORT_PATH = `${BASE}/export`;

export const listWages = (query: ListQuery) => api.get<Paged<WageStatement>>(BASE, query);
