import { ACKS_PATH, AcksResponse, RECORDS_PATH, RecordsResponse } from './exchange-protocol.js';
import { signRequest } from './exchange-signing.js';
import type { ExchangeConfig } from './exchange-config.js';
import {
  TransportError,
  type ExchangeTransport,
  type OutboundBatch,
  type TransportOutcome,
} from './exchange-transport.js';

type HttpOptions = Pick<
  ExchangeConfig,
  'endpoint' | 'clientId' | 'secret' | 'sender' | 'templateVersion' | 'timeoutMs'
>;

/** HTTPS JSON with HMAC-SM3 signed requests (see exchange-signing.ts and docs/exchange.md). */
export class HttpJsonTransport implements ExchangeTransport {
  readonly kind = 'http' as const;
  constructor(
    private readonly opts: HttpOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async call(method: 'GET' | 'POST', path: string, query: string, body: string): Promise<unknown> {
    const headers = signRequest({ ...this.opts, method, path: `${path}${query}`, body, now: this.now() });
    let res: Response;
    try {
      res = await fetch(`${this.opts.endpoint}${path}${query}`, {
        method,
        headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        body: method === 'POST' ? body : undefined,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      throw new TransportError(name === 'TimeoutError' ? 'timeout' : `network: ${String(err)}`, true);
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 500 || res.status === 429) throw new TransportError(`HTTP ${res.status}`, true);
    if (res.status === 401) throw new TransportError(`HTTP 401 signature refused: ${text.slice(0, 200)}`, true);
    if (!res.ok) throw new TransportError(`HTTP ${res.status}: ${text.slice(0, 200)}`, true);
    try {
      return JSON.parse(text);
    } catch {
      throw new TransportError('response is not JSON', true);
    }
  }

  async send(batch: OutboundBatch): Promise<TransportOutcome> {
    const body = JSON.stringify({
      sender: this.opts.sender,
      dataset: batch.dataset,
      templateVersion: this.opts.templateVersion,
      records: batch.records,
    });
    const parsed = RecordsResponse.safeParse(await this.call('POST', RECORDS_PATH, '', body));
    if (!parsed.success) throw new TransportError('unexpected response shape', true);
    return { kind: 'results', results: parsed.data.results };
  }

  /** The province's acknowledgement counts of one Shanghai day (daily reconciliation). */
  async acks(date: string): Promise<AcksResponse> {
    const q = `?sender=${encodeURIComponent(this.opts.sender)}&date=${encodeURIComponent(date)}`;
    const parsed = AcksResponse.safeParse(await this.call('GET', ACKS_PATH, q, ''));
    if (!parsed.success) throw new TransportError('unexpected acks shape', true);
    return parsed.data;
  }
}
