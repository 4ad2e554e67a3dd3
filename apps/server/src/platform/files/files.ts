import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../errors/app-error.js';
import { storedFiles } from './files.schema.js';

export type FileRow = typeof storedFiles.$inferSelect;
export type FilesDeps = { db: DbOrTx; dataDir: string };

/** Image types accepted, recognised by their first bytes (not by what the client claims). */
export function imageMimeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

const fileDir = (dataDir: string) => path.join(dataDir, 'files');

/**
 * Store an image for an owner: JPEG, PNG or WebP up to `maxBytes`. The bytes are written under
 * DATA_DIR/files before the row, so a row never points at a missing file.
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
  if (input.bytes.length === 0) throw AppError.field(input.field, '请选择图片');
  if (input.bytes.length > input.maxBytes)
    throw AppError.field(input.field, `图片不能超过${Math.floor(input.maxBytes / 1024)}KB`);
  const mime = imageMimeOf(input.bytes);
  if (!mime) throw AppError.field(input.field, '只支持 JPG、PNG、WebP 图片');
  const id = randomUUID();
  await mkdir(fileDir(deps.dataDir), { recursive: true });
  await writeFile(path.join(fileDir(deps.dataDir), id), input.bytes, { flag: 'wx' });
  const [row] = await deps.db
    .insert(storedFiles)
    .values({
      id,
      ownerKind: input.ownerKind,
      ownerId: input.ownerId,
      purpose: input.purpose,
      mime,
      sizeBytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
    })
    .returning();
  if (!row) throw new Error('storeImage returned no row');
  return row;
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const rows = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  return rows[0];
}

/** The bytes of a stored file. */
export async function readFileBytes(dataDir: string, row: FileRow): Promise<Buffer> {
  return readFile(path.join(fileDir(dataDir), row.id));
}
