/** 评价审核 (console, a tab of 诚信管理): ratings whose comment hit a review word, and the decision. */
import type { AdminRatingPage, ReviewRatingBody } from '@lingong/contracts';
import { ADMIN, api, type ListQuery } from './http';

const BASE = `${ADMIN}/ratings`;

export const listRatingsForReview = (query: ListQuery) => api.get<AdminRatingPage>(BASE, query);
export const reviewRating = (id: string, body: ReviewRatingBody) => api.post<unknown>(`${BASE}/${id}/review`, body);
