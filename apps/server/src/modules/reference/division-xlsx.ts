import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx as rows of trimmed cell texts (for parseDivisionRows). */
export async function readXlsxRows(source: string | Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(new Uint8Array(source).buffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(4, row.cellCount); c++) cells.push(row.getCell(c).text.trim());
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}
