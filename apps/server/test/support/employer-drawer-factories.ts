import { transition } from '../../src/modules/applications/index.js';
import { hiredApplication, type Pair } from './credit-factories.js';
import type { TestContext } from './test-app.js';

/** Hired through the API, moved to `working` (as a check-in would), then completed through the API (no amount). */
export async function completedThroughApi(ctx: TestContext, pair: Pair): Promise<string> {
  const { applicationId } = await hiredApplication(ctx, pair);
  await ctx.deps.database.db.transaction((tx) =>
    transition(tx, {
      id: applicationId,
      from: ['hired', 'confirmed'],
      to: 'working',
      side: 'worker',
      actor: { kind: 'user', id: pair.worker.userId, sessionId: 'test' },
      now: ctx.deps.now(),
      message: 'not workable',
    }),
  );
  const res = await ctx.as(pair.owner.token).post(`/api/v1/app/applications/${applicationId}/complete`, {});
  if (res.status !== 200) throw new Error(`complete failed: ${res.body}`);
  return applicationId;
}

/** Rate through the API as one side. */
export async function rateAs(
  ctx: TestContext,
  token: string,
  applicationId: string,
  payload: { stars: number; tags?: string[]; comment?: string },
): Promise<void> {
  const res = await ctx.as(token).post(`/api/v1/app/applications/${applicationId}/rating`, payload);
  if (res.status !== 201) throw new Error(`rating failed: ${res.body}`);
}
