/** 劳动者 (console): search, detail, counter registration, duplicates and merge. */
import type {
  AdminWorkerDetail,
  AdminWorkerSummary,
  CounterWorkerBody,
  WorkerDuplicateGroups,
  WorkerMergeBody,
} from '@lingong/contracts';
import { ADMIN, api, type FormBody, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/workers`;

/** The Excel export of the list (downloaded with the list's filters). */
export const WORKERS_EXPORT_PATH = `${BASE}/export`;

export const listWorkers = (query: ListQuery) => api.get<Paged<AdminWorkerSummary>>(BASE, query);
export const getWorkerDetail = (id: string) => api.get<AdminWorkerDetail>(`${BASE}/${id}/detail`);
export const registerWorker = (body: FormBody<CounterWorkerBody>) => api.post<unknown>(BASE, body);
export const listWorkerDuplicates = () => api.get<WorkerDuplicateGroups>(`${BASE}/duplicates`);
export const mergeWorkers = (body: WorkerMergeBody) => api.post<unknown>(`${BASE}/merge`, body);
