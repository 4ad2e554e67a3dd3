import type { AppDeps } from './app.js';
import { JobRunner, type Schedule } from './platform/queue/index.js';
import { expireJobs } from './modules/jobs/index.js';

/** Recurring work, enqueued once per bucket whatever the number of worker processes. */
export const SCHEDULES: Schedule[] = [{ kind: 'jobs.expire', everyMinutes: 60 }];

/**
 * The background runner with every module's handlers. Runs in the API process by default;
 * ROLE=api leaves it to separate ROLE=worker processes.
 */
export function createJobRunner(deps: AppDeps, log?: (msg: string, extra?: Record<string, unknown>) => void): JobRunner {
  const runner = new JobRunner(deps.database.db, { now: deps.now, schedules: SCHEDULES, log });
  runner.register('sms.send', async (job) => {
    // The phone travels encrypted (personal data never sits in plain text in the queue table).
    const { phoneEnc, template, params } = job.payload;
    if (typeof phoneEnc !== 'string' || (template !== 'login_code' && template !== 'sign_code' && template !== 'notice')) throw new Error('bad sms.send payload');
    const phone = deps.pii.decrypt(phoneEnc);
    const p = typeof params === 'object' && params !== null ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) : {};
    await deps.sms.send({ phone, template, params: p });
  });
  runner.register('jobs.expire', async (_job, { db, now }) => {
    await expireJobs(db, now);
  });
  return runner;
}
