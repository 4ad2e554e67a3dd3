import { pathToFileURL } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, productionChecklist } from './config.js';
import { prepareDeps } from './bootstrap.js';
import { createJobRunner } from './background.js';
import { DEMO_LOGINS } from '../scripts/demo/seed-demo.js';

export type RunningServer = { url: string; close(): Promise<void> };

/**
 * Start the whole server; `env` overrides process.env (tests pass PORT=0, DATA_DIR, …). `now` is
 * the server's clock (the e2e fixture passes a test clock it can move forward; never set in production).
 */
export async function startServer(
  env: Record<string, string | undefined> = {},
  options: { now?: () => Date } = {},
): Promise<RunningServer> {
  const config = loadConfig({ ...process.env, ...env });
  // Development: the local SMS provider prints each message (with its code) as the README says;
  // production never logs codes.
  const smsLog =
    config.env === 'production' || config.logLevel === 'silent'
      ? undefined
      : { info: (obj: object, msg?: string) => console.log(`  ${msg ?? ''} ${JSON.stringify(obj)}`) };
  const deps = await prepareDeps(config, smsLog, options.now);
  const app = await buildApp(deps);
  const runner = config.role === 'api' ? null : createJobRunner(deps, (msg, extra) => app.log.warn(extra ?? {}, msg));
  runner?.start();
  let url = '';
  if (config.role !== 'worker') {
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    url = `http://localhost:${typeof address === 'object' && address ? address.port : config.port}`;
  }
  return {
    url,
    close: async () => {
      await runner?.stop();
      await app.close();
      await deps.database.close();
    },
  };
}

function printBanner(url: string, database: string, demo: boolean): void {
  const lines = [
    '',
    '  零工 Lingong — 鹿寨县零工市场',
    `  数据库: ${database}`,
    '',
    `  手机端 (零工/用工主体)  ${url}/`,
    `  管理后台               ${url}/admin/`,
    `  大屏                   ${url}/screen/`,
    `  API 文档               ${url}/api/docs`,
    '',
    ...(demo ? ['  演示账号 (demo logins):', ...DEMO_LOGINS.map((d) => `    ${d.label}：${d.login}`), ''] : []),
  ];
  console.log(lines.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const started = Date.now();
    const config = loadConfig();
    if (config.env === 'production')
      console.log(
        ['  生产模式检查 (production checks):', ...productionChecklist(config).map((l) => `    ${l}`)].join('\n'),
      );
    const server = await startServer();
    if (config.role === 'worker') console.log('  后台任务进程已启动 (ROLE=worker)');
    else
      printBanner(
        server.url,
        config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.dataDir})`,
        config.seedDemo,
      );
    console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
