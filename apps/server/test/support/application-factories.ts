import { makeIdNumber } from '@lingong/contracts';
import { appUser, insertWorker, jobBody } from './factories.js';
import { bearer, json, type TestContext } from './test-app.js';

let seq = 0;

/** An app user with a worker profile (个人画像) wanting some 工种; returns token, user and worker ids. */
export async function buildWorkerUser(
  ctx: TestContext,
  opts: {
    name?: string;
    homeRegionCode?: string;
    occupationIds?: string[];
    expectedPayFen?: number;
    maxDistanceKm?: number;
  } = {},
): Promise<{ token: string; userId: string; workerId: string }> {
  seq += 1;
  const user = await appUser(ctx);
  const idNumber = makeIdNumber({
    regionCode: '450223',
    birthDate: '1970-05-0' + ((seq % 9) + 1),
    seq: (seq * 3) % 900,
    gender: 'female',
  });
  const workerId = await insertWorker(ctx, {
    name: opts.name ?? `覃秀${seq}`,
    idNumber,
    phone: user.phone,
    row: {
      userId: user.userId,
      homeRegionCode: opts.homeRegionCode ?? '450223101001',
      occupationIds: opts.occupationIds ?? [],
      expectedPayFen: opts.expectedPayFen ?? null,
      expectedPayUnit: opts.expectedPayFen ? 'day' : null,
      maxDistanceKm: opts.maxDistanceKm ?? null,
      channel: 'online',
    },
  });
  return { token: user.token, userId: user.userId, workerId };
}

/** Post a (published, for a verified employer) job through the API; returns its id. */
export async function postJob(
  ctx: TestContext,
  token: string,
  employerId: string,
  occupationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/app/employers/${employerId}/jobs`,
    headers: bearer(token),
    payload: jobBody(occupationId, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`post job failed: ${res.body}`);
  return json<{ id: string }>(res).id;
}
