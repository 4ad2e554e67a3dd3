import { randomUUID } from 'node:crypto';
import { applications } from '../../src/modules/applications/applications.schema.js';
import type { TestContext } from './test-app.js';

// Factories for 供需监测: applications in a given state.

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
