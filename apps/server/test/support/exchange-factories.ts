import type { ExchangeConfig } from '../../src/modules/exchange/exchange-config.js';
import { createTransport, runExchange } from '../../src/modules/exchange/index.js';
import { createStandIn, type StandIn } from '../../src/modules/exchange/stand-in/stand-in.js';
import type { TestContext } from './test-app.js';

// The stand-in provincial server in the test process, and one delivery run of the app under test.

export const EXCHANGE_CLIENT = { id: 'luzhai-test', secret: 'exchange-test-secret-0001' };

/** A stand-in on a free loopback port whose clock is the test clock (for the replay window). */
export async function startStandIn(clock: () => Date): Promise<{ standIn: StandIn; url: string }> {
  const standIn = createStandIn({ clients: { [EXCHANGE_CLIENT.id]: EXCHANGE_CLIENT.secret }, now: clock });
  const url = await standIn.listen(0);
  return { standIn, url };
}

/** Environment that points the app under test at the stand-in over signed HTTP. */
export function exchangeEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    EXCHANGE_TRANSPORT: 'http',
    EXCHANGE_ENDPOINT: url,
    EXCHANGE_CLIENT_ID: EXCHANGE_CLIENT.id,
    EXCHANGE_SECRET: EXCHANGE_CLIENT.secret,
    EXCHANGE_RETRY_BASE_MS: '10000',
    EXCHANGE_TIMEOUT_MS: '4000',
    EXCHANGE_MAX_ATTEMPTS: '3',
    ...extra,
  };
}

/** One delivery run (what the background job does), optionally with another configuration. */
export function deliver(ctx: TestContext, over: Partial<ExchangeConfig> = {}) {
  const config = { ...ctx.deps.config.exchange, ...over };
  return runExchange({
    db: ctx.deps.database.db,
    pii: ctx.deps.pii,
    config,
    transport: createTransport(config, ctx.deps.now),
    now: ctx.deps.now,
  });
}
