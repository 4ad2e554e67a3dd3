import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { applications } from '../src/modules/applications/applications.schema.js';
import { jobPostings } from '../src/modules/jobs/jobs.schema.js';
import { matchmakings } from '../src/modules/services/services.schema.js';
import {
  appUser,
  makeEmployer,
  makeWorker,
  createTestApp,
  json,
  occupationIdByName,
  postJob,
  type TestContext,
  TOWNS,
} from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

describe('headcount under concurrency', () => {
  it('20 simultaneous hires for 5 openings: exactly 5 succeed, the job is filled', async () => {
    const owner = await appUser(ctx);
    const employer = await makeEmployer(ctx, { ownerUserId: owner.userId, townCode: TOWNS.zhongdu });
    const porter = await occupationIdByName(ctx, '搬运工');
    const job = await postJob(ctx, owner.token, employer, porter, { headcount: 5 });
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const w = await makeWorker(ctx, { app: true, occupationIds: [porter] });
      const res = await ctx.as(w.token).post(`/api/v1/app/jobs/${job}/apply`);
      ids.push(json<{ id: string }>(res).id);
    }

    const results = await Promise.all(ids.map((id) => ctx.as(owner.token).post(`/api/v1/app/applications/${id}/hire`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => json<{ error: { code: string } }>(r).error.code === 'JOB_FULL'),
    ).toBe(true);

    const db = ctx.deps.database.db;
    const [hired] = await db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.jobId, job), inArray(applications.status, ['hired', 'confirmed'])));
    expect(hired?.n).toBe(5);
    const [hireRecords] = await db
      .select({ n: count() })
      .from(matchmakings)
      .where(and(eq(matchmakings.jobId, job), eq(matchmakings.kind, 'hire')));
    expect(hireRecords?.n).toBe(5);
    const [row] = await db.select({ status: jobPostings.status }).from(jobPostings).where(eq(jobPostings.id, job));
    expect(row?.status).toBe('filled');
  });
});
