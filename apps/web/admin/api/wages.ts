/** 薪酬台账 (console): statements in the region, export. */
import type { WageStatement } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/wages`;

/** The Excel export of the ledger (downloaded with the list's filters). */
export const WAGES_EXPORT_PATH = `${BASE}/export`;

export const listWageStatements = (query: ListQuery) => api.get<Paged<WageStatement>>(BASE, query);
