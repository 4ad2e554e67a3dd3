import { makeIdNumber } from '@lingong/contracts';
import { postJob } from './application-factories.js';
import { appUser, buildEmployer, insertWorker, occupationIdByName, TOWNS } from './factories.js';
import { bearer, json, type TestContext } from './test-app.js';

export type GigUser = { token: string; userId: string; phone: string };
export type GigWorker = GigUser & { workerId: string };
export type Gig = {
  owner: GigUser;
  employerId: string;
  worker: GigWorker;
  jobId: string;
  appId: string;
  startDate: string;
};

let seq = 0;

/** An app user with a worker profile whose login phone is returned (for reading SMS codes). */
export async function gigWorker(ctx: TestContext, name: string): Promise<GigWorker> {
  seq += 1;
  const user = await appUser(ctx);
  const idNumber = makeIdNumber({
    regionCode: '450223',
    birthDate: `1968-0${(seq % 9) + 1}-1${seq % 9}`,
    seq: (seq * 7 + 100) % 900,
    gender: 'male',
  });
  const workerId = await insertWorker(ctx, {
    name,
    idNumber,
    phone: user.phone,
    row: { userId: user.userId, homeRegionCode: '450223101001', occupationIds: [], channel: 'online' },
  });
  return { ...user, workerId };
}

/** An employer (owned by a new user) with a published job at (109.62, 24.78) and one hired worker. */
export async function hiredGig(
  ctx: TestContext,
  opts: {
    workerName?: string;
    employerName?: string;
    jobOverrides?: Record<string, unknown>;
    owner?: GigUser;
    employerId?: string;
  } = {},
): Promise<Gig> {
  const owner = opts.owner ?? (await appUser(ctx));
  const employerId =
    opts.employerId ??
    (await buildEmployer(ctx, {
      ownerUserId: owner.userId,
      townCode: TOWNS.zhongdu,
      name: opts.employerName ?? '中渡建材有限公司',
    }));
  const porter = await occupationIdByName(ctx, '搬运工');
  const jobId = await postJob(ctx, owner.token, employerId, porter, { title: '建材搬运工', ...opts.jobOverrides });
  const worker = await gigWorker(ctx, opts.workerName ?? '覃秀英');
  const applied = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/app/jobs/${jobId}/apply`,
    headers: bearer(worker.token),
  });
  if (applied.statusCode !== 201) throw new Error(`apply failed: ${applied.body}`);
  const appId = json<{ id: string }>(applied).id;
  const hired = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/app/applications/${appId}/hire`,
    headers: bearer(owner.token),
  });
  if (hired.statusCode !== 200) throw new Error(`hire failed: ${hired.body}`);
  const job = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/app/worker/jobs/${jobId}`,
    headers: bearer(worker.token),
  });
  return { owner, employerId, worker, jobId, appId, startDate: json<{ startDate: string }>(job).startDate };
}

/** Request a signing code for a party and sign with it and the given hash. */
export async function signAs(ctx: TestContext, user: GigUser, appId: string, textHash: string) {
  const url = `/api/v1/app/applications/${appId}/agreement`;
  const code = await ctx.app.inject({
    method: 'POST',
    url: `${url}/sign-code`,
    headers: bearer(user.token),
    payload: { consent: true },
  });
  if (code.statusCode !== 200) throw new Error(`sign-code failed: ${code.body}`);
  const sms = ctx.sms.latest(user.phone, 'sign_code');
  return ctx.app.inject({
    method: 'POST',
    url: `${url}/sign`,
    headers: bearer(user.token),
    payload: { consent: true, code: sms?.params.code ?? '', textHash },
  });
}
