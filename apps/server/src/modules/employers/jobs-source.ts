import type * as Jobs from '../jobs/index.js';

// The 雇主管理 drawer shows the employer's job counts and latest jobs. Jobs build on employers (they
// check employer roles and names), so the jobs module provides these reads from its index.ts and
// employers does not import jobs at run time.

export type EmployerJobReads = {
  countJobsByStatusForEmployer: typeof Jobs.countJobsByStatusForEmployer;
  findJobsPageByEmployer: typeof Jobs.findJobsPageByEmployer;
};

let reads: EmployerJobReads | undefined;

/** Called once by the jobs module. */
export function provideEmployerJobs(r: EmployerJobReads): void {
  reads = r;
}

export function employerJobReads(): EmployerJobReads {
  if (!reads) throw new Error('employer jobs: the jobs module is not loaded');
  return reads;
}
