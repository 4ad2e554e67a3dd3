import type { DbOrTx } from '../../db/client.js';

// Worker merge reaches records other modules own. Those modules plug their steps in here (from their
// index.ts), so workers does not import the modules that build on it.

/** Counts a worker's records that forbid merging the profile away (报名、培训、活动记录). */
export type WorkerRecordCounter = (db: DbOrTx, workerId: string) => Promise<number>;
/** Moves a merged worker's rows to the kept profile inside the merge transaction; returns rows moved. */
export type WorkerRecordMover = (tx: DbOrTx, fromId: string, toId: string) => Promise<number>;

const counters: WorkerRecordCounter[] = [];
const movers: WorkerRecordMover[] = [];

/** Registers a module's blocking-record counter and/or its row mover for worker merges. */
export function registerWorkerMergeStep(step: { count?: WorkerRecordCounter; move?: WorkerRecordMover }): void {
  if (step.count && !counters.includes(step.count)) counters.push(step.count);
  if (step.move && !movers.includes(step.move)) movers.push(step.move);
}

/** Sum of the registered modules' records that block merging `workerId` away. */
export async function countLinkedWorkerRecords(db: DbOrTx, workerId: string): Promise<number> {
  let total = 0;
  for (const c of counters) total += await c(db, workerId);
  return total;
}

/** Runs every registered mover; returns the rows moved in total. */
export async function moveLinkedWorkerRecords(tx: DbOrTx, fromId: string, toId: string): Promise<number> {
  let total = 0;
  for (const m of movers) total += await m(tx, fromId, toId);
  return total;
}
