import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FieldError } from '../../platform/errors/app-error.js';
import { checkXlsx, XLSX_ZIP_LIMITS } from '../../platform/files/zip-guard.js';
import { addSheet, newWorkbook, workbookBytes, type SheetSpec } from '../../platform/reporting/index.js';

// Reading an import workbook (streamed: 100,000 rows in a few seconds) and building the empty
// templates (written by the reporting kit's workbook writer). The first worksheet (or the one named like the ledger) holds the records.

/** One template / import column: header as in the export, whether it must have a value, a hint. */
export type ImportColumn = { header: string; required: boolean; width: number; hint: string; example: string };
export type ImportSpec = { sheet: string; columns: ImportColumn[] };

export type Cell = string | Date;
export type SheetRow = { row: number; cells: Cell[] };
export type Sheet = { columns: Map<string, number>; rows: SheetRow[] };

/** A cell value as trimmed text, or a Date for Excel date cells. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText
        .map((p: { text?: string }) => p.text ?? '')
        .join('')
        .trim();
    if ('result' in v) return cellOf(v.result);
    if ('text' in v) return cellOf(v.text);
  }
  return '';
}

const blank = (cells: Cell[]) => cells.every((c) => c === '');

/** Columns read per row (the templates have fewer than 30); cells further right are ignored. */
const MAX_COLUMNS = 200;
/** Wall-clock budget for checking and reading one import file. */
export const IMPORT_TIME_LIMIT_MS = 30_000;

/** Header → 1-based column, and every non-blank data row; or the file-level errors. */
export async function readSheet(
  data: Buffer,
  spec: ImportSpec,
  maxRows: number,
  opts: { timeLimitMs?: number } = {},
): Promise<{ ok: true; sheet: Sheet } | { ok: false; errors: FieldError[] }> {
  const fileError = (message: string) => ({ ok: false as const, errors: [{ field: 'file', message }] });
  const deadline = Date.now() + (opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
  // The zip is checked (entries, uncompressed size, ratio) before the Excel parser sees it.
  const zip = await checkXlsx(data, XLSX_ZIP_LIMITS, deadline);
  if (!zip.ok) return fileError(zip.message);
  // The streaming reader has been seen to fail once on a valid file under heavy load; one retry
  // tells a passing fault from a file that cannot be read.
  let scanned: Awaited<ReturnType<typeof scanSheet>> | undefined;
  for (let attempt = 0; attempt < 2 && !scanned; attempt++)
    scanned = await scanSheet(data, maxRows, deadline).catch(() => undefined);
  if (!scanned) return fileError('无法读取文件，请上传 Excel（.xlsx）文件');
  const { columns, rows, tooMany, timedOut } = scanned;
  if (timedOut)
    return fileError(
      `文件处理超时（超过${Math.round((opts.timeLimitMs ?? IMPORT_TIME_LIMIT_MS) / 1000)}秒），请拆分后再导入`,
    );
  if (columns.size === 0) return fileError('文件中没有表头，请使用下载的模板');
  const missing = spec.columns.filter((c) => c.required && !columns.has(c.header));
  if (missing.length > 0)
    return {
      ok: false,
      errors: missing.map((c) => ({ row: 1, field: c.header, message: `缺少"${c.header}"列，请使用下载的模板` })),
    };
  if (tooMany) return fileError(`一次最多导入${maxRows}行（空行也计入），请删除空行或分批导入`);
  if (rows.length === 0) return fileError('文件中没有数据行');
  return { ok: true, sheet: { columns, rows } };
}

/**
 * Stream the first worksheet: header → 1-based column, and every non-blank data row. Every row
 * the file holds counts towards maxRows, blank or not (a sheet of a million blank rows is refused
 * at once, not walked), and the walk stops at the deadline.
 */
async function scanSheet(data: Buffer, maxRows: number, deadline: number) {
  const columns = new Map<string, number>();
  const rows: SheetRow[] = [];
  let tooMany = false;
  let timedOut = false;
  let seen = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (++seen > maxRows + 1) {
        tooMany = true;
        break;
      }
      if ((seen & 0x3ff) === 0 && Date.now() > deadline) {
        timedOut = true;
        break;
      }
      const values = (row as ExcelJS.Row).values;
      const cells = (Array.isArray(values) ? values.slice(0, MAX_COLUMNS) : []).map(cellOf);
      if (columns.size === 0) {
        cells.forEach((c, i) => typeof c === 'string' && c && !columns.has(c) && columns.set(c, i));
        continue;
      }
      if (blank(cells)) continue;
      rows.push({ row: (row as ExcelJS.Row).number, cells });
    }
    break; // the first worksheet only (the 填写说明 sheet comes second)
  }
  if (Date.now() > deadline) timedOut = true;
  return { columns, rows, tooMany, timedOut };
}

/** Read one column of a row: text ('' when absent) or a Date. */
export function cellAt(sheet: Sheet, row: SheetRow, header: string): Cell {
  const i = sheet.columns.get(header);
  return i === undefined ? '' : (row.cells[i] ?? '');
}
export const textAt = (sheet: Sheet, row: SheetRow, header: string): string => {
  const c = cellAt(sheet, row, header);
  return c instanceof Date ? c.toISOString() : c;
};

/** The 填写说明 sheet: one row per column, then the general notes. */
const HELP_SHEET = (notes: string[]): SheetSpec<ImportColumn> => ({
  name: '填写说明',
  frozenHeader: false,
  columns: [
    { header: '列名', width: 18, value: (c) => c.header },
    { header: '是否必填', width: 10, value: (c) => (c.required ? '必填' : '选填') },
    { header: '填写要求', width: 60, value: (c) => c.hint },
    { header: '示例', width: 30, value: (c) => c.example },
  ],
  notes,
});

/**
 * The empty template: the ledger sheet with its headers (required ones in red, each header cell
 * noting whether it is required, the rule and an example; every column stored as text), and a
 * 填写说明 sheet with the rules and an example per column.
 */
export async function buildTemplate(spec: ImportSpec, notes: string[], now: Date): Promise<Buffer> {
  const wb = newWorkbook(now);
  const ledger: SheetSpec<never> = {
    name: spec.sheet,
    columns: spec.columns.map((c) => ({
      header: c.header,
      width: c.width,
      value: () => null,
      text: true,
      note: `${c.required ? '必填。' : '选填。'}${c.hint}${c.example ? `\n例：${c.example}` : ''}`,
      headerColor: c.required ? 'FFC00000' : undefined,
    })),
  };
  addSheet(wb, ledger, []);
  addSheet(wb, HELP_SHEET(notes), spec.columns);
  return workbookBytes(wb);
}
