import type { EmployerActivityReads } from '../review-queues/index.js';

// The 雇主管理 drawer's hires and ratings read applications, completions and ratings tables. The
// reporting module review-queues provides those reads (from its index.ts), so employers does not
// import the modules that build on it.

let reads: EmployerActivityReads | undefined;

/** Called once by the review-queues module. */
export function provideEmployerActivity(r: EmployerActivityReads): void {
  reads = r;
}

export function employerActivityReads(): EmployerActivityReads {
  if (!reads) throw new Error('employer activity: the review-queues module is not loaded');
  return reads;
}
