import path from 'node:path';
import { z } from 'zod';
import { parseExchangeEnv, type ExchangeConfig } from './modules/exchange/exchange-config.js';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const ConfigEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Milliseconds the public job list's pages are cached in-process (0 = off); dropped on any job change. */
  LIST_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** PII encryption keys "id:hex64[,id:hex64]"; the first is active unless PII_ACTIVE_KEY says. */
  PII_KEYS: z.string().optional(),
  PII_ACTIVE_KEY: z.string().optional(),
  /** Key (hex64) of the SM3 blind index used for exact lookups of phones and ID numbers. */
  PII_INDEX_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'PII_INDEX_KEY must be 64 hex chars')
    .optional(),
  SESSION_TTL_HOURS_APP: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 30),
  SESSION_TTL_HOURS_STAFF: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: bool.default(false),
  /** Staff roles that must use an authenticator (TOTP) second factor. */
  STAFF_MFA_ROLES: z.string().default('admin,reviewer'),
  /** Enforce the second factor and step-up: always in production; off by default in development and tests (demo logins). */
  STAFF_MFA_ENFORCE: bool.optional(),
  /** Minutes a step-up (re-entered code) stays valid for sensitive actions. */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Requests per minute per IP on each login / SMS endpoint. */
  AUTH_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(30),
  SMS_PROVIDER: z.enum(['local', 'aliyun']).default('local'),
  SMS_IP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(30),
  SMS_SIGN_NAME: z.string().default('鹿寨零工'),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_TEMPLATE_LOGIN: z.string().optional(),
  /** Seed demo data on first start (`npm start` sets it). Never in production. */
  SEED_DEMO: bool.default(false),
  /** Initial admin password for production bootstrap (username `admin`). */
  ADMIN_INITIAL_PASSWORD: z.string().min(12).optional(),
  WEB_DIST_DIR: z.string().optional(),
  /** all = HTTP + background jobs; api = HTTP only; worker = background jobs only. */
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  /** Map tiles for Leaflet, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; unset = markers on a plain background. */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/, 'MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  /** Public address of the site (e.g. https://lingong.luzhai.gov.cn) for QR codes and links that leave the browser; unset = the request's Host. */
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'PUBLIC_BASE_URL must be an http(s) URL without query or fragment')
    .or(z.literal(''))
    .optional(),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof ConfigEnv>['LOG_LEVEL'];
  pii: { keysSpec: string | undefined; activeKeyId: string | undefined; indexKeyHex: string | undefined };
  sessionTtlHours: { app: number; staff: number };
  cookieSecure: boolean;
  mfa: { enforce: boolean; requiredRoles: string[]; stepUpMinutes: number };
  trustProxy: boolean;
  bodyLimitBytes: number;
  listCacheTtlMs: number;
  authRateLimitPerMin: number;
  sms: {
    provider: 'local' | 'aliyun';
    ipLimitPerHour: number;
    signName: string;
    aliyun: { accessKeyId?: string; accessKeySecret?: string; templateLogin?: string };
  };
  seedDemo: boolean;
  adminInitialPassword: string | undefined;
  webDistDir: string;
  role: 'all' | 'api' | 'worker';
  map: { tileUrl: string | undefined; attribution: string };
  /** PUBLIC_BASE_URL without a trailing slash. */
  publicBaseUrl: string | undefined;
  /** 数智人社 data exchange (EXCHANGE_*; see docs/exchange.md). */
  exchange: ExchangeConfig;
};

