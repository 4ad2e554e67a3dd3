import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { isSealedFile, type FileCipher } from '../crypto/index.js';
import { storedFiles } from './files.schema.js';
import { FILE_ENCRYPTION, filePath } from './files.js';

export type EncryptReport = { sealed: number; alreadySealed: number; missing: string[]; mismatched: string[] };

/**
 * Seal every file stored before encryption (rows with `encryption` null). Per file: check the
 * plaintext against the recorded SHA-256, write the sealed copy beside it, rename it over the
 * original, then mark the row. A crash in between leaves a sealed file under an unmarked row,
 * which reads fine (the envelope is recognised) and is marked on the next run.
 */
export async function encryptLegacyFiles(deps: { db: DbOrTx; dataDir: string; pii: { files: FileCipher } }) {
  const report: EncryptReport = { sealed: 0, alreadySealed: 0, missing: [], mismatched: [] };
  const rows = await deps.db.select().from(storedFiles).where(isNull(storedFiles.encryption));
  for (const row of rows) {
    const target = filePath(deps.dataDir, row.id);
    const stored = await readFile(target).catch(() => null);
    if (!stored) {
      report.missing.push(row.id);
      continue;
    }
    if (isSealedFile(stored)) {
      deps.pii.files.open(row.id, stored); // throws if it is not ours
      report.alreadySealed++;
    } else {
      if (createHash('sha256').update(stored).digest('hex') !== row.sha256) {
        report.mismatched.push(row.id);
        continue;
      }
      const tmp = `${target}.sealing`;
      await writeFile(tmp, deps.pii.files.seal(row.id, stored), { mode: 0o600 });
      await rename(tmp, target).catch(async (err: unknown) => {
        await rm(tmp, { force: true });
        throw err;
      });
      report.sealed++;
    }
    await deps.db
      .update(storedFiles)
      .set({ encryption: FILE_ENCRYPTION })
      .where(and(eq(storedFiles.id, row.id), isNull(storedFiles.encryption)));
  }
  return report;
}
