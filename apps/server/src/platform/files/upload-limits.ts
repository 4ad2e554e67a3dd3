// Upload size limits, one place for every endpoint kind. Uploads arrive as base64 inside JSON;
// Fastify counts the body bytes as they stream in and stops at the route's bodyLimit, so an
// oversize upload is refused before it is buffered. The error handler turns that into 413 with
// the message below (the field and the limit in Chinese).

export type UploadKind = 'image' | 'xlsx' | 'pdf';

const KB = 1024;
const MB = 1024 * KB;

export const UPLOAD_KINDS: Record<UploadKind, { label: string; maxBytes: number }> = {
  image: { label: '图片', maxBytes: 3 * MB },
  xlsx: { label: 'Excel 文件', maxBytes: 30 * MB },
  pdf: { label: 'PDF 文件', maxBytes: 10 * MB },
};

/** Pixel-bomb limits read from the image header (the app and console shrink photos first). */
export const IMAGE_MAX_SIDE = 12_000;
export const IMAGE_MAX_PIXELS = 40_000_000;

export function formatBytes(n: number): string {
  return n >= MB && n % MB === 0 ? `${n / MB}MB` : n >= MB ? `${(n / MB).toFixed(1)}MB` : `${Math.floor(n / KB)}KB`;
}

export function tooLargeMessage(kind: UploadKind, maxBytes: number): string {
  return `${UPLOAD_KINDS[kind].label}不能超过${formatBytes(maxBytes)}`;
}

/** Largest base64 text for `maxBytes` of file (4 chars per 3 bytes). */
export const base64Length = (maxBytes: number) => Math.ceil(maxBytes / 3) * 4;

export type UploadRouteConfig = { field: string; message: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on upload routes: what a body over the limit is reported as. */
    upload?: UploadRouteConfig;
  }
}

/**
 * Route options for an upload endpoint: the streaming body limit (base64 of `maxBytes` plus the
 * JSON around it) and the 413 message naming `field` and the limit.
 */
export function uploadRoute(kind: UploadKind, field: string, maxBytes = UPLOAD_KINDS[kind].maxBytes, extraBytes = 0) {
  return {
    bodyLimit: base64Length(maxBytes) + 4 * KB + extraBytes,
    config: { upload: { field, message: tooLargeMessage(kind, maxBytes) } },
  };
}
