/** 待办 (console home and 诚信管理 badges): what waits for a decision in the caller's region. */
import type { ReviewQueueCounts } from '@lingong/contracts';
import { ADMIN, api } from './http';

export const getReviewQueueCounts = () => api.get<ReviewQueueCounts>(`${ADMIN}/dashboard/queues`);
