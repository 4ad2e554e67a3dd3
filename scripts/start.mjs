// npm start: install what is missing, build the web apps, then run the server on PGlite (or
// DATABASE_URL) with demo data seeded once.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './lib.mjs';

ensureDependencies();
ensureWebBuild();
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
if (env.NODE_ENV !== 'production' && env.SEED_DEMO === undefined) env.SEED_DEMO = 'true';
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
if (!existsSync(tsx)) throw new Error('tsx missing: run npm install');
const child = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
