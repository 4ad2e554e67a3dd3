// npm run exchange:stand-in — the stand-in provincial 数智人社 endpoint for the demo and tests.
// STAND_IN_PORT (3900), STAND_IN_HOST (127.0.0.1), STAND_IN_CLIENTS "clientId:secret[,…]"
// (default: the development credentials the server uses when EXCHANGE_* is unset),
// EXCHANGE_FIELD_MAP (the same code overrides as the server).
import { parseFieldMap } from '../src/modules/exchange/exchange-datasets.js';
import { createStandIn } from '../src/modules/exchange/stand-in/stand-in.js';
import { DEV_EXCHANGE_CLIENT_ID, DEV_EXCHANGE_SECRET } from '../src/modules/exchange/exchange-config.js';

const clients = Object.fromEntries(
  (process.env.STAND_IN_CLIENTS ?? `${DEV_EXCHANGE_CLIENT_ID}:${DEV_EXCHANGE_SECRET}`)
    .split(',')
    .map((pair) => pair.split(':') as [string, string])
    .filter(([id, secret]) => id && secret),
);
const standIn = createStandIn({
  clients,
  fieldMap: parseFieldMap(process.env.EXCHANGE_FIELD_MAP),
  log: (line) => console.log(`[stand-in] ${line}`),
});
const url = await standIn.listen(Number(process.env.STAND_IN_PORT ?? 3900), process.env.STAND_IN_HOST ?? '127.0.0.1');
console.log(`  数智人社 stand-in (not the real province) listening at ${url}`);
console.log(`  clients: ${Object.keys(clients).join(', ')}`);
console.log(`  faults:  curl -X POST ${url}/__control/faults -d '{"mode":"error","times":3}'`);
console.log(`  stats:   curl ${url}/__control/stats`);
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    void standIn.close().then(() => process.exit(0));
  });
