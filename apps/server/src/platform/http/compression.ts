import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/** Text worth compressing: JSON, CSV, HTML, JS, CSS, XML, SVG; never event streams or binaries (xlsx, pdf, images). */
const COMPRESSIBLE = /^text\/(?!event-stream)|[/+]json(?:;|$)|javascript|[/+]xml(?:;|$)|^image\/svg\+xml/;

/**
 * Brotli or gzip for responses above 1 KB (issue 14 point 10: rural 3G). Built web files are
 * precompressed at build time and sent as they are (static-web.ts); this covers the API. Request
 * bodies are not decompressed: clients send plain JSON.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE,
  });
}