function exchangeConfig(env: NodeJS.ProcessEnv, nodeEnv: Config['env'], dataDir: string): ExchangeConfig {
  try {
    return parseExchangeEnv(env, { env: nodeEnv, dataDir });
  } catch (err) {
    throw new ConfigError(`Invalid exchange configuration: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Thrown when the environment is unusable; main prints it and exits. */
export class ConfigError extends Error {}

/**
 * Parse the environment once. Production refuses to start without its secrets (PII keys) and
 * never seeds demo data.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    const missing = [!e.PII_KEYS && 'PII_KEYS', !e.PII_INDEX_KEY && 'PII_INDEX_KEY'].filter(Boolean);
    if (missing.length > 0)
      throw new ConfigError(`Production requires ${missing.join(', ')} (see README, Configuration).`);
    if (e.SEED_DEMO) throw new ConfigError('SEED_DEMO must not be set in production.');
    if (e.STAFF_MFA_ENFORCE === false) throw new ConfigError('STAFF_MFA_ENFORCE=false is not allowed in production.');
    if (e.SMS_PROVIDER === 'aliyun' && (!e.ALIYUN_SMS_ACCESS_KEY_ID || !e.ALIYUN_SMS_ACCESS_KEY_SECRET)) {
      throw new ConfigError('SMS_PROVIDER=aliyun requires ALIYUN_SMS_ACCESS_KEY_ID and ALIYUN_SMS_ACCESS_KEY_SECRET.');
    }
  }
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    pii: { keysSpec: e.PII_KEYS, activeKeyId: e.PII_ACTIVE_KEY, indexKeyHex: e.PII_INDEX_KEY },
    sessionTtlHours: { app: e.SESSION_TTL_HOURS_APP, staff: e.SESSION_TTL_HOURS_STAFF },
    cookieSecure: e.COOKIE_SECURE,
    mfa: {
      enforce: e.STAFF_MFA_ENFORCE ?? e.NODE_ENV === 'production',
      requiredRoles: e.STAFF_MFA_ROLES.split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      stepUpMinutes: e.STEP_UP_MINUTES,
    },
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    listCacheTtlMs: e.LIST_CACHE_TTL_MS,
    authRateLimitPerMin: e.AUTH_RATE_LIMIT_PER_MIN,
    sms: {
      provider: e.SMS_PROVIDER,
      ipLimitPerHour: e.SMS_IP_LIMIT_PER_HOUR,
      signName: e.SMS_SIGN_NAME,
      aliyun: {
        accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID,
        accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET,
        templateLogin: e.ALIYUN_SMS_TEMPLATE_LOGIN,
      },
    },
    seedDemo: e.SEED_DEMO,
    adminInitialPassword: e.ADMIN_INITIAL_PASSWORD,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : path.join(repoRoot, 'apps/web/dist'),
    role: e.ROLE,
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION },
    publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/+$/, '') : undefined,
    exchange: exchangeConfig(env, e.NODE_ENV, path.resolve(e.DATA_DIR)),
  };
}

/**
 * What production mode checked, one line each, printed at start so the operator sees it (the hard
 * requirements already refused to start in loadConfig).
 */
export function productionChecklist(config: Config): string[] {
  const yes = (ok: boolean) => (ok ? '✓' : '!');
  const keyIds = (config.pii.keysSpec ?? '').split(',').map((k) => k.split(':')[0]);
  return [
    `${yes(true)} NODE_ENV=production`,
    `${yes(true)} PII_KEYS: ${keyIds.length} key(s) [${keyIds.join(', ')}], active ${config.pii.activeKeyId ?? keyIds[0]}`,
    `${yes(true)} PII_INDEX_KEY set`,
    `${yes(!config.seedDemo)} demo data not seeded (SEED_DEMO off)`,
    `${yes(true)} development endpoints (/api/v1/public/dev/*) not served`,
    `${yes(config.mfa.enforce)} staff second factor enforced for roles: ${config.mfa.requiredRoles.join(', ') || '(none)'}`,
    `${yes(Boolean(config.databaseUrl))} database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir} (PostgreSQL recommended, see docs/deploy.md)`}`,
    `${yes(config.sms.provider !== 'local')} SMS provider: ${config.sms.provider}${config.sms.provider === 'local' ? ' (no SMS leaves the server; codes are not logged in production)' : ''}`,
    `${yes(config.trustProxy)} TRUST_PROXY=${config.trustProxy} (set true behind nginx so HTTPS, HSTS and client IPs are seen)`,
    `${yes(Boolean(config.publicBaseUrl))} PUBLIC_BASE_URL=${config.publicBaseUrl ?? '(unset: links use the request Host)'}`,
  ];
}
