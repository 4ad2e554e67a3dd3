import { transition } from '../../src/modules/applications/index.js';
import { appUser, makeEmployer, makeWorker, occupationIdByName, TOWNS } from './factories.js';
import { postJob } from './application-factories.js';
import { applyAndHire } from './gig-factories.js';
import type { TestContext } from './test-app.js';

export type Party = { token: string; userId: string };
export type Pair = {
  owner: Party;
  employerId: string;
  townCode: string;
  worker: Party & { workerId: string };
  occupationId: string;
};

/** An employer (owner + verified employer in a town) and a worker with a profile. */
export async function buildPair(
  ctx: TestContext,
  opts: { townCode?: string; workerRegion?: string; employerName?: string; workerName?: string } = {},
): Promise<Pair> {
  const owner = await appUser(ctx);
  const townCode = opts.townCode ?? TOWNS.zhongdu;
  const employerId = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode, name: opts.employerName });
  const occupationId = await occupationIdByName(ctx, '搬运工');
  const worker = await makeWorker(ctx, {
    app: true,
    name: opts.workerName,
    homeRegionCode: opts.workerRegion,
    occupationIds: [occupationId],
  });
  return { owner, employerId, townCode, worker, occupationId };
}

/** Post, apply and hire through the API; returns the application id. */
export async function hiredApplication(
  ctx: TestContext,
  pair: Pair,
  jobOverrides: Record<string, unknown> = {},
): Promise<{ applicationId: string; jobId: string }> {
  const jobId = await postJob(ctx, pair.owner.token, pair.employerId, pair.occupationId, {
    townCode: pair.townCode,
    ...jobOverrides,
  });
  const applicationId = await applyAndHire(ctx, { jobId, worker: pair.worker.token, owner: pair.owner.token });
  return { applicationId, jobId };
}

/**
 * A completed application: hired through the API, then moved to `completed` by the employer
 * through the applications state machine (the completion flow itself belongs to agreements).
 */
export async function completedApplication(ctx: TestContext, pair: Pair): Promise<string> {
  const { applicationId } = await hiredApplication(ctx, pair);
  await ctx.deps.database.db.transaction((tx) =>
    transition(tx, {
      id: applicationId,
      from: ['hired', 'confirmed', 'working'],
      to: 'completed',
      side: 'employer',
      actor: { kind: 'user', id: pair.owner.userId, sessionId: 'test' },
      now: ctx.deps.now(),
      message: 'not completable',
    }),
  );
  return applicationId;
}
