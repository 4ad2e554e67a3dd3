import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications } from '../src/modules/applications/applications.schema.js';
import { ratings } from '../src/modules/ratings/ratings.schema.js';
import { wageStatements } from '../src/modules/wages/wages.schema.js';
import {
  buildPair,
  completedApplication,
  completedThroughApi,
  createTestApp,
  hiredApplication,
  json,
  type Pair,
  postJob,
  rateAs,
  staffToken,
  type TestContext,
  TOWNS,
} from './support/index.js';

type Hire = {
  applicationId: string;
  jobTitle: string;
  workerNameMasked: string;
  status: string;
  hiredAt: string | null;
  completedAt: string | null;
  wageTotalFen: number | null;
};
type Rated = {
  id: string;
  workerNameMasked: string;
  stars: number;
  tags: string[];
  comment: string | null;
  commentState: string;
};
type Activity = {
  hires: { items: Hire[]; total: number };
  ratings: { items: Rated[]; total: number; averageStars: number | null };
};

let ctx: TestContext;
let pair: Pair;
let other: Pair;
let hiredId: string;
let doneId: string;
let flaggedId: string;
let county: string;
let reviewer: string;

/** Wage statements of a hire (what the drawer sums; drafts are the employer's own and left out). */
async function statementsFor(applicationId: string, rows: [string, 'issued' | 'draft', number][]) {
  const db = ctx.deps.database.db;
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const now = ctx.deps.now();
  for (const [periodStart, status, totalFen] of rows)
    await db.insert(wageStatements).values({
      applicationId,
      jobId: app!.jobId,
      workerId: app!.workerId,
      employerId: app!.employerId,
      townCode: pair.townCode,
      periodStart,
      periodEnd: periodStart,
      unit: 'day',
      rateFen: totalFen,
      days: 1,
      minutes: 480,
      pieces: 0,
      baseFen: totalFen,
      additionsFen: 0,
      deductionsFen: 0,
      totalFen,
      status,
      dueDate: periodStart,
      createdAt: now,
      updatedAt: now,
    });
}

const activity = (employerId: string, token: string) =>
  ctx.as(token).get(`/api/v1/admin/employers/${employerId}/activity`);

beforeAll(async () => {
  ctx = await createTestApp();
  pair = await buildPair(ctx, { townCode: TOWNS.zhongdu, workerName: '覃秀英', employerName: '中渡建材有限公司' });
  other = await buildPair(ctx, { townCode: TOWNS.zhaisha, workerName: '韦大山', employerName: '寨沙竹编合作社' });
  county = await staffToken(ctx, { roles: ['counter_staff'] });
  reviewer = await staffToken(ctx, { roles: ['reviewer'] });

  hiredId = (await hiredApplication(ctx, pair, { title: '水泥搬运' })).applicationId;
  doneId = await completedThroughApi(ctx, pair);
  await statementsFor(doneId, [
    ['2026-01-01', 'issued', 18_000],
    ['2026-01-08', 'draft', 5_000],
  ]);
  await rateAs(ctx, pair.worker.token, doneId, {
    stars: 5,
    tags: ['按时结算', '态度友善'],
    comment: '老板人很好，工钱当天结清',
  });
  await rateAs(ctx, pair.owner.token, doneId, { stars: 4 });
  flaggedId = await completedApplication(ctx, pair);
  await rateAs(ctx, pair.worker.token, flaggedId, { stars: 2, comment: '说要押金才肯来' });
  await rateAs(ctx, pair.owner.token, flaggedId, { stars: 3 });
  const unrevealed = await completedApplication(ctx, pair);
  await rateAs(ctx, pair.worker.token, unrevealed, { stars: 1, comment: '还没揭晓的评价' });
  // An application that was never hired is not a hire.
  const jobId = await postJob(ctx, pair.owner.token, pair.employerId, pair.occupationId, {
    townCode: pair.townCode,
    title: '只报名未录用',
  });
  await ctx.as(pair.worker.token).post(`/api/v1/app/jobs/${jobId}/apply`);
  await hiredApplication(ctx, other, { title: '寨沙的活' });
});
afterAll(async () => ctx?.close());

