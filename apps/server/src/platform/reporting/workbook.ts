import ExcelJS from 'exceljs';

// Sheet specs and the one workbook writer: Chinese headers in a bold frozen row 1, one row per
// record. Ledgers, KPI packs, list exports, audit and credit exports and the import templates all
// write through here, so a reviewer's file and a paper-record upload share one column list.

export type Cell = string | number | null;
export type Column<R> = {
  header: string;
  width: number;
  value: (row: R, index: number) => Cell;
  /** Store the whole column as text (Excel format '@'), so typed ID numbers and codes keep their digits. */
  text?: boolean;
  /** A comment on the header cell (how to fill the column in a template). */
  note?: string;
  /** Header font colour as ARGB (e.g. 'FFC00000' for a required template column); the header stays bold. */
  headerColor?: string;
};
export type SheetSpec<R> = {
  name: string;
  columns: Column<R>[];
  /** Freeze the header row (default true). */
  frozenHeader?: boolean;
  /** Remarks written in column A after the records, one per row, after one blank row. */
  notes?: string[];
};
/** A finished download: the Chinese base name (no date, no extension) and its bytes. */
export type ExportFile = { name: string; buffer: Buffer };

/** The running number column (序号) most sheets open with. */
export const SEQ_COLUMN: Column<unknown> = { header: '序号', width: 8, value: (_r, i) => i + 1 };

export function newWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '鹿寨县零工市场';
  workbook.created = now;
  return workbook;
}

/** Append one sheet: bold (frozen) header row, then one row per record, then any notes. */
export function addSheet<R>(workbook: ExcelJS.Workbook, spec: SheetSpec<R>, rows: R[]): ExcelJS.Worksheet {
  const views: Partial<ExcelJS.WorksheetView>[] = spec.frozenHeader === false ? [] : [{ state: 'frozen', ySplit: 1 }];
  const sheet = workbook.addWorksheet(spec.name, { views });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    if (c.note !== undefined) cell.note = c.note;
    if (c.headerColor) cell.font = { bold: true, color: { argb: c.headerColor } };
  });
  rows.forEach((row, i) => sheet.addRow(spec.columns.map((c) => c.value(row, i))));
  if (spec.notes) {
    sheet.addRow([]);
    for (const note of spec.notes) sheet.addRow([note]);
  }
  return sheet;
}

/** .xlsx bytes of a workbook. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-sheet workbook as .xlsx bytes. */
export async function sheetWorkbook<R>(spec: SheetSpec<R>, rows: R[], now: Date): Promise<Buffer> {
  const workbook = newWorkbook(now);
  addSheet(workbook, spec, rows);
  return workbookBytes(workbook);
}
