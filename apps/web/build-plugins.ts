// Build plugins for the rural-network budget (issue 14 point 10): Vant styles per component and
// precompressed copies of the built files for the server to send as they are.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const vantRoot = path.dirname(createRequire(import.meta.url).resolve('vant/package.json'));
const vantEs = path.join(vantRoot, 'es');

/** Function exports whose look is a component's: showFailToast -> toast, showConfirmDialog -> dialog. */
const FUNCTION_STYLES = /(Toast|Dialog|Notify|ImagePreview)$/;

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The style module of one named Vant export, or null (composables, locale, install helpers). */
export function vantStyleOf(exported: string): string | null {
  const fn = FUNCTION_STYLES.exec(exported);
  const dir = kebab(fn ? fn[1]! : exported);
  return existsSync(path.join(vantEs, dir, 'style/index.mjs')) ? `vant/es/${dir}/style/index` : null;
}

const VANT_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]vant['"]/g;

/**
 * Import each Vant component's CSS where the component is imported (`import { Button } from 'vant'`),
 * instead of the whole library's CSS in the entry: a page's chunk carries only the styles it uses.
 * The style imports go first so the module's own styles still come after them.
 */
export function vantStylesOnDemand(): Plugin {
  return {
    name: 'lingong-vant-styles-on-demand',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.(vue|ts)$/.test(id)) return null;
      const styles = new Set<string>();
      for (const m of code.matchAll(VANT_IMPORT)) {
        for (const spec of m[1]!.split(',')) {
          const name = spec
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0]!;
          const style = name ? vantStyleOf(name) : null;
          if (style) styles.add(style);
        }
      }
      if (styles.size === 0) return null;
      const prelude = [...styles].map((s) => `import '${s}';`).join('');
      return { code: prelude + code, map: null };
    },
  };
}

const INLINE_WOFF2 = /url\(["']?data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)["']?\)/;

/**
 * Vant's icon font ships inline in its CSS as base64 (34 kB of the first screen's 42 kB of CSS,
 * brotli). The CSS blocks the first paint; the font need not: write it out as a file that Vite
 * emits as a hashed asset, fetched only once an icon is drawn.
 */
export function vantIconFontFile(): Plugin {
  const file = path.join(vantRoot, '..', '.cache', 'lingong', 'vant-icons.woff2');
  return {
    name: 'lingong-vant-icon-font-file',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(path.join(vantRoot, 'es/icon/')) || !id.endsWith('.css')) return null;
      const m = INLINE_WOFF2.exec(code);
      if (!m) return null;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, Buffer.from(m[1]!, 'base64'));
      const rel = path.relative(path.dirname(id), file).split(path.sep).join('/');
      return { code: code.replace(m[0], `url("${rel}")`), map: null };
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|map)$/;
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(p);
    else yield p;
  }
}

/** Write `<file>.br` (quality 11) and `<file>.gz` (level 9) next to each compressible output file. */
export function precompressDir(dir: string): { files: number; bytes: number; brotli: number } {
  let files = 0;
  let bytes = 0;
  let brotli = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const body = readFileSync(file);
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    if (br.length >= body.length) continue;
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    files += 1;
    bytes += body.length;
    brotli += br.length;
  }
  return { files, bytes, brotli };
}

/** After the build: precompressed copies the server sends with Content-Encoding (no work per request). */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lingong-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const { files, bytes, brotli } = precompressDir(outDir);
      this.info(`precompressed ${files} files: ${(bytes / 1024).toFixed(0)} kB -> ${(brotli / 1024).toFixed(0)} kB br`);
    },
  };
}