describe('employer drawer: hires', () => {
  it('lists hired, working and completed applications with masked worker name, dates and wage statement total', async () => {
    const res = await activity(pair.employerId, county);
    expect(res.statusCode).toBe(200);
    const { hires } = json<Activity>(res);
    expect(hires.total).toBe(4);
    expect(hires.items.map((h) => h.jobTitle)).not.toContain('只报名未录用');
    expect(hires.items.map((h) => h.jobTitle)).not.toContain('寨沙的活');
    expect(hires.items.every((h) => h.workerNameMasked === '覃**')).toBe(true);
    expect(JSON.stringify(hires)).not.toContain('覃秀英');
    const hired = hires.items.find((h) => h.applicationId === hiredId);
    expect(hired).toMatchObject({ jobTitle: '水泥搬运', status: 'hired', completedAt: null, wageTotalFen: null });
    expect(hired?.hiredAt).toBe(ctx.deps.now().toISOString());
    const done = hires.items.find((h) => h.applicationId === doneId);
    expect(done).toMatchObject({ status: 'completed', wageTotalFen: 18000, completedAt: ctx.deps.now().toISOString() });
  });
});

describe('employer drawer: ratings received', () => {
  it('lists revealed worker ratings with stars and tags; a flagged comment waits for review', async () => {
    const { ratings: r } = json<Activity>(await activity(pair.employerId, county));
    expect(r.total).toBe(2);
    expect(r.averageStars).toBe(3.5);
    expect(r.items.map((i) => i.stars).sort()).toEqual([2, 5]);
    const five = r.items.find((i) => i.stars === 5);
    expect(five).toMatchObject({
      workerNameMasked: '覃**',
      tags: ['按时结算', '态度友善'],
      comment: '老板人很好，工钱当天结清',
      commentState: 'visible',
    });
    expect(r.items.find((i) => i.stars === 2)).toMatchObject({ comment: null, commentState: 'pending_review' });
    expect(JSON.stringify(r)).not.toContain('还没揭晓');
  });

  it('a comment staff hid stays hidden', async () => {
    const [row] = await ctx.deps.database.db
      .select()
      .from(ratings)
      .where(and(eq(ratings.applicationId, flaggedId), eq(ratings.raterSide, 'worker')));
    const hide = await ctx
      .as(reviewer)
      .post(`/api/v1/admin/ratings/${row!.id}/review`, { action: 'hide', reason: '含不实内容' });
    expect(hide.statusCode).toBe(200);
    const { ratings: r } = json<Activity>(await activity(pair.employerId, county));
    expect(r.items.find((i) => i.stars === 2)).toMatchObject({ comment: null, commentState: 'hidden' });
    expect(JSON.stringify(r)).not.toContain('押金');
  });
});

describe('employer drawer: access', () => {
  it('is region-scoped (another town’s agent gets 404), needs a console login, and rejects bad ids', async () => {
    const zhaisha = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhaisha });
    const zhongdu = await staffToken(ctx, { roles: ['station_agent'], regionCode: TOWNS.zhongdu });
    expect((await activity(pair.employerId, zhaisha)).statusCode).toBe(404);
    expect((await activity(pair.employerId, zhongdu)).statusCode).toBe(200);
    const theirs = json<Activity>(await activity(other.employerId, zhaisha));
    expect(theirs.hires.items.map((h) => h.jobTitle)).toEqual(['寨沙的活']);
    expect((await activity(pair.employerId, pair.owner.token)).statusCode).toBe(401);
    expect((await activity(crypto.randomUUID(), county)).statusCode).toBe(404);
    expect((await activity('not-a-uuid', county)).statusCode).toBe(400);
  });
});
