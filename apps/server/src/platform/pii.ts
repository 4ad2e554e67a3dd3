import type { Config } from '../config.js';
import {
  createBlindIndexer,
  createFileCipher,
  createPiiCipher,
  loadOrCreateDevKeys,
  parseKeyRing,
  type FileCipher,
} from './crypto/index.js';

export type BlindIndexKind = 'phone' | 'id_number' | 'uscc';

/** Personal-data primitives handed to services: encrypt at rest, decrypt, exact-lookup index. */
export type Pii = {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  index(kind: BlindIndexKind, value: string): string;
  /** Stored files (photos, evidence): sealed with the same key ring, bound to the file id. */
  files: FileCipher;
};

/**
 * Keys come from PII_KEYS / PII_INDEX_KEY; outside production a development key ring is created
 * once under DATA_DIR (production refuses to start without keys, see config.ts).
 */
export function createPii(config: Pick<Config, 'pii' | 'dataDir' | 'env'>): Pii {
  let keys;
  let activeKeyId;
  let indexKeyHex;
  if (config.pii.keysSpec && config.pii.indexKeyHex) {
    keys = parseKeyRing(config.pii.keysSpec);
    activeKeyId = config.pii.activeKeyId ?? keys[0]?.id;
    indexKeyHex = config.pii.indexKeyHex;
  } else {
    if (config.env === 'production') throw new Error('PII keys are required in production');
    const dev = loadOrCreateDevKeys(config.dataDir);
    keys = dev.keys;
    activeKeyId = dev.activeKeyId;
    indexKeyHex = dev.blindIndexKeyHex;
  }
  if (!activeKeyId) throw new Error('PII key ring is empty');
  const cipher = createPiiCipher({ keys, activeKeyId });
  const indexer = createBlindIndexer({ keyHex: indexKeyHex });
  return {
    encrypt: (plain) => cipher.encrypt(plain),
    decrypt: (token) => cipher.decrypt(token),
    index: (kind, value) => indexer.index(kind, value),
    files: createFileCipher({ keys, activeKeyId }),
  };
}
