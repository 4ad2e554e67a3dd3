import type { ExchangeConfig } from './exchange-config.js';
import { ExcelFileTransport } from './exchange-file-transport.js';
import { HttpJsonTransport } from './exchange-http-transport.js';
import type { ExchangeTransport } from './exchange-transport.js';

/** The configured transport, or null when EXCHANGE_TRANSPORT=off (records are collected only). */
export function createTransport(cfg: ExchangeConfig, now: () => Date): ExchangeTransport | null {
  if (cfg.transport === 'http') return new HttpJsonTransport(cfg, now);
  if (cfg.transport === 'file') return new ExcelFileTransport(cfg, now);
  return null;
}
