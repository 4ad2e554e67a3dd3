import { count } from 'drizzle-orm';
import { grievanceEvents, grievances } from '../../src/modules/grievances/grievances.schema.js';
import { buildPair, hiredApplication, type Pair } from './credit-factories.js';
import type { TestContext } from './test-app.js';
import { png } from './upload-files.js';

export type GrievanceCase = { pair: Pair; applicationId: string; jobId: string };

/** An employer and a worker with a hired application in a town (default 中渡镇). */
export async function hiredCase(ctx: TestContext, townCode?: string): Promise<GrievanceCase> {
  const pair = await buildPair(ctx, { townCode });
  const { applicationId, jobId } = await hiredApplication(ctx, pair);
  return { pair, applicationId, jobId };
}

export const fileAs = (ctx: TestContext, token: string, applicationId: string, payload: Record<string, unknown>) =>
  ctx.as(token).post(`/api/v1/app/applications/${applicationId}/grievances`, payload);

export const actAs = (ctx: TestContext, token: string, id: string, payload: Record<string, unknown>) =>
  ctx.as(token).post(`/api/v1/admin/grievances/${id}/actions`, payload);

/** Rows in the grievances and grievance_events tables (for "rejected requests change nothing"). */
export async function grievanceCounts(ctx: TestContext): Promise<[number, number]> {
  const db = ctx.deps.database.db;
  const [g] = await db.select({ n: count() }).from(grievances);
  const [e] = await db.select({ n: count() }).from(grievanceEvents);
  return [g?.n ?? 0, e?.n ?? 0];
}

/** A small valid PNG (8 × 8, grey) as base64. */
export const PNG_BASE64 = png(8, 8).toString('base64');
