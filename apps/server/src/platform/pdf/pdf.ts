import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** CJK fonts the setup installs (Debian fonts-noto-cjk); PDF_FONT overrides. */
const CANDIDATES: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

export function findCjkFont(): { path: string; family?: string } {
  const fromEnv = process.env.PDF_FONT;
  if (fromEnv) {
    const [path, family] = fromEnv.split('#');
    if (path && existsSync(path)) return { path, family };
  }
  const found = CANDIDATES.find((c) => existsSync(c.path));
  if (!found)
    throw new Error('未找到中文字体：请安装 fonts-noto-cjk（npm start / .ci/run 会安装），或设置 PDF_FONT=路径#字体名');
  return found;
}

/** A new A4 document with the CJK font as 'cjk' (and selected). */
export function createPdf(info: { title: string; author?: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: info.title, Author: info.author ?? '鹿寨县零工市场' },
  });
  const font = findCjkFont();
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  return doc;
}

/** Render a finished document to a Buffer. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A QR code as PNG bytes, for doc.image(). */
export function qrPng(text: string, width = 240): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', width, margin: 1, errorCorrectionLevel: 'M' });
}
