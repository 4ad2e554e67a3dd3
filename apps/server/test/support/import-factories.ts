import ExcelJS from 'exceljs';
import { regions } from '../../src/modules/reference/reference.schema.js';
import type { TestContext } from './test-app.js';

// Helpers for the ledger-import tests: real .xlsx files built with exceljs, villages to import into.

export type CellInput = string | number | Date | null;

/** An .xlsx with one sheet (header row + data rows), plus an optional second sheet, as bytes. */
export async function buildXlsx(sheet: string, headers: string[], rows: CellInput[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('填写说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Villages under 中渡镇 and 寨沙镇 (tests seed only towns); '新村' exists in both towns. */
export const VILLAGES = {
  dazhao: { code: '450223101201', name: '大兆村', town: '中渡镇' },
  zhongduXincun: { code: '450223101202', name: '新村', town: '中渡镇' },
  zhaishaXincun: { code: '450223102201', name: '新村', town: '寨沙镇' },
  zhaisha: { code: '450223102202', name: '寨沙村', town: '寨沙镇' },
} as const;

export async function addVillages(ctx: TestContext): Promise<void> {
  await ctx.deps.database.db
    .insert(regions)
    .values(
      Object.values(VILLAGES).map((v) => ({
        code: v.code,
        name: v.name,
        level: 'village' as const,
        parentCode: `${v.code.slice(0, 9)}000`,
      })),
    )
    .onConflictDoNothing();
}

/** POST a file to a ledger's import endpoint. */
export function postImport(ctx: TestContext, token: string, ledger: string, file: Buffer | string) {
  return ctx.as(token).post(`/api/v1/admin/ledgers/${ledger}/import`, {
    file: typeof file === 'string' ? file : file.toString('base64'),
  });
}
