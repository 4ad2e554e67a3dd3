import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { seedBaseData } from '../src/db/seed-base.js';
import { employers } from '../src/modules/employers/index.js';
import { insertJobs } from '../src/modules/jobs/index.js';
import { occupations } from '../src/modules/reference/index.js';
import { exchangeRecords } from '../src/modules/exchange/exchange.schema.js';
import { createStandIn } from '../src/modules/exchange/stand-in/stand-in.js';
import { TEST_INDEX_KEY, TEST_PII_KEY } from './support/test-app.js';
import { EXCHANGE_CLIENT } from './support/exchange-factories.js';

// kill -9 of the worker process in the middle of a batch: no record is lost and the province
// (the stand-in, counting what it received) holds each record exactly once.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const JOBS = 40;
const children: ChildProcess[] = [];
const standIn = createStandIn({ clients: { [EXCHANGE_CLIENT.id]: EXCHANGE_CLIENT.secret } });
let dropDatabase: (() => Promise<void>) | null = null;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await standIn.close();
  await dropDatabase?.();
});

/** A database the child processes can open: a PGlite directory, or a new PostgreSQL database. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lingong-kill-'));
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }) };
  const name = `lingong_kill_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir }),
  };
}

function startWorker(env: Record<string, string>, endpoint: string): ChildProcess {
  // tsx's loader in this very process (not the tsx CLI, which would fork a grandchild that
  // SIGKILL does not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      ROLE: 'worker',
      LOG_LEVEL: 'silent',
      PII_KEYS: `t1:${TEST_PII_KEY}`,
      PII_INDEX_KEY: TEST_INDEX_KEY,
      EXCHANGE_TRANSPORT: 'http',
      EXCHANGE_ENDPOINT: endpoint,
      EXCHANGE_CLIENT_ID: EXCHANGE_CLIENT.id,
      EXCHANGE_SECRET: EXCHANGE_CLIENT.secret,
      EXCHANGE_DATASETS: 'job_postings',
      EXCHANGE_BATCH_SIZE: '5',
      EXCHANGE_EVERY_MINUTES: '0.02',
      EXCHANGE_LEASE_MS: '1500',
      EXCHANGE_RETRY_BASE_MS: '200',
      ...env,
    },
  });
  children.push(child);
  return child;
}

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('kill -9 of the worker mid-batch', () => {
  it('loses nothing and duplicates nothing at the province', { timeout: 180_000 }, async () => {
    const url = await standIn.listen(0);
    const { env, open } = await prepareDatabase();
    const database = await open();
    await database.migrate();
    await seedBaseData(database.db);
    const [occupation] = await database.db.select({ id: occupations.id }).from(occupations).limit(1);
    const employerId = randomUUID();
    await database.db
      .insert(employers)
      .values({ id: employerId, name: '鹿寨县测试建材厂', kind: 'enterprise', townCode: '450223101000' });
    const publishedAt = new Date();
    const jobIds = Array.from({ length: JOBS }, () => randomUUID());
    await insertJobs(
      database.db,
      jobIds.map((id, i) => ({
        id,
        employerId,
        occupationId: occupation?.id ?? randomUUID(),
        title: `批量岗位${i + 1}`,
        kind: 'contract' as const,
        headcount: 2,
        wageMinFen: 10_000,
        wageMaxFen: 12_000,
        wageUnit: 'day' as const,
        settlement: 'daily' as const,
        townCode: '450223101000',
        address: '中渡镇',
        startDate: '2025-12-01',
        status: 'published' as const,
        publishedAt,
      })),
    );
    await database.close();

    // Every batch waits 700 ms at the province before it is stored, so the kill lands inside one.
    standIn.setFault({ mode: 'slow', delayMs: 700 });
    const first = startWorker(env, url);
    await until(() => standIn.stats().requests >= 3, 'the third batch to arrive');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await new Promise((r) => setTimeout(r, 800)); // the in-flight batch is stored at the province
    const atKill = standIn.stats();
    expect(atKill.acceptedUnique).toBeGreaterThan(0);
    expect(atKill.acceptedUnique).toBeLessThan(JOBS);

    standIn.setFault({ mode: 'none' });
    const second = startWorker(env, url);
    await until(() => standIn.stats().acceptedUnique === JOBS, 'every job at the province');
    // Let the worker record the last answers, then stop it.
    const db2check = async () => {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      const reopened = await open();
      const rows = await reopened.db.select().from(exchangeRecords);
      await reopened.close();
      return rows;
    };
    await new Promise((r) => setTimeout(r, 3000));
    const rows = await db2check();

    const stats = standIn.stats();
    expect(stats.acceptedUnique).toBe(JOBS);
    // The batch in flight at the kill was received twice and counted once.
    expect(stats.duplicates).toBeGreaterThanOrEqual(1);
    const keys = standIn.acceptedKeys();
    expect(new Set(keys.map((k) => k.split(':')[2])).size).toBe(JOBS);
    expect(rows).toHaveLength(JOBS);
    expect(rows.every((r) => r.state === 'accepted')).toBe(true);
    expect(new Set(rows.map((r) => r.sourceId))).toEqual(new Set(jobIds));
  });
});
