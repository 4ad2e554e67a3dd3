/** 岗位 (console): list, review queue and decisions, detail, take-down. */
import type { AdminJobCloseBody, ReviewDecisionBody, ReviewDecisionResult, ReviewJob } from '@lingong/contracts';
import { ADMIN, api, type ListQuery, type Paged } from './http';

const BASE = `${ADMIN}/jobs`;

/** The Excel export of the list (downloaded with the list's filters). */
export const JOBS_EXPORT_PATH = `${BASE}/export`;

export const listJobs = (query: ListQuery) => api.get<Paged<ReviewJob>>(BASE, query);
export const listJobsForReview = (query: ListQuery) => api.get<Paged<ReviewJob>>(`${BASE}/review`, query);
export const reviewJobs = (body: ReviewDecisionBody) => api.post<ReviewDecisionResult>(`${BASE}/review`, body);
export const getJob = (id: string) => api.get<ReviewJob>(`${BASE}/${id}`);
export const closeJob = (id: string, body: AdminJobCloseBody) => api.post<unknown>(`${BASE}/${id}/close`, body);
