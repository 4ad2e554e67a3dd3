import { fileURLToPath, URL } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { precompress, vantIconFontFile, vantStylesOnDemand } from './build-plugins';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `/api` goes in dev and preview; the server's default port unless overridden. */
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:3000';

/** Sub-apps served under a prefix; unknown paths there fall back to that app's index.html. */
const SUB_APPS = ['/admin/', '/screen/'];

/** History-routing fallback for the dev and preview servers (the real server does the same). */
function subAppFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    const hasExtension = /\.[a-z0-9]+$/i.test(path);
    if (wantsHtml && !hasExtension) {
      const prefix = SUB_APPS.find((p) => path === p.slice(0, -1) || path.startsWith(p));
      if (prefix) req.url = `${prefix}index.html`;
    }
    next();
  };
  return {
    name: 'lingong-sub-app-fallback',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/** Vant's icon font ships inline (woff2) plus a remote fallback on alicdn; drop the remote one (offline, CSP). */
function vantOfflineIcons(): Plugin {
  return {
    name: 'lingong-vant-offline-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/vant/') || !id.endsWith('.css')) return null;
      return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '');
    },
  };
}

/**
 * Libraries in named chunks, cached apart from app code. Element Plus and Vant are left to automatic
 * chunking: one chunk for either would make every page load all the components any page uses
 * (Vant: 97 kB of JS on the mobile first screen instead of the dozen components it shows).
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(echarts|zrender|tslib)\//.test(id)) return 'echarts';
  if (/\/node_modules\/(@vue|vue|vue-router)\//.test(id)) return 'vue';
  return undefined;
}

export default defineConfig({
  root,
  base: '/',
  plugins: [vue(), vantStylesOnDemand(), vantIconFontFile(), vantOfflineIcons(), subAppFallback(), precompress()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the first-screen size budget (e2e/mobile-size-budget.spec.ts) reads it.
    manifest: true,
    // Vant, Element Plus and ECharts are imported whole or in large parts; each lands in its own chunk.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        mobile: fileURLToPath(new URL('./index.html', import.meta.url)),
        admin: fileURLToPath(new URL('./admin/index.html', import.meta.url)),
        screen: fileURLToPath(new URL('./screen/index.html', import.meta.url)),
      },
      output: { manualChunks: vendorChunk },
    },
  },
});
