import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App, type AppDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createPii } from '../../src/platform/pii.js';
import { LocalSmsProvider } from '../../src/platform/sms/local-sms.js';
import { seedBaseData } from '../../src/db/seed-base.js';
import { clientFor, type Client } from './http.js';
import { openTestDatabase } from './test-db.js';

export const TEST_PII_KEY = '0f'.repeat(32);
export const TEST_INDEX_KEY = 'a5'.repeat(32);

export type TestClock = { now: Date; advance(ms: number): void };
export type TestContext = {
  app: App;
  deps: AppDeps;
  sms: LocalSmsProvider;
  clock: TestClock;
  /** Requests as the holder of `token` (bearer; null: none), with optional extra headers. */
  as(token: string | null, headers?: Record<string, string>): Client;
  /** Requests with no authorization. */
  anon: Client;
  close(): Promise<void>;
};

/** The real app on a fresh database with reference data, a controllable clock and local SMS. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lingong-test-')),
    PII_KEYS: `t1:${TEST_PII_KEY}`,
    PII_INDEX_KEY: TEST_INDEX_KEY,
    AUTH_RATE_LIMIT_PER_MIN: '10000',
    SMS_IP_LIMIT_PER_HOUR: '10000',
    WEB_DIST_DIR: path.join(tmpdir(), 'lingong-no-web'),
    ...env,
  });
  const database = await openTestDatabase();
  await seedBaseData(database.db);
  const clock: TestClock = {
    now: new Date(),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const sms = new LocalSmsProvider();
  const deps: AppDeps = { config, database, pii: createPii(config), sms, now: () => clock.now };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    sms,
    clock,
    as: (token, headers) => clientFor(app, token, headers),
    anon: clientFor(app, null),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
