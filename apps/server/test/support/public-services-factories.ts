import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { regions } from '../../src/modules/reference/reference.schema.js';
import type { TestContext } from './test-app.js';

// Helpers of the publicity, collection and operations tests.

/** Villages under a town (12-digit codes), as the division import would load them. */
export async function insertVillages(ctx: TestContext, town: string, names: string[]): Promise<string[]> {
  const rows = names.map((name, i) => ({
    code: `${town.slice(0, 9)}${String(i + 1).padStart(3, '0')}`,
    name,
    level: 'village' as const,
    parentCode: town,
  }));
  await ctx.deps.database.db.insert(regions).values(rows).onConflictDoNothing();
  return rows.map((r) => r.code);
}

export async function rowCount(ctx: TestContext, table: PgTable): Promise<number> {
  return (await ctx.deps.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
}

/** Every sheet (name → rows, header first) of an .xlsx body. */
export async function xlsxSheets(body: Buffer | ArrayBuffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body instanceof ArrayBuffer ? body : new Uint8Array(body).buffer);
  const out = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
    );
    out.set(ws.name, rows);
  }
  return out;
}

/** The sheets of one file of a zip body. */
export async function zipSheets(body: Buffer, file: string): Promise<Map<string, string[][]>> {
  const zip = await JSZip.loadAsync(body);
  const entry = zip.file(file);
  if (!entry) throw new Error(`no ${file} in the zip`);
  return xlsxSheets(await entry.async('arraybuffer'));
}

/** A tiny valid PNG (1x1). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
