import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseDivisionRows } from './division-import.js';
import { readXlsxRows } from './division-xlsx.js';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('division list from a real .xlsx file', () => {
  it('reads rows and parses villages under a known town', async () => {
    const file = await xlsx([
      ['代码', '名称', '级别', '上级代码'],
      ['450223101901', '示例村01', '村', '450223101000'],
      [],
      ['450223102901', '示例村02', 'village', ''],
    ]);
    const rows = await readXlsxRows(file);
    expect(rows[0]).toEqual(['代码', '名称', '级别', '上级代码']);
    const parsed = parseDivisionRows(rows, { knownCodes: new Set(['450223101000', '450223102000']) });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.regions.map((r) => [r.code, r.parentCode])).toEqual([
        ['450223101901', '450223101000'],
        ['450223102901', '450223102000'],
      ]);
  });

  it('reports the spreadsheet row of a bad code and imports nothing', async () => {
    const rows = await readXlsxRows(
      await xlsx([
        ['代码', '名称'],
        ['450223101901', '示例村01'],
        [4502231019, '坏行'],
      ]),
    );
    const parsed = parseDivisionRows(rows, { knownCodes: new Set(['450223101000']) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([expect.objectContaining({ row: 3, field: 'code' })]);
  });
});
