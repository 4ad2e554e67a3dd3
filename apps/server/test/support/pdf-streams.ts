import { inflateSync } from 'node:zlib';
import { createPdf, pdfToBuffer, qrPng } from '../../src/platform/pdf/index.js';

/** The inflated content of every Flate stream of a PDF (images, text), as hex strings. */
export function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', from, 'latin1');
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start, 'latin1');
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start + 7, end)).toString('hex'));
    } catch {
      // not Flate-encoded
    }
    from = end + 10;
  }
  return out;
}

/** The pixel stream pdfkit writes for the QR code of `text` (rendered at `size` px), to find it in another PDF. */
export async function qrImageStream(text: string, size: number): Promise<string> {
  const doc = createPdf({ title: 'qr' });
  doc.image(await qrPng(text, size), { width: 100 });
  const streams = pdfStreams(await pdfToBuffer(doc));
  return streams.reduce((a, b) => (b.length > a.length ? b : a), '');
}
