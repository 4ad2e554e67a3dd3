// The durable background queue (outbox): enqueue in the business transaction, run in
// ROLE=worker (or the same process by default).
export { enqueue, JobRunner, backoffMs, type JobHandler, type QueuedJob, type Schedule } from './queue.js';
