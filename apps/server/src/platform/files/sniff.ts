// What an uploaded file really is, from its bytes (never from the name or the declared type).

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';
export type ImageInfo = { mime: ImageMime; width: number; height: number };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Image types accepted, recognised by their first bytes (not by what the client claims). */
export function imageMimeOf(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const m = b[i + 1] ?? 0;
    if (m === 0xff) {
      i++; // fill byte
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    if (m === 0xda || m === 0xd9) return null; // scan data before any frame header
    const len = b.readUInt16BE(i + 2);
    const isFrame = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
    if (isFrame) return i + 9 <= b.length ? { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) } : null;
    if (len < 2) return null;
    i += 2 + len;
  }
  return null;
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** Type and dimensions from the header only (no decoding); null when the header is not sound. */
export function imageInfoOf(bytes: Buffer): ImageInfo | null {
  const mime = imageMimeOf(bytes);
  let size: { width: number; height: number } | null = null;
  if (mime === 'image/png')
    size =
      bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR'
        ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
        : null;
  else if (mime === 'image/jpeg') size = jpegSize(bytes);
  else if (mime === 'image/webp') size = webpSize(bytes);
  if (!mime || !size || size.width === 0 || size.height === 0) return null;
  return { mime, ...size };
}

/** Markup a browser would run if it ever rendered these bytes as a document (polyglot files). */
const ACTIVE_MARKUP = /<(?:script|html|svg|iframe|object|embed|body|!doctype\s+html)[\s/>]/i;

export function hasActiveMarkup(bytes: Buffer): boolean {
  return ACTIVE_MARKUP.test(bytes.toString('latin1'));
}

/** Programs and scripts by their first bytes: PE (MZ), ELF, Mach-O, shebang scripts. */
export function isExecutable(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  const head = bytes.readUInt32BE(0);
  return (
    (bytes[0] === 0x4d && bytes[1] === 0x5a) ||
    head === 0x7f454c46 ||
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(head) ||
    (bytes[0] === 0x23 && bytes[1] === 0x21)
  );
}

/** A PDF without scripts or launch actions (for PDF uploads; none is accepted today). */
export function pdfProblem(bytes: Buffer): string | null {
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return '不是 PDF 文件';
  if (/\/(?:JavaScript|JS|Launch|EmbeddedFile)\b/.test(bytes.toString('latin1')))
    return 'PDF 中含有脚本或附件，不能上传';
  return null;
}
