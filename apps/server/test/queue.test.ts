import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { backgroundJobs } from '../src/platform/queue/queue.schema.js';
import { JobRunner, enqueue, type QueuedJob } from '../src/platform/queue/index.js';
import { createTestApp, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const jobsOf = (kind: string) =>
  ctx.deps.database.db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, kind));

describe('durable background queue', () => {
  it('runs a due job once and marks it done', async () => {
    const db = ctx.deps.database.db;
    const seen: unknown[] = [];
    const runner = new JobRunner(db, { now: () => ctx.clock.now }).register('t.hello', async (job) => {
      seen.push(job.payload);
    });
    await enqueue(db, { kind: 't.hello', payload: { to: '13800000001' }, runAt: ctx.clock.now });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual([{ to: '13800000001' }]);
    expect((await jobsOf('t.hello'))[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('waits for run_at', async () => {
    const db = ctx.deps.database.db;
    const runner = new JobRunner(db, { now: () => ctx.clock.now }).register('t.later', async () => {});
    await enqueue(db, { kind: 't.later', runAt: new Date(ctx.clock.now.getTime() + 60_000) });
    expect(await runner.runOnce()).toBe(0);
    ctx.clock.advance(61_000);
    expect(await runner.runOnce()).toBe(1);
  });

  it('retries with backoff and gives up after max attempts', async () => {
    const db = ctx.deps.database.db;
    let calls = 0;
    const runner = new JobRunner(db, { now: () => ctx.clock.now }).register('t.flaky', async () => {
      calls += 1;
      throw new Error('gateway down');
    });
    await enqueue(db, { kind: 't.flaky', runAt: ctx.clock.now, maxAttempts: 3 });
    expect(await runner.runOnce()).toBe(1);
    let [job] = await jobsOf('t.flaky');
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'gateway down' });
    expect(await runner.runOnce()).toBe(0);
    ctx.clock.advance(11_000);
    expect(await runner.runOnce()).toBe(1);
    ctx.clock.advance(21_000);
    expect(await runner.runOnce()).toBe(1);
    [job] = await jobsOf('t.flaky');
    expect(job).toMatchObject({ state: 'dead', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('a job whose worker died is picked up again after its lease', async () => {
    const db = ctx.deps.database.db;
    await enqueue(db, { kind: 't.crash', runAt: ctx.clock.now });
    // A worker claims it and dies: simulate by claiming through a runner whose handler never returns.
    const dying = new JobRunner(db, { now: () => ctx.clock.now, leaseMs: 60_000 }).register(
      't.crash',
      () => new Promise<void>(() => {}),
    );
    void dying.runOnce();
    await expect.poll(async () => (await jobsOf('t.crash'))[0]?.state).toBe('running');
    const done: QueuedJob[] = [];
    const survivor = new JobRunner(db, { now: () => ctx.clock.now, leaseMs: 60_000 }).register(
      't.crash',
      async (job) => {
        done.push(job);
      },
    );
    expect(await survivor.runOnce()).toBe(0);
    ctx.clock.advance(61_000);
    expect(await survivor.runOnce()).toBe(1);
    expect(done[0]?.attempts).toBe(2);
  });

  it('enqueues scheduled work once per time bucket, and dedupe keys hold', async () => {
    const db = ctx.deps.database.db;
    const runner = new JobRunner(db, { now: () => ctx.clock.now, schedules: [{ kind: 't.tick', everyMinutes: 60 }] });
    await runner.enqueueSchedules();
    await runner.enqueueSchedules();
    expect(await jobsOf('t.tick')).toHaveLength(1);
    await enqueue(db, { kind: 't.once', dedupeKey: 'k1' });
    await enqueue(db, { kind: 't.once', dedupeKey: 'k1' });
    expect(await jobsOf('t.once')).toHaveLength(1);
  });

  it('an enqueue inside a rolled-back transaction leaves nothing (outbox)', async () => {
    const db = ctx.deps.database.db;
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, { kind: 't.outbox' });
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect(await jobsOf('t.outbox')).toHaveLength(0);
  });
});

describe('the background runner of the app', () => {
  it('expires postings past their end date on its hourly schedule', async () => {
    const { createJobRunner } = await import('../src/background.js');
    const { seedEmployers, seedJobs } = await import('../scripts/demo/seed-demo.js');
    const { jobPostings } = await import('../src/modules/jobs/jobs.schema.js');
    const db = ctx.deps.database.db;
    const emps = await seedEmployers({ db, pii: ctx.deps.pii }, 2, 9);
    await seedJobs({ db, pii: ctx.deps.pii }, 5, 9, emps);
    await db.update(jobPostings).set({ status: 'published', startDate: '2024-01-01', endDate: '2024-01-31' });
    const runner = createJobRunner(ctx.deps);
    await runner.enqueueSchedules();
    expect(await runner.runOnce()).toBeGreaterThanOrEqual(1);
    const statuses = new Set((await db.select({ s: jobPostings.status }).from(jobPostings)).map((r) => r.s));
    expect(statuses).toEqual(new Set(['expired']));
  });
});

describe('sms.send jobs', () => {
  it('carry the phone encrypted and deliver it through the SMS provider', async () => {
    const { createJobRunner } = await import('../src/background.js');
    const db = ctx.deps.database.db;
    await enqueue(db, {
      kind: 'sms.send',
      payload: {
        phoneEnc: ctx.deps.pii.encrypt('13912345678'),
        template: 'notice',
        params: { text: '培训推荐：电焊工培训班' },
      },
      runAt: ctx.clock.now,
    });
    const [stored] = await jobsOf('sms.send');
    expect(JSON.stringify(stored?.payload)).not.toContain('13912345678');
    await createJobRunner(ctx.deps).runOnce();
    expect(ctx.sms.latest('13912345678')?.text).toBe('培训推荐：电焊工培训班');
  });
});
