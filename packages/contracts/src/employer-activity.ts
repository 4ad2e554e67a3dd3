import { z } from 'zod';

/** A hire of the employer (录用 / 在岗 / 完工) as staff see it in the 雇主管理 drawer; worker name masked. */
export const EmployerHire = z.object({
  applicationId: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  workerNameMasked: z.string(),
  status: z.enum(['hired', 'confirmed', 'working', 'completed']),
  hiredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Sum of the hire's wage statements (issued or later; drafts excluded); null when none. */
  wageTotalFen: z.number().int().nullable(),
});
export type EmployerHire = z.infer<typeof EmployerHire>;

/** A rating the employer received from a worker (revealed ones only); the comment only when visible. */
export const EmployerRatingReceived = z.object({
  id: z.string(),
  jobTitle: z.string(),
  workerNameMasked: z.string(),
  stars: z.number().int(),
  tags: z.array(z.string()),
  /** null when staff hid it or it still waits for review (`commentState` says which). */
  comment: z.string().nullable(),
  commentState: z.enum(['none', 'visible', 'pending_review', 'hidden']),
  createdAt: z.string(),
});
export type EmployerRatingReceived = z.infer<typeof EmployerRatingReceived>;

/** Hires and ratings of one employer, newest first (at most 50 of each; totals give the full counts). */
export const EmployerActivity = z.object({
  hires: z.object({ items: z.array(EmployerHire), total: z.number().int() }),
  ratings: z.object({
    items: z.array(EmployerRatingReceived),
    total: z.number().int(),
    averageStars: z.number().nullable(),
  }),
});
export type EmployerActivity = z.infer<typeof EmployerActivity>;
