import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isValidKeyHex, isValidKeyId, type PiiKey } from './envelope.js';

export interface PiiKeyConfig {
  keys: PiiKey[];
  activeKeyId: string;
  blindIndexKeyHex: string;
}

const KeyHex = z.string().refine(isValidKeyHex, 'must be 64 hex chars');
const KeysFile = z.object({
  activeKeyId: z.string().refine(isValidKeyId, 'invalid key id'),
  keys: z.array(z.object({ id: z.string().refine(isValidKeyId, 'invalid key id'), keyHex: KeyHex })).min(1),
  blindIndexKeyHex: KeyHex,
});

const DEV_KEY_ID = 'dev1';

/**
 * Development only: reads `<dataDir>/keys.json`, creating it once (mode 0600) with random keys.
 * Losing this file makes the encrypted data in `dataDir` unreadable.
 */
export function loadOrCreateDevKeys(dataDir: string): PiiKeyConfig {
  const file = join(dataDir, 'keys.json');
  const created: PiiKeyConfig = {
    activeKeyId: DEV_KEY_ID,
    keys: [{ id: DEV_KEY_ID, keyHex: randomBytes(32).toString('hex') }],
    blindIndexKeyHex: randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together cannot overwrite each other.
    writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return created;
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err;
  }
  const parsed = KeysFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid key file: ${z.prettifyError(parsed.error)}`);
  if (!parsed.data.keys.some((k) => k.id === parsed.data.activeKeyId)) {
    throw new Error(`${file}: activeKeyId "${parsed.data.activeKeyId}" is not among its keys`);
  }
  return parsed.data;
}

/** Parses a PII_KEYS-style ring `id1:hex64,id2:hex64`; errors are meant for operators. */
export function parseKeyRing(env: string): PiiKey[] {
  const entries = env
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new Error('PII key ring is empty; expected "id:hex64[,id:hex64...]"');
  const keys: PiiKey[] = [];
  entries.forEach((entry, i) => {
    const sep = entry.indexOf(':');
    const id = sep < 0 ? '' : entry.slice(0, sep).trim();
    const keyHex = sep < 0 ? '' : entry.slice(sep + 1).trim();
    const where = `PII key ring entry ${i + 1}`;
    if (sep < 0) throw new Error(`${where} must look like "<id>:<64 hex chars>"`);
    if (!isValidKeyId(id)) throw new Error(`${where}: key id "${id}" must be 1-32 chars of A-Z a-z 0-9 _ -`);
    if (!isValidKeyHex(keyHex)) {
      throw new Error(`${where} ("${id}"): key must be 64 hex chars (32 bytes), got ${keyHex.length} chars`);
    }
    if (keys.some((k) => k.id === id)) throw new Error(`${where}: key id "${id}" appears twice`);
    keys.push({ id, keyHex });
  });
  return keys;
}
