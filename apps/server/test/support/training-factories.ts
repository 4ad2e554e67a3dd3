import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { workerProfiles } from '../../src/db/schema.js';
import type { TestContext } from './test-app.js';

// Helpers for the training and events tests: profile training intentions, app-user links and
// reading an .xlsx download back.

/** Set a registered worker's training intentions (培训意愿) and priority groups, as the profile form would. */
export async function setIntentions(
  ctx: TestContext,
  workerId: string,
  opts: { intentions?: string[]; priorityGroups?: string[]; userId?: string },
): Promise<void> {
  await ctx.deps.database.db
    .update(workerProfiles)
    .set({
      ...(opts.intentions ? { trainingIntentions: opts.intentions } : {}),
      ...(opts.priorityGroups ? { priorityGroups: opts.priorityGroups } : {}),
      ...(opts.userId ? { userId: opts.userId } : {}),
    })
    .where(eq(workerProfiles.id, workerId));
}

/** The rows (header first) of the first sheet of an .xlsx body. */
export async function xlsxRows(body: Buffer): Promise<{ name: string; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(body).buffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((v: unknown) => (v === null || v === undefined ? '' : String(v))));
  });
  return { name: ws?.name ?? '', rows };
}
