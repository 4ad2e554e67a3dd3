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
  /** The column's machine-readable code, written above the header when the sheet has a key row. */
  key?: string;
};
export type SheetSpec<R> = {
  name: string;
  columns: Column<R>[];
  /** Freeze the header row (default true). */
  frozenHeader?: boolean;
  /**
   * Row 1 holds each column's key (what another system's import matches on) and the Chinese
   * headers move to row 2; both rows are bold and frozen.
   */
  keyRow?: boolean;
  /** Remarks written in column A after the records, one per row, after one blank row. */
  notes?: string[];
};
/** A finished download: the Chinese base name (no date, no extension) and its bytes. */
export type ExportFile = { name: string; buffer: Buffer };

/** The running number column (序号) most sheets open with. */
export const SEQ_COLUMN: Column<unknown> = { header: '序号', width: 8, value: (_r, i) => i + 1 };

/** An empty workbook; the author shown in the file's properties is the market unless given. */
export function newWorkbook(now: Date, creator = '鹿寨县零工市场'): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = now;
  return workbook;
}

/** Append one sheet: bold (frozen) header row, then one row per record, then any notes. */
export function addSheet<R>(workbook: ExcelJS.Workbook, spec: SheetSpec<R>, rows: R[]): ExcelJS.Worksheet {
  const headRow = spec.keyRow ? 2 : 1;
  const views: Partial<ExcelJS.WorksheetView>[] =
    spec.frozenHeader === false ? [] : [{ state: 'frozen', ySplit: headRow }];
  const sheet = workbook.addWorksheet(spec.name, { views });
  sheet.columns = spec.columns.map((c) => ({
    ...(spec.keyRow ? {} : { header: c.header }),
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  if (spec.keyRow) {
    sheet.addRow(spec.columns.map((c) => c.key ?? ''));
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(spec.columns.map((c) => c.header));
  }
  const head = sheet.getRow(headRow);
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
