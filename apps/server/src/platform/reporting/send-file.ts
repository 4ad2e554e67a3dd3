import type { FastifyReply } from 'fastify';
import { compactDay } from './shanghai-time.js';
import type { ExportFile } from './workbook.js';

// Downloads: one helper sets the type and a Chinese file name (RFC 5987) for every export.

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  pdf: 'application/pdf',
} as const;
export const XLSX_MIME = MIME.xlsx;
export type FileKind = keyof typeof MIME;

/**
 * 'attachment; filename="ledger.xlsx"; filename*=UTF-8''求职登记台账_20250701.xlsx': the ASCII
 * fallback name for old clients, the Chinese name with the Shanghai day for the rest.
 */
export function attachmentHeader(base: string, ext: FileKind, now: Date, fallback: string): string {
  const name = `${base}_${compactDay(now)}.${ext}`;
  return `attachment; filename="${fallback}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Send a file as a download named '<name>_YYYYMMDD.<ext>'. */
export function sendFile(
  reply: FastifyReply,
  file: ExportFile,
  opts: { kind: FileKind; now: Date; fallback?: string },
): FastifyReply {
  return reply
    .header('content-type', MIME[opts.kind])
    .header('content-disposition', attachmentHeader(file.name, opts.kind, opts.now, opts.fallback ?? 'export'))
    .send(file.buffer);
}
