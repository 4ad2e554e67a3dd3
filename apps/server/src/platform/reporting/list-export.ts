import type { FastifyReply } from 'fastify';
import { sendFile } from './send-file.js';
import { SEQ_COLUMN, sheetWorkbook, type Cell, type Column, type ExportFile } from './workbook.js';

// Console list exports: one sheet, 序号 first, then the list's columns (the shared workbook writer).

export { XLSX_MIME } from './send-file.js';
export { shanghaiMinute } from './shanghai-time.js';
export type { ExportFile } from './workbook.js';
/** The most rows one list export carries (narrow the filters for more). */
export const LIST_EXPORT_MAX_ROWS = 20_000;

export type ExportCell = Cell;
export type ExportColumn<R> = Column<R>;

/** A one-sheet workbook as .xlsx bytes, numbered rows first. */
export async function listWorkbook<R>(
  sheetName: string,
  columns: ExportColumn<R>[],
  rows: R[],
  now: Date,
): Promise<Buffer> {
  return sheetWorkbook({ name: sheetName, columns: [SEQ_COLUMN, ...columns] }, rows, now);
}

/** Collect every page of a paged list (up to LIST_EXPORT_MAX_ROWS rows). */
export async function collectPages<R>(
  fetch: (page: number, pageSize: number) => Promise<{ items: R[]; total: number }>,
  pageSize = 1000,
): Promise<R[]> {
  const out: R[] = [];
  for (let page = 1; out.length < LIST_EXPORT_MAX_ROWS; page += 1) {
    const { items, total } = await fetch(page, pageSize);
    out.push(...items);
    if (items.length < pageSize || out.length >= total) break;
  }
  return out.slice(0, LIST_EXPORT_MAX_ROWS);
}

/** Send an .xlsx download named '<name>_YYYYMMDD.xlsx' (UTF-8 file name). */
export function sendXlsx(reply: FastifyReply, file: ExportFile, now: Date) {
  return sendFile(reply, file, { kind: 'xlsx', now });
}
