import { jobBody } from './factories.js';
import type { TestContext } from './test-app.js';

/** Post a (published, for a verified employer) job through the API; returns its id. */
export async function postJob(
  ctx: TestContext,
  token: string,
  employerId: string,
  occupationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await ctx.as(token).post(`/api/v1/app/employers/${employerId}/jobs`, jobBody(occupationId, overrides));
  if (res.status !== 201) throw new Error(`post job failed: ${res.body}`);
  return (res.data as { id: string }).id;
}
