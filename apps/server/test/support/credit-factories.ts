import { transition } from '../../src/modules/applications/index.js';
import { appUser, buildEmployer, occupationIdByName, TOWNS } from './factories.js';
import { buildWorkerUser, postJob } from './application-factories.js';
import { bearer, json, type TestContext } from './test-app.js';

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
  const employerId = await buildEmployer(ctx, { ownerUserId: owner.userId, townCode, name: opts.employerName });
  const occupationId = await occupationIdByName(ctx, '搬运工');
  const worker = await buildWorkerUser(ctx, {
    name: opts.workerName,
    homeRegionCode: opts.workerRegion ?? '450223101001',
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
  const applied = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/app/jobs/${jobId}/apply`,
    headers: bearer(pair.worker.token),
  });
  if (applied.statusCode !== 201) throw new Error(`apply failed: ${applied.body}`);
  const applicationId = json<{ id: string }>(applied).id;
  const hired = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/app/applications/${applicationId}/hire`,
    headers: bearer(pair.owner.token),
  });
  if (hired.statusCode !== 200) throw new Error(`hire failed: ${hired.body}`);
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
