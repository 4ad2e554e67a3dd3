import { attendanceRecords } from '../../src/modules/attendance/attendance.schema.js';
import { postJob } from './application-factories.js';
import type { Pair } from './credit-factories.js';
import type { TestContext } from './test-app.js';

/** 'YYYY-MM-DD' n days from the real today (Asia/Shanghai), as the default job start (tomorrow) uses. */
export const dayFromToday = (n: number) =>
  new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

export type WageCase = { applicationId: string; jobId: string; statementId: string };

/**
 * A hire of the pair's worker at 160元/天 (pay within 2 days) with two full days of attendance
 * (days 1-2 from today) and an issued statement for them (320元; `confirm` also has the worker
 * confirm it). The caller's clock must be at least 3 days ahead (statements end before today).
 */
export async function issuedWageCase(
  ctx: TestContext,
  pair: Pair,
  opts: { confirm?: boolean } = {},
): Promise<WageCase> {
  const jobId = await postJob(ctx, pair.owner.token, pair.employerId, pair.occupationId, {
    townCode: pair.townCode,
    title: '建材装卸',
  });
  const applied = await ctx.as(pair.worker.token).post(`/api/v1/app/jobs/${jobId}/apply`);
  const applicationId = (applied.data as { id: string }).id;
  const hired = await ctx
    .as(pair.owner.token)
    .post(`/api/v1/app/applications/${applicationId}/hire`, { agreedWageFen: 16_000, payWithinDays: 2 });
  if (hired.statusCode !== 200) throw new Error(`hire failed: ${hired.body}`);
  for (const day of [dayFromToday(1), dayFromToday(2)])
    await ctx.deps.database.db.insert(attendanceRecords).values({
      applicationId,
      jobId,
      workerId: pair.worker.workerId,
      employerId: pair.employerId,
      day,
      checkInAt: new Date(`${day}T08:00:00+08:00`),
      checkInMethod: 'qr',
      checkOutAt: new Date(`${day}T17:00:00+08:00`),
      checkOutMethod: 'qr',
    });
  const drafted = await ctx.as(pair.owner.token).post(`/api/v1/app/applications/${applicationId}/wage-statements`, {
    periodStart: dayFromToday(1),
    periodEnd: dayFromToday(2),
    lines: [{ kind: 'deduction', amountFen: 1_000, reason: '迟到扣款' }],
  });
  if (drafted.statusCode !== 201) throw new Error(`statement failed: ${drafted.body}`);
  const statementId = (drafted.data as { id: string }).id;
  await ctx.as(pair.owner.token).post(`/api/v1/app/wages/${statementId}/issue`);
  if (opts.confirm) await ctx.as(pair.worker.token).post(`/api/v1/app/wages/${statementId}/confirm`);
  return { applicationId, jobId, statementId };
}
