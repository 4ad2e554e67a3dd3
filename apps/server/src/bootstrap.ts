import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { createPii, type Pii } from './platform/pii.js';
import { LocalSmsProvider } from './platform/sms/local-sms.js';
import { AliyunSmsProvider } from './platform/sms/aliyun-sms.js';
import type { SmsProvider } from './platform/sms/sms-provider.js';
import { findStaffByUsername, hashPassword, insertStaff } from './modules/accounts/index.js';
import { seedBaseData } from './db/seed-base.js';
import { seedDemo } from '../scripts/demo/seed-demo.js';
import type { AppDeps } from './app.js';

export const LUZHAI_COUNTY = '450223000000';

export function createSmsProvider(config: Config, log?: Pick<FastifyBaseLogger, 'info'>): SmsProvider {
  if (config.sms.provider === 'aliyun') {
    const { accessKeyId, accessKeySecret, templateLogin } = config.sms.aliyun;
    if (!accessKeyId || !accessKeySecret)
      throw new Error('SMS_PROVIDER=aliyun requires ALIYUN_SMS_ACCESS_KEY_ID and ALIYUN_SMS_ACCESS_KEY_SECRET');
    return new AliyunSmsProvider({
      accessKeyId,
      accessKeySecret,
      signName: config.sms.signName,
      templates: { login_code: templateLogin ?? '', sign_code: templateLogin ?? '', notice: '' },
    });
  }
  return new LocalSmsProvider(log);
}

/** Open and migrate the database, seed reference data, and (once) demo data or the first admin. */
export async function prepareDeps(
  config: Config,
  log?: Pick<FastifyBaseLogger, 'info'>,
  now: () => Date = () => new Date(),
): Promise<AppDeps & { seeded: boolean }> {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const pii: Pii = createPii(config);
  const deps: AppDeps = { config, database, pii, sms: createSmsProvider(config, log), now };
  await seedBaseData(database.db);
  let seeded = false;
  if (config.seedDemo) {
    seeded = await seedDemo({ db: database.db, pii }, { workers: 300, employers: 40, jobs: 120, seed: 2025 });
  } else if (config.adminInitialPassword && !(await findStaffByUsername(database.db, 'admin'))) {
    await insertStaff(database.db, {
      username: 'admin',
      name: '系统管理员',
      passwordHash: await hashPassword(config.adminInitialPassword),
      roles: ['admin'],
      regionCode: LUZHAI_COUNTY,
    });
  }
  return { ...deps, seeded };
}
