// Mobile first screen on a slow rural 3G link (issue 14 point 10): the real server with demo data
// and the built web app, loaded in Debian's Chromium throttled to 400 kbit/s and 400 ms RTT. The
// baseline in the same run is the very same build served the way it was before: no compression,
// `max-age=0` and an ETag on every file (a plain node static server that forwards /api to the same server
// with Accept-Encoding removed). Targets: cold load ≤ 150 KB transferred, first paint under 2 s.
//   npm run build -w apps/web && npm run bench:mobile [-- --runs 3 --dist apps/web/dist] [--verbose]
// Figures on the shared 2-core dev machine (median of 3, first visit, cache off):
//   main before this change (old build, old delivery): 476.5 KB, first paint 9944 ms, first job card 11654 ms
//   this change: 125.7 KB (web files 110.0, API 15.7), first paint 1908 ms, first job card 4010 ms
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { startServer } from '../apps/server/src/main.js';
import { launchBrowser } from '../e2e/support/browser.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '3'));
const DIST = path.resolve(arg('dist', path.join(import.meta.dirname, '../apps/web/dist')));
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const VERBOSE = process.argv.includes('--verbose');
const BUDGET_KB = 150;
const PAINT_BUDGET_MS = 2000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The old delivery: every file plain with max-age=0, SPA fallback to index.html, /api proxied uncompressed. */
function baselineServer(dist: string, apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const api = new URL(apiUrl);
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (url.startsWith('/api/')) {
      const headers = { ...req.headers, host: api.host };
      delete headers['accept-encoding'];
      const out = http.request(
        { host: api.hostname, port: api.port, path: req.url, method: req.method, headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(out);
      return;
    }
    let file = path.join(dist, path.normalize(decodeURIComponent(url)));
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      file = path.join(dist, 'index.html');
    }
    const stat = statSync(file);
    const etag = `W/"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'public, max-age=0' });
      res.end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      etag,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'public, max-age=0',
    });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

type Load = {
  kb: number;
  staticKb: number;
  apiKb: number;
  requests: number;
  fp: number;
  fcp: number;
  /** When the first job card appeared (ms since navigation start): the first screen in use. */
  firstJob: number;
  jobs: number;
};

/** Bytes on the wire per request (headers + body as sent, compressed or not), by CDP. */
function countBytes(cdp: CDPSession): () => Omit<Load, 'fp' | 'fcp' | 'firstJob' | 'jobs'> {
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  const started = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    urls.set(e.requestId, e.request.url);
    started.set(e.requestId, e.timestamp);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!urls.has(e.requestId)) return;
    sizes.set(e.requestId, e.encodedDataLength);
    if (VERBOSE) {
      const t0 = Math.min(...started.values());
      const at = (t: number) => `${((t - t0) * 1000).toFixed(0).padStart(6)} ms`;
      const url = new URL(urls.get(e.requestId) ?? 'http://x/');
      console.log(
        `  ${at(started.get(e.requestId)!)} -> ${at(e.timestamp)} ${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KB ${url.pathname}${url.search}`,
      );
    }
  });
  return () => {
    let staticBytes = 0;
    let apiBytes = 0;
    for (const [id, bytes] of sizes) {
      if (new URL(urls.get(id) ?? 'http://x/').pathname.startsWith('/api/')) apiBytes += bytes;
      else staticBytes += bytes;
    }
    return {
      kb: (staticBytes + apiBytes) / 1024,
      staticKb: staticBytes / 1024,
      apiKb: apiBytes / 1024,
      requests: sizes.size,
    };
  };
}

/** One visit to the first screen: cold (cache off) or warm (a second visit in the same browser profile). */
async function visit(browser: Browser, url: string, warm: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    locale: 'zh-CN',
  });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="job-card"]')) return;
      (window as unknown as { firstJob: number }).firstJob = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !warm });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  if (warm) {
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await page.goto('about:blank');
  }
  const bytes = countBytes(cdp);
  await page.goto(`${url}/`, { waitUntil: 'load', timeout: 120_000 });
  await page.getByTestId('job-card').first().waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const paints = await page.evaluate(() => ({
    ...Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])),
    firstJob: (window as unknown as { firstJob: number }).firstJob,
  }));
  const jobs = await page.getByTestId('job-card').count();
  await context.close();
  const fp = paints['first-paint'] ?? NaN;
  return { ...bytes(), fp, fcp: paints['first-contentful-paint'] ?? NaN, firstJob: paints.firstJob, jobs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function summary(loads: Load[]): Load {
  const keys = Object.keys(loads[0]!) as (keyof Load)[];
  return Object.fromEntries(keys.map((k) => [k, median(loads.map((l) => l[k]))])) as Load;
}

async function main(): Promise<void> {
  if (!statSync(path.join(DIST, 'index.html'), { throwIfNoEntry: false })) {
    throw new Error(`${DIST}/index.html missing: run npm run build -w apps/web first`);
  }
  const server = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lingong-bench-')),
    DATABASE_URL: undefined,
    SEED_DEMO: 'true',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: DIST,
  });
  const baseline = await baselineServer(DIST, server.url);
  const browser = await launchBrowser();
  try {
    const rows: [string, Load, Load][] = [];
    for (const warm of [false, true]) {
      const now: Load[] = [];
      const base: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        base.push(await visit(browser, baseline.url, warm));
        now.push(await visit(browser, server.url, warm));
      }
      rows.push([warm ? 'repeat visit (cache on)' : 'first visit (cache off)', summary(base), summary(now)]);
    }
    console.log(`\nMobile first screen, slow 3G (400 kbit/s, 400 ms RTT), median of ${RUNS}; dist ${DIST}`);
    const f = (n: number, d = 1) => n.toFixed(d).padStart(8);
    for (const [name, b, n] of rows) {
      console.log(`\n${name}                 baseline      this   ratio`);
      console.log(`  transferred KB           ${f(b.kb)}  ${f(n.kb)}  ${f(b.kb / n.kb, 2)}x`);
      console.log(`    web files KB           ${f(b.staticKb)}  ${f(n.staticKb)}  ${f(b.staticKb / n.staticKb, 2)}x`);
      console.log(`    API KB                 ${f(b.apiKb)}  ${f(n.apiKb)}  ${f(b.apiKb / n.apiKb, 2)}x`);
      console.log(`  requests                 ${f(b.requests, 0)}  ${f(n.requests, 0)}`);
      console.log(`  first paint ms           ${f(b.fp, 0)}  ${f(n.fp, 0)}  ${f(b.fp / n.fp, 2)}x`);
      console.log(`  first contentful ms      ${f(b.fcp, 0)}  ${f(n.fcp, 0)}  ${f(b.fcp / n.fcp, 2)}x`);
      console.log(
        `  first job card ms        ${f(b.firstJob, 0)}  ${f(n.firstJob, 0)}  ${f(b.firstJob / n.firstJob, 2)}x`,
      );
      console.log(`  job cards shown          ${f(b.jobs, 0)}  ${f(n.jobs, 0)}`);
    }
    const cold = rows[0]![2];
    console.log(
      `\ntarget: first visit ≤ ${BUDGET_KB} KB: ${cold.kb <= BUDGET_KB ? 'met' : 'NOT met'} (${cold.kb.toFixed(1)} KB); ` +
        `first paint < ${PAINT_BUDGET_MS} ms: ${cold.fp < PAINT_BUDGET_MS ? 'met' : 'NOT met'} (${cold.fp.toFixed(0)} ms)`,
    );
  } finally {
    await browser.close();
    await baseline.close();
    await server.close();
  }
}

await main();
