import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { backgroundJobs } from './queue.schema.js';

export type QueuedJob = typeof backgroundJobs.$inferSelect;
export type JobHandler = (job: QueuedJob, ctx: { db: Db; now: Date }) => Promise<void>;
export type Schedule = { kind: string; everyMinutes: number; payload?: Record<string, unknown> };

/**
 * Add a job, in the caller's transaction when given one (the outbox pattern: the job exists iff
 * the business write committed). A repeated dedupe key is ignored.
 */
export async function enqueue(
  db: DbOrTx,
  job: { kind: string; payload?: Record<string, unknown>; runAt?: Date; dedupeKey?: string; maxAttempts?: number },
): Promise<void> {
  await db
    .insert(backgroundJobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      dedupeKey: job.dedupeKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: backgroundJobs.dedupeKey });
}

/** Retry delay after the n-th failure: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Runs due jobs. Claiming uses FOR UPDATE SKIP LOCKED, so several worker processes
 * (ROLE=worker) share one queue without running a job twice; a lease lets a job whose worker
 * died be picked up again.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: {
      now?: () => Date;
      leaseMs?: number;
      batch?: number;
      log?: (msg: string, extra?: Record<string, unknown>) => void;
      schedules?: Schedule[];
    } = {},
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  /** Enqueue each schedule's job for the current time bucket (idempotent across processes). */
  async enqueueSchedules(): Promise<void> {
    const now = this.now();
    for (const s of this.opts.schedules ?? []) {
      const bucket = Math.floor(now.getTime() / (s.everyMinutes * 60_000));
      await enqueue(this.db, { kind: s.kind, payload: s.payload, runAt: now, dedupeKey: `${s.kind}:${bucket}` });
    }
  }

  /** Claim and run due jobs once; returns how many ran. */
  async runOnce(): Promise<number> {
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + (this.opts.leaseMs ?? 5 * 60_000));
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    const claimed = await this.db.transaction(async (tx) =>
      tx
        .update(backgroundJobs)
        .set({ state: 'running', lockedUntil: leaseUntil, attempts: sql`${backgroundJobs.attempts} + 1` })
        .where(
          sql`${backgroundJobs.id} in (select id from ${backgroundJobs} where ${backgroundJobs.kind} in ${kinds} and ${backgroundJobs.runAt} <= ${now} and (${backgroundJobs.state} = 'queued' or (${backgroundJobs.state} = 'running' and ${backgroundJobs.lockedUntil} < ${now})) order by ${backgroundJobs.runAt} limit ${this.opts.batch ?? 20} for update skip locked)`,
        )
        .returning(),
    );
    for (const job of claimed) await this.runJob(job, now);
    return claimed.length;
  }

  private async runJob(job: QueuedJob, now: Date): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      await handler(job, { db: this.db, now });
      await this.db
        .update(backgroundJobs)
        .set({ state: 'done', finishedAt: this.now(), lockedUntil: null, lastError: null })
        .where(and(eq(backgroundJobs.id, job.id), eq(backgroundJobs.state, 'running')));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= job.maxAttempts;
      this.opts.log?.('background job failed', {
        id: job.id,
        kind: job.kind,
        attempts: job.attempts,
        dead,
        error: message,
      });
      await this.db
        .update(backgroundJobs)
        .set({
          state: dead ? 'dead' : 'queued',
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          runAt: new Date(this.now().getTime() + backoffMs(job.attempts)),
          finishedAt: dead ? this.now() : null,
        })
        .where(eq(backgroundJobs.id, job.id));
    }
  }

  /** Poll every `intervalMs` until stop(). */
  start(intervalMs = 2000): void {
    const tick = async () => {
      try {
        await this.enqueueSchedules();
        this.running = this.runOnce();
        await this.running;
      } catch (err) {
        this.opts.log?.('job runner tick failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        this.running = null;
        if (this.timer) this.timer = setTimeout(tick, intervalMs);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
