import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applications } from '../../src/modules/applications/applications.schema.js';
import { workerProfiles } from '../../src/modules/workers/workers.schema.js';
import { registerWorker } from './services-factories.js';
import type { TestContext } from './test-app.js';

// Factories for 供需监测: workers who list trades, and applications in a given state.

let seq = 0;

/** A registered worker listing `occupationIds` as the trades they seek, living in `homeRegionCode`. */
export async function tradeWorker(
  ctx: TestContext,
  opts: { homeRegionCode: string; occupationIds: string[]; createdAt: Date; name?: string },
): Promise<string> {
  seq += 1;
  const { id } = await registerWorker(ctx, {
    name: opts.name ?? `工人${seq}`,
    homeRegionCode: opts.homeRegionCode,
    createdAt: opts.createdAt,
  });
  // registerWorker keeps no trades; set them on the same row.
  await ctx.deps.database.db
    .update(workerProfiles)
    .set({ occupationIds: opts.occupationIds })
    .where(eq(workerProfiles.id, id));
  return id;
}

/** An application of a worker to a job in a given state (hired ones carry `hiredAt`). */
export async function applicationIn(
  ctx: TestContext,
  opts: {
    jobId: string;
    workerId: string;
    employerId: string;
    status: (typeof applications.$inferInsert)['status'];
    at: Date;
  },
): Promise<string> {
  const id = randomUUID();
  const hired = ['hired', 'confirmed', 'working', 'completed'].includes(opts.status);
  await ctx.deps.database.db.insert(applications).values({
    id,
    jobId: opts.jobId,
    workerId: opts.workerId,
    employerId: opts.employerId,
    status: opts.status,
    origin: 'apply',
    createdAt: opts.at,
    updatedAt: opts.at,
    hiredAt: hired ? opts.at : null,
  });
  return id;
}
