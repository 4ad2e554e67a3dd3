import type { FastifyReply } from 'fastify';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Send a stored file: always as an attachment with its sniffed type, `nosniff` and a sandboxing
 * CSP, so no uploaded byte is ever rendered as a page of this site (an <img> still shows it).
 * Files holding personal data are not cached.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mime: string; bytes: Buffer },
  opts: { name: string; personal: boolean },
) {
  const ext = EXT[file.mime] ?? 'bin';
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${opts.name.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', opts.personal ? 'private, no-store' : 'private, max-age=3600')
    .send(file.bytes);
}
