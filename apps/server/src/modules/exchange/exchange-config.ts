import path from 'node:path';
import { z } from 'zod';
import { DATASETS, parseFieldMap, type Dataset, type FieldMapOverrides } from './exchange-datasets.js';

/** Credentials shared by a development server and `npm run exchange:stand-in` (never production). */
export const DEV_EXCHANGE_CLIENT_ID = 'luzhai-450223';
export const DEV_EXCHANGE_SECRET = 'dev-exchange-secret-change-me';
export const DEV_STAND_IN_URL = 'http://127.0.0.1:3900';

const ExchangeEnv = z.object({
  /** off = records are collected but not sent; http = signed JSON; file = Excel batches for manual upload. */
  EXCHANGE_TRANSPORT: z.enum(['off', 'http', 'file']).optional(),
  EXCHANGE_ENDPOINT: z.string().url().optional(),
  EXCHANGE_CLIENT_ID: z.string().min(1).optional(),
  EXCHANGE_SECRET: z.string().min(16).optional(),
  /** The sending county (or hub) division code. */
  EXCHANGE_SENDER: z
    .string()
    .regex(/^\d{12}$/)
    .default('450223000000'),
  EXCHANGE_TEMPLATE_VERSION: z.string().min(1).max(32).default('lg-2025.1'),
  EXCHANGE_FILE_DIR: z.string().optional(),
  EXCHANGE_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(100),
  /** How often the delivery job runs; fractions allowed (0.05 = every 3 s, for tests). */
  EXCHANGE_EVERY_MINUTES: z.coerce.number().positive().max(1440).default(1),
  EXCHANGE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  EXCHANGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** A record claimed by a worker that died is sent again after this lease. */
  EXCHANGE_LEASE_MS: z.coerce.number().int().min(500).default(120_000),
  /** First retry delay; doubles per failure, capped at one hour. */
  EXCHANGE_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  EXCHANGE_FIELD_MAP: z.string().optional(),
  EXCHANGE_DATASETS: z.string().optional(),
});

export type ExchangeConfig = {
  transport: 'off' | 'http' | 'file';
  endpoint: string;
  clientId: string;
  secret: string;
  sender: string;
  templateVersion: string;
  fileDir: string;
  batchSize: number;
  everyMinutes: number;
  timeoutMs: number;
  maxAttempts: number;
  leaseMs: number;
  retryBaseMs: number;
  fieldMap: FieldMapOverrides;
  datasets: Dataset[];
};

/**
 * The exchange settings. A development server talks to the stand-in by default; tests default to
 * off; production must name its transport, endpoint and credentials.
 */
export function parseExchangeEnv(
  env: NodeJS.ProcessEnv,
  ctx: { env: 'development' | 'test' | 'production'; dataDir: string },
): ExchangeConfig {
  const e = ExchangeEnv.parse(env);
  const transport = e.EXCHANGE_TRANSPORT ?? (ctx.env === 'development' ? 'http' : 'off');
  if (ctx.env === 'production' && transport === 'http' && (!e.EXCHANGE_ENDPOINT || !e.EXCHANGE_SECRET))
    throw new Error('EXCHANGE_TRANSPORT=http requires EXCHANGE_ENDPOINT and EXCHANGE_SECRET in production');
  const datasets = e.EXCHANGE_DATASETS
    ? e.EXCHANGE_DATASETS.split(',').map((d) => {
        const ds = DATASETS.find((x) => x === d.trim());
        if (!ds) throw new Error(`EXCHANGE_DATASETS: unknown data set ${d}`);
        return ds;
      })
    : [...DATASETS];
  return {
    transport,
    endpoint: (e.EXCHANGE_ENDPOINT ?? DEV_STAND_IN_URL).replace(/\/+$/, ''),
    clientId: e.EXCHANGE_CLIENT_ID ?? DEV_EXCHANGE_CLIENT_ID,
    secret: e.EXCHANGE_SECRET ?? DEV_EXCHANGE_SECRET,
    sender: e.EXCHANGE_SENDER,
    templateVersion: e.EXCHANGE_TEMPLATE_VERSION,
    fileDir: path.resolve(e.EXCHANGE_FILE_DIR ?? path.join(ctx.dataDir, 'exchange')),
    batchSize: e.EXCHANGE_BATCH_SIZE,
    everyMinutes: e.EXCHANGE_EVERY_MINUTES,
    timeoutMs: e.EXCHANGE_TIMEOUT_MS,
    maxAttempts: e.EXCHANGE_MAX_ATTEMPTS,
    leaseMs: e.EXCHANGE_LEASE_MS,
    retryBaseMs: e.EXCHANGE_RETRY_BASE_MS,
    fieldMap: parseFieldMap(e.EXCHANGE_FIELD_MAP),
    datasets,
  };
}
