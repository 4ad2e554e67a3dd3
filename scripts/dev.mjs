// npm run dev: the API server (PORT 3000, demo data) plus Vite with hot reload proxying /api to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureDependencies, root } from './lib.mjs';

ensureDependencies();
const env = { ...process.env, NODE_ENV: 'development', SEED_DEMO: process.env.SEED_DEMO ?? 'true' };
// Vite proxies /api to the server, wherever PORT puts it.
env.API_PROXY_TARGET ??= `http://localhost:${env.PORT ?? 3000}`;
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const server = spawn(process.execPath, [tsx, 'watch', 'apps/server/src/main.ts'], { cwd: root, stdio: 'inherit', env });
const vite = spawn('npm', ['run', 'dev', '-w', 'apps/web'], { cwd: root, stdio: 'inherit', env });
const stop = () => {
  server.kill('SIGTERM');
  vite.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', stop);
vite.on('exit', stop);
