import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Issue 14 point 10 (rural networks): what the mobile first screen (/ -> 找活) downloads before it
// can show jobs, read from the build manifest: index.html, the entry chunk, its static imports and
// their CSS, brotli-compressed as the server sends them. Sizes only; bench/mobile-first-screen.ts
// measures the time on slow 3G. Needs `npm run build -w apps/web` first.
const DIST = path.resolve(import.meta.dirname, '../apps/web/dist');
const BUDGET_KB = 150;

type Chunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};

function manifest(): Record<string, Chunk> {
  const file = path.join(DIST, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} missing: run npm run build -w apps/web first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Chunk>;
}

/** The files a first visit to the mobile app loads before any route change: entry + static imports + CSS. */
function firstScreen(chunks: Record<string, Chunk>): { js: string[]; css: string[]; sources: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const sources: string[] = [];
  const visit = (key: string) => {
    const chunk = chunks[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    if (chunk.src) sources.push(chunk.src);
    for (const c of chunk.css ?? []) css.add(c);
    for (const k of chunk.imports ?? []) visit(k);
  };
  visit('index.html');
  return { js: [...js], css: [...css], sources };
}

/** Bytes on the wire: the build's .br copy (what the server sends), else compressed here. */
function brotliSize(file: string): number {
  const full = path.join(DIST, file);
  const br = `${full}.br`;
  return existsSync(br) ? readFileSync(br).length : brotliCompressSync(readFileSync(full)).length;
}

describe('mobile first screen size', () => {
  const chunks = manifest();
  const screen = firstScreen(chunks);

  it(`stays within ${BUDGET_KB} KB of compressed HTML, JS and CSS`, () => {
    const files = ['index.html', ...screen.js, ...screen.css];
    const sizes = Object.fromEntries(files.map((f) => [f, brotliSize(f)]));
    const totalKb = Object.values(sizes).reduce((a, b) => a + b, 0) / 1024;
    console.log(`mobile first screen: ${totalKb.toFixed(1)} KB brotli`, sizes);
    expect(screen.js.length).toBeGreaterThan(1);
    expect(totalKb).toBeLessThanOrEqual(BUDGET_KB);
    // The server sends the build's precompressed copies; each first-screen file above 1 KB has one.
    for (const f of files) {
      if (readFileSync(path.join(DIST, f)).length >= 1024) expect(existsSync(path.join(DIST, `${f}.br`)), f).toBe(true);
      if (readFileSync(path.join(DIST, f)).length >= 1024) expect(existsSync(path.join(DIST, `${f}.gz`)), f).toBe(true);
    }
  });

  it('loads the home route eagerly and every other page on demand', () => {
    const entry = chunks['index.html']!;
    expect(entry.isEntry).toBe(true);
    const lazy = entry.dynamicImports ?? [];
    expect(lazy).toContain('mobile/pages/LoginPage.vue');
    expect(lazy).toContain('mobile/pages/MePage.vue');
    expect(lazy).toContain('mobile/pages/MapPage.vue');
    // JobsPage is bundled into the entry itself; no other page is a static import.
    const eagerPages = screen.sources.filter((s) => /\/pages\//.test(s));
    expect(eagerPages).toEqual([]);
    expect(screen.js.some((f) => /\/(MapPage|LoginPage|MePage)-/.test(f))).toBe(false);
  });

  it('carries only the Vant styles the first screen uses, and no inline icon font', () => {
    const css = screen.css.map((f) => readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    for (const used of ['.van-tabbar', '.van-nav-bar', '.van-search', '.van-dropdown-menu', '.van-list', '.van-icon']) {
      expect(css, used).toContain(used);
    }
    for (const unused of [
      '.van-calendar',
      '.van-dialog',
      '.van-cascader',
      '.van-steps',
      '.van-rate',
      '.van-action-bar',
    ]) {
      expect(css, unused).not.toContain(unused);
    }
    expect(css).not.toContain('data:font/woff2');
  });
});
