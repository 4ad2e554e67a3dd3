// npm run audit:verify — check the SM3 hash chain of the audit log; exit 1 naming the first broken link.
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { verifyAuditChain } from '../src/platform/audit/audit-chain.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
try {
  const report = await verifyAuditChain(database.db);
  console.log(`审计日志哈希链 (SM3): 已校验 ${report.checked} 条，链前旧条目 ${report.legacy} 条`);
  if (report.ok) {
    console.log(`完整。链尾哈希 ${report.head ?? '（空）'}（请另行记录，以便发现尾部被截断）`);
  } else {
    console.error(`断链：第一处在审计条目 id=${report.broken?.id}：${report.broken?.reason}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
