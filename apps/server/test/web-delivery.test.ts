import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './support/test-app.js';

// Issue 14 point 10 (rural networks): hashed assets cached for a year, HTML revalidated, built
// files sent precompressed by Accept-Encoding, API JSON compressed above 1 KB.
const HTML = `<!doctype html><html><head><title>零工</title><script type="module" src="/assets/mobile-Ab3_x-9Z.js"></script></head><body>${'<p>鹿寨县零工市场</p>'.repeat(80)}</body></html>`;
const JS = `export const jobs = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: `电焊工${i}` })))};`;

/** A built web app as `vite build` leaves it: hashed assets with .br/.gz copies next to them. */
function fakeDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'lingong-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  const files: Record<string, string> = { 'index.html': HTML, 'assets/mobile-Ab3_x-9Z.js': JS };
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dist, name);
    writeFileSync(file, body);
    writeFileSync(`${file}.br`, brotliCompressSync(body));
    writeFileSync(`${file}.gz`, gzipSync(body));
  }
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ WEB_DIST_DIR: fakeDist() });
});
afterAll(() => ctx.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('web delivery', () => {
  it('caches hashed assets for a year and revalidates HTML', async () => {
    const asset = await get('/assets/mobile-Ab3_x-9Z.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe(JS);
    for (const url of ['/', '/index.html', '/jobs/123']) {
      const html = await get(url, { accept: 'text/html' });
      expect(html.statusCode, url).toBe(200);
      expect(html.headers['content-type'], url).toMatch(/^text\/html/);
      expect(html.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('sends the precompressed copy the client accepts, with Vary', async () => {
    const br = await get('/assets/mobile-Ab3_x-9Z.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(JS) / 3);

    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(HTML);

    const fallback = await get('/jobs/123', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(fallback.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(fallback.rawPayload).toString()).toBe(HTML);

    const plain = await get('/assets/mobile-Ab3_x-9Z.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('compresses API JSON above 1 KB and leaves small answers alone', async () => {
    const plain = await get('/api/v1/public/occupations');
    expect(plain.statusCode).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await get('/api/v1/public/occupations', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 2);
    const gz = await get('/api/v1/public/occupations', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);

    const small = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(small.statusCode).toBe(200);
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    const missing = await get('/api/v1/nothing-here', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('ROUTE_NOT_FOUND');
  });
});
