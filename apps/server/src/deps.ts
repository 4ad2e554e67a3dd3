import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Pii } from './platform/pii.js';
import type { SmsProvider } from './platform/sms/sms-provider.js';

/** What the app and every module plugin receive: configuration, the database and the outside services. */
export type AppDeps = {
  config: Config;
  database: Database;
  pii: Pii;
  sms: SmsProvider;
  now: () => Date;
};
