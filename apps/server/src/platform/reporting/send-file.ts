import type { FastifyReply } from 'fastify';
import { compactDay } from './shanghai-time.js';
import type { ExportFile } from './workbook.js';

// Downloads: one helper sets the type and a Chinese file name (RFC 5987) for every export.

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;
export const XLSX_MIME = MIME.xlsx;
export type FileKind = keyof typeof MIME;

/**
 * 'attachment; filename="ledger.xlsx"; filename*=UTF-8''求职登记台账_20250701.xlsx': the ASCII
 * fallback name for old clients, the Chinese name with the Shanghai day for the rest (no day when
 * now is null: '工作协议_LZ2025000123.pdf').
 */
export function attachmentHeader(base: string, ext: FileKind, now: Date | null, fallback: string): string {
  const name = now ? `${base}_${compactDay(now)}.${ext}` : `${base}.${ext}`;
  return `attachment; filename="${fallback}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Send a file as a download named '<name>_YYYYMMDD.<ext>', or '<name>.<ext>' when now is null (a
 * document with its own number or title rather than a dated export).
 */
export function sendFile(
  reply: FastifyReply,
  file: ExportFile,
  opts: { kind: FileKind; now: Date | null; fallback?: string },
): FastifyReply {
  return reply
    .header('content-type', MIME[opts.kind])
    .header('content-disposition', attachmentHeader(file.name, opts.kind, opts.now, opts.fallback ?? 'export'))
    .send(file.buffer);
}
