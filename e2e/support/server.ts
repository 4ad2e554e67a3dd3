import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '../../apps/server/src/main.js';

/**
 * The real server with the built web apps and demo data, on a fresh PGlite directory or a fresh
 * database on the DATABASE_URL server (dropped on close). `now` is the server's clock (a test clock).
 */
export async function startE2eServer(now?: () => Date): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lingong-e2e-'));
  const base = process.env.DATABASE_URL;
  if (!base)
    return startServer(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
      },
      { now },
    );
  const name = `lingong_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const server = await startServer(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url.toString(),
    },
    { now },
  );
  return {
    url: server.url,
    close: async () => {
      await server.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
