import { z } from 'zod';

/** Console home: what waits for a decision in the caller's region. */
export const ReviewQueueCounts = z.object({
  /** Job postings with status pending_review. */
  pendingPostings: z.number().int(),
  /** Employers with verification_status pending. */
  pendingEmployers: z.number().int(),
  /** Worker certificates with review_status pending. */
  pendingCertificates: z.number().int(),
  /** Ratings whose comment hit a review word (评价审核). */
  flaggedRatings: z.number().int(),
  /** Credit appeals waiting for a decision (信用申诉). */
  pendingAppeals: z.number().int(),
  /** Grievances not yet resolved or escalated (投诉处理). */
  openGrievances: z.number().int(),
});
export type ReviewQueueCounts = z.infer<typeof ReviewQueueCounts>;
