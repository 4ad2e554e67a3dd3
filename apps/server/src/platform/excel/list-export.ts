import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

// Console list exports: one sheet, Chinese headers in a bold frozen row 1, one row per record.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The most rows one list export carries (narrow the filters for more). */
export const LIST_EXPORT_MAX_ROWS = 20_000;

export type ExportCell = string | number | null;
export type ExportColumn<R> = { header: string; width: number; value: (row: R, index: number) => ExportCell };
export type ExportFile = { name: string; buffer: Buffer };

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
export function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** A one-sheet workbook as .xlsx bytes. */
export async function listWorkbook<R>(
  sheetName: string,
  columns: ExportColumn<R>[],
  rows: R[],
  now: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '鹿寨县零工市场';
  workbook.created = now;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: '序号', width: 8 }, ...columns.map((c) => ({ header: c.header, width: c.width }))];
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => sheet.addRow([i + 1, ...columns.map((c) => c.value(row, i))]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const name = encodeURIComponent(`${file.name}_${day}.xlsx`);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`)
    .send(file.buffer);
}
