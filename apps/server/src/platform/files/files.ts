import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { isSealedFile, type FileCipher } from '../crypto/index.js';
import { AppError } from '../errors/app-error.js';
import { storedFiles } from './files.schema.js';
import { hasActiveMarkup, imageInfoOf, isExecutable } from './sniff.js';
import { IMAGE_MAX_PIXELS, IMAGE_MAX_SIDE, tooLargeMessage } from './upload-limits.js';

export { imageMimeOf } from './sniff.js';

export type FileRow = typeof storedFiles.$inferSelect;
export type FilesDeps = { db: DbOrTx; dataDir: string; pii: { files: FileCipher } };

/** The envelope written today (see platform/crypto/file-envelope.ts). */
export const FILE_ENCRYPTION = 'sm4-ctr+hmac-sm3/v1';

const fileDir = (dataDir: string) => path.join(dataDir, 'files');
export const filePath = (dataDir: string, id: string) => path.join(fileDir(dataDir), id);

/**
 * Store an image for an owner: JPEG, PNG or WebP up to `maxBytes`, recognised by its bytes, with
 * sound header dimensions within the pixel limits and no markup a browser could run. Every check
 * comes before any write. The bytes are sealed (encrypted, bound to the file id), written to a
 * temporary name, the row inserted, then the file renamed into place; a failure removes both, so
 * a refused or failed upload leaves neither a row nor a file.
 */
export async function storeImage(
  deps: FilesDeps,
  input: {
    ownerKind: 'user' | 'staff';
    ownerId: string;
    purpose: string;
    bytes: Buffer;
    maxBytes: number;
    field: string;
  },
): Promise<FileRow> {
  const { bytes, field } = input;
  if (bytes.length === 0) throw AppError.field(field, '请选择图片');
  if (bytes.length > input.maxBytes) throw AppError.field(field, tooLargeMessage('image', input.maxBytes));
  if (isExecutable(bytes)) throw AppError.field(field, '不能上传程序文件，请选择 JPG、PNG、WebP 图片');
  const info = imageInfoOf(bytes);
  if (!info) throw AppError.field(field, '只支持 JPG、PNG、WebP 图片');
  if (info.width > IMAGE_MAX_SIDE || info.height > IMAGE_MAX_SIDE || info.width * info.height > IMAGE_MAX_PIXELS)
    throw AppError.field(
      field,
      `图片尺寸过大（${info.width}×${info.height}），边长不能超过${IMAGE_MAX_SIDE}像素、总像素不能超过${IMAGE_MAX_PIXELS / 10_000}万`,
    );
  if (hasActiveMarkup(bytes)) throw AppError.field(field, '图片中含有网页脚本内容，不能上传');

  const id = randomUUID();
  await mkdir(fileDir(deps.dataDir), { recursive: true });
  const final = filePath(deps.dataDir, id);
  const tmp = `${final}.part`;
  try {
    await writeFile(tmp, deps.pii.files.seal(id, bytes), { flag: 'wx', mode: 0o600 });
    const [row] = await deps.db
      .insert(storedFiles)
      .values({
        id,
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        purpose: input.purpose,
        mime: info.mime,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        encryption: FILE_ENCRYPTION,
      })
      .returning();
    if (!row) throw new Error('storeImage returned no row');
    try {
      await rename(tmp, final);
    } catch (err) {
      await deps.db.delete(storedFiles).where(eq(storedFiles.id, id));
      throw err;
    }
    return row;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Remove a file nothing refers to (its upload's action failed afterwards): row and bytes. */
export async function discardFile(deps: { db: DbOrTx; dataDir: string }, id: string): Promise<void> {
  await deps.db.delete(storedFiles).where(eq(storedFiles.id, id));
  await rm(filePath(deps.dataDir, id), { force: true });
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const rows = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  return rows[0];
}

/**
 * The plaintext bytes of a stored file. Sealed files are opened (a tampered or moved file throws);
 * files from before encryption are returned as stored. The envelope's magic decides, so a file
 * sealed by `files:encrypt` whose row was not yet updated still reads.
 */
export async function readFileBytes(
  deps: { dataDir: string; pii: { files: FileCipher } },
  row: FileRow,
): Promise<Buffer> {
  const stored = await readFile(filePath(deps.dataDir, row.id));
  if (row.encryption === null && !isSealedFile(stored)) return stored;
  return deps.pii.files.open(row.id, stored);
}
