// npm run files:encrypt — seal the stored files written before files were encrypted at rest.
// Safe to run again (and after a crash): sealed files are recognised and only their rows marked.
import { encryptLegacyFiles } from '../src/platform/files/files-encrypt.js';
import { openCliContext } from './cli-context.js';

const { config, database, pii } = await openCliContext();
try {
  const report = await encryptLegacyFiles({ db: database.db, dataDir: config.dataDir, pii });
  console.log(`文件加密：本次加密 ${report.sealed} 个，已是密文 ${report.alreadySealed} 个`);
  if (report.missing.length > 0) console.error(`缺少文件 ${report.missing.length} 个：${report.missing.join(', ')}`);
  if (report.mismatched.length > 0) {
    console.error(`内容与登记的 SHA-256 不符（未处理）${report.mismatched.length} 个：${report.mismatched.join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
