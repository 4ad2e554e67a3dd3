import type { AppDeps } from './app.js';
import { JobRunner, type Schedule } from './platform/queue/index.js';
import { expireJobs } from './modules/jobs/index.js';
import { sendShiftReminders } from './modules/applications/index.js';
import { runPublicationSchedule } from './modules/publications/index.js';
import { revealDueRatings } from './modules/ratings/index.js';
import { autoReceive, refreshWageFigures, sweepOverdueWages } from './modules/wages/index.js';
import { createTransport, runExchange } from './modules/exchange/index.js';
import { refreshMonitoring } from './modules/monitoring/index.js';

/** Recurring work, enqueued once per bucket whatever the number of worker processes. */
export const SCHEDULES: Schedule[] = [
  { kind: 'jobs.expire', everyMinutes: 60 },
  { kind: 'notifications.shift_reminders', everyMinutes: 60 },
  { kind: 'publications.schedule', everyMinutes: 5 },
  { kind: 'ratings.reveal', everyMinutes: 60 },
  { kind: 'wages.sweep', everyMinutes: 60 },
  { kind: 'wages.figures', everyMinutes: 5 },
  { kind: 'monitoring.refresh', everyMinutes: 5 },
];

/**
 * The background runner with every module's handlers. Runs in the API process by default;
 * ROLE=api leaves it to separate ROLE=worker processes.
 */
export function createJobRunner(
  deps: AppDeps,
  log?: (msg: string, extra?: Record<string, unknown>) => void,
): JobRunner {
  const exchange = deps.config.exchange;
  const schedules = [...SCHEDULES, { kind: 'exchange.deliver', everyMinutes: exchange.everyMinutes }];
  const runner = new JobRunner(deps.database.db, { now: deps.now, schedules, log });
  runner.register('sms.send', async (job) => {
    // The phone travels encrypted (personal data never sits in plain text in the queue table).
    const { phoneEnc, template, params } = job.payload;
    if (
      typeof phoneEnc !== 'string' ||
      (template !== 'login_code' && template !== 'sign_code' && template !== 'notice')
    )
      throw new Error('bad sms.send payload');
    const phone = deps.pii.decrypt(phoneEnc);
    const p =
      typeof params === 'object' && params !== null
        ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
        : {};
    await deps.sms.send({ phone, template, params: p });
  });
  runner.register('jobs.expire', async (_job, { db, now }) => {
    await expireJobs(db, now);
  });
  runner.register('notifications.shift_reminders', async (_job, { db, now }) => {
    await sendShiftReminders(db, now);
  });
  runner.register('publications.schedule', async (_job, { db, now }) => {
    await runPublicationSchedule(db, now);
  });
  runner.register('wages.sweep', async (_job, { db, now }) => {
    await sweepOverdueWages(db, deps.pii, now);
    await autoReceive(db, now);
    await refreshWageFigures(db, now);
  });
  runner.register('wages.figures', async (_job, { db, now }) => {
    await refreshWageFigures(db, now);
  });
  runner.register('ratings.reveal', async (_job, { db, now }) => {
    await revealDueRatings({ db, pii: deps.pii }, now);
  });
  runner.register('exchange.deliver', async (_job, { db }) => {
    await runExchange({
      db,
      pii: deps.pii,
      config: exchange,
      transport: createTransport(exchange, deps.now),
      now: deps.now,
    });
  });
  runner.register('monitoring.refresh', async (_job, { db, now }) => {
    await refreshMonitoring(db, now);
  });
  return runner;
}
