import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../scripts/demo/seed-demo.js';

// Issue 12, item 1: production mode refuses to start without its secrets, serves no development
// endpoint, seeds no demo users, and prints what it checked.
const root = path.resolve(import.meta.dirname, '../../..');
const KEYS = { PII_KEYS: `p1:${'1f'.repeat(32)}`, PII_INDEX_KEY: 'b6'.repeat(32) };

describe('production configuration', () => {
  it('refuses to start without its secrets, with demo data, or without the second factor', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PII_KEYS, PII_INDEX_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...KEYS, SEED_DEMO: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', ...KEYS, STAFF_MFA_ENFORCE: 'false' })).toThrow(/STAFF_MFA/);
    expect(loadConfig({ NODE_ENV: 'production', ...KEYS }).mfa.enforce).toBe(true);
  });
});

describe('NODE_ENV=production on loopback', () => {
  it('prints its checks, serves the API, answers 404 on /api/v1/public/dev/*, and has no demo logins', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...KEYS,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lingong-prod-')),
      WEB_DIST_DIR: path.join(tmpdir(), 'lingong-no-web'),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.SEED_DEMO;
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'apps/server/src/main.ts'],
      {
        cwd: root,
        env,
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no start within 240 s:\n${out}`)), 240_000);
        child.stdout.on('data', () => {
          if (out.includes('ready in')) {
            clearTimeout(t);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      expect(out).toContain('生产模式检查');
      expect(out).toContain('PII_INDEX_KEY set');
      expect(out).toContain('development endpoints (/api/v1/public/dev/*) not served');
      expect(out).not.toContain('演示账号');
      const url = /(http:\/\/localhost:\d+)\//.exec(out)?.[1];
      expect(url).toBeDefined();
      const base = url!.replace('localhost', '127.0.0.1');
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const dev = await fetch(`${base}/api/v1/public/dev/sms/latest?phone=13800000000`);
      expect(dev.status).toBe(404);
      const demo = await fetch(`${base}/api/v1/public/auth/login/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(demo.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 300_000);
});
