// PDF output (agreements, posters) with a CJK font, plus QR codes.
export { createPdf, pdfToBuffer, qrPng, findCjkFont } from './pdf.js';
