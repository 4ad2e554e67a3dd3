import { postJob } from './application-factories.js';
import {
  appUser,
  makeEmployer,
  makeWorker,
  occupationIdByName,
  TOWNS,
  type AppUser,
  type MadeAppWorker,
} from './factories.js';
import type { TestContext } from './test-app.js';

export type GigUser = AppUser;
export type GigWorker = MadeAppWorker;
export type Gig = {
  owner: GigUser;
  employerId: string;
  worker: GigWorker;
  jobId: string;
  appId: string;
  startDate: string;
};

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
    (await makeEmployer(ctx, {
      ownerUserId: owner.userId,
      townCode: TOWNS.zhongdu,
      name: opts.employerName ?? '中渡建材有限公司',
    }));
  const porter = await occupationIdByName(ctx, '搬运工');
  const jobId = await postJob(ctx, owner.token, employerId, porter, { title: '建材搬运工', ...opts.jobOverrides });
  const worker = await makeWorker(ctx, { name: opts.workerName ?? '覃秀英', app: true });
  const appId = await applyAndHire(ctx, { jobId, worker: worker.token, owner: owner.token });
  const job = await ctx.as(worker.token).get(`/api/v1/app/worker/jobs/${jobId}`);
  return { owner, employerId, worker, jobId, appId, startDate: (job.data as { startDate: string }).startDate };
}

/** A worker applies to a job through the API and its employer's owner hires them; returns the application id. */
export async function applyAndHire(
  ctx: TestContext,
  opts: { jobId: string; worker: string; owner: string },
): Promise<string> {
  const applied = await ctx.as(opts.worker).post(`/api/v1/app/jobs/${opts.jobId}/apply`);
  if (applied.status !== 201) throw new Error(`apply failed: ${applied.body}`);
  const appId = (applied.data as { id: string }).id;
  const hired = await ctx.as(opts.owner).post(`/api/v1/app/applications/${appId}/hire`);
  if (hired.status !== 200) throw new Error(`hire failed: ${hired.body}`);
  return appId;
}

/** Request a signing code for a party and sign with it and the given hash. */
export async function signAs(ctx: TestContext, user: GigUser, appId: string, textHash: string) {
  const url = `/api/v1/app/applications/${appId}/agreement`;
  const code = await ctx.as(user.token).post(`${url}/sign-code`, { consent: true });
  if (code.status !== 200) throw new Error(`sign-code failed: ${code.body}`);
  const sms = ctx.sms.latest(user.phone, 'sign_code');
  return ctx.as(user.token).post(`${url}/sign`, { consent: true, code: sms?.params.code ?? '', textHash });
}
