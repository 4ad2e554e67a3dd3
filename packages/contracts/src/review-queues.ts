import { z } from 'zod';

/** Console home: what waits for a decision in the caller's region. */
export const ReviewQueueCounts = z.object({
  /** Job postings with status pending_review. */
  pendingPostings: z.number().int(),
  /** Employers with verification_status pending. */
  pendingEmployers: z.number().int(),
});
export type ReviewQueueCounts = z.infer<typeof ReviewQueueCounts>;
