import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const KEY = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 3000, databaseUrl: undefined, seedDemo: false });
    expect(c.sms.provider).toBe('local');
  });

  it('refuses to start in production without the PII secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PII_KEYS, PII_INDEX_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', PII_KEYS: `k1:${KEY}` })).toThrow(/PII_INDEX_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', PII_KEYS: `k1:${KEY}`, PII_INDEX_KEY: KEY }).env).toBe('production');
  });

  it('never seeds demo data in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PII_KEYS: `k1:${KEY}`, PII_INDEX_KEY: KEY, SEED_DEMO: 'true' }),
    ).toThrow(/SEED_DEMO/);
  });

  it('requires the Alibaba Cloud credentials when that SMS provider is chosen in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', PII_KEYS: `k1:${KEY}`, PII_INDEX_KEY: KEY, SMS_PROVIDER: 'aliyun' }),
    ).toThrow(/ALIYUN_SMS_ACCESS_KEY_ID/);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PII_INDEX_KEY: 'short' })).toThrow(/PII_INDEX_KEY/);
  });
});
