import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * PII envelope: SM4-CTR + HMAC-SM3, encrypt-then-MAC. Token: `v1.<keyId>.<base64url(iv|ct|tag)>`.
 * The MAC covers version byte || keyId length byte || keyId || iv || ct.
 */

export interface PiiKey {
  /** 1-32 chars of [A-Za-z0-9_-]; stored in every token. */
  id: string;
  /** 32-byte master key, 64 hex chars. */
  keyHex: string;
}

export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  encryptNullable(plain: string | null | undefined): string | null;
  decryptNullable(token: string | null | undefined): string | null;
}

export class PiiDecryptError extends Error {
  override readonly name = 'PiiDecryptError';
}

const VERSION = 'v1';
const VERSION_BYTE = 0x01;
const IV_BYTES = 16;
const TAG_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_HEX = /^[0-9a-fA-F]{64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const INFO_ENC = 'lingong/pii/sm4-ctr/v1';
const INFO_MAC = 'lingong/pii/hmac-sm3/v1';

export function isValidKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

export function isValidKeyHex(hex: string): boolean {
  return KEY_HEX.test(hex);
}

/** HKDF-SM3 (RFC 5869) from a master key, empty salt. */
export function deriveKey(master: Buffer, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, length));
}

interface DerivedKey {
  encKey: Buffer;
  macKey: Buffer;
}

function deriveKeys(keyHex: string): DerivedKey {
  const master = Buffer.from(keyHex, 'hex');
  return { encKey: deriveKey(master, INFO_ENC, 16), macKey: deriveKey(master, INFO_MAC, 32) };
}

function mac(macKey: Buffer, keyId: string, iv: Buffer, ct: Buffer): Buffer {
  const id = Buffer.from(keyId, 'utf8');
  return createHmac('sm3', macKey)
    .update(Buffer.from([VERSION_BYTE, id.length]))
    .update(id)
    .update(iv)
    .update(ct)
    .digest();
}

/**
 * Encrypts with the active key and decrypts with any key in the ring, so keys can rotate:
 * add a new key, make it active, re-encrypt at leisure, then drop the old one.
 */
export function createPiiCipher({ keys, activeKeyId }: { keys: readonly PiiKey[]; activeKeyId: string }): PiiCipher {
  if (keys.length === 0) throw new Error('PII key ring is empty');
  const ring = new Map<string, DerivedKey>();
  for (const k of keys) {
    if (!isValidKeyId(k.id)) throw new Error(`PII key id "${k.id}" must be 1-32 chars of A-Z a-z 0-9 _ -`);
    if (!isValidKeyHex(k.keyHex)) throw new Error(`PII key "${k.id}" must be 64 hex chars (32 bytes)`);
    if (ring.has(k.id)) throw new Error(`PII key id "${k.id}" appears twice`);
    ring.set(k.id, deriveKeys(k.keyHex));
  }
  const found = ring.get(activeKeyId);
  if (!found) throw new Error(`active PII key id "${activeKeyId}" is not in the key ring`);
  const active: DerivedKey = found;

  function encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', active.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = mac(active.macKey, activeKeyId, iv, ct);
    return `${VERSION}.${activeKeyId}.${Buffer.concat([iv, ct, tag]).toString('base64url')}`;
  }

  function decrypt(token: string): string {
    const parts = token.split('.');
    const [version, keyId, body] = parts;
    if (parts.length !== 3 || version === undefined || keyId === undefined || body === undefined) {
      throw new PiiDecryptError('malformed PII token');
    }
    if (version !== VERSION) throw new PiiDecryptError(`unsupported PII token version "${version}"`);
    const key = ring.get(keyId);
    if (!key) throw new PiiDecryptError(`unknown PII key id "${keyId}"`);
    if (!BASE64URL.test(body)) throw new PiiDecryptError('malformed PII token body');
    const raw = Buffer.from(body, 'base64url');
    // Reject non-canonical encodings so that every changed char is detected.
    if (raw.length < IV_BYTES + TAG_BYTES || raw.toString('base64url') !== body) {
      throw new PiiDecryptError('malformed PII token body');
    }
    const iv = raw.subarray(0, IV_BYTES);
    const ct = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    if (!timingSafeEqual(tag, mac(key.macKey, keyId, iv, ct))) {
      throw new PiiDecryptError('PII token failed authentication (tampered or wrong key)');
    }
    const decipher = createDecipheriv('sm4-ctr', key.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }

  return {
    encrypt,
    decrypt,
    encryptNullable: (plain) => (plain == null ? null : encrypt(plain)),
    decryptNullable: (token) => (token == null ? null : decrypt(token)),
  };
}
