import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey, isValidKeyHex, isValidKeyId, PiiDecryptError, type PiiKey } from './envelope.js';

/**
 * File envelope, the same 国密 construction as the PII fields (SM4-CTR + HMAC-SM3,
 * encrypt-then-MAC) with keys derived from the same key ring under file-specific HKDF labels, so
 * rotating or destroying the PII keys covers stored files too.
 *
 * Layout: "LGFE" | version 0x01 | keyId length | keyId | iv (16) | ciphertext | tag (32).
 * The tag covers everything before it plus the file id, so a file moved onto another id fails.
 */

export interface FileCipher {
  seal(fileId: string, plain: Buffer): Buffer;
  open(fileId: string, sealed: Buffer): Buffer;
}

const MAGIC = Buffer.from('LGFE', 'latin1');
const VERSION = 0x01;
const IV_BYTES = 16;
const TAG_BYTES = 32;
const INFO_ENC = 'lingong/file/sm4-ctr/v1';
const INFO_MAC = 'lingong/file/hmac-sm3/v1';

/** Whether stored bytes carry the file envelope (legacy plaintext files do not). */
export function isSealedFile(bytes: Buffer): boolean {
  return bytes.length > MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function createFileCipher({ keys, activeKeyId }: { keys: readonly PiiKey[]; activeKeyId: string }): FileCipher {
  const ring = new Map<string, { encKey: Buffer; macKey: Buffer }>();
  for (const k of keys) {
    if (!isValidKeyId(k.id) || !isValidKeyHex(k.keyHex)) throw new Error(`invalid key "${k.id}"`);
    const master = Buffer.from(k.keyHex, 'hex');
    ring.set(k.id, { encKey: deriveKey(master, INFO_ENC, 16), macKey: deriveKey(master, INFO_MAC, 32) });
  }
  const active = ring.get(activeKeyId);
  if (!active) throw new Error(`active key id "${activeKeyId}" is not in the key ring`);
  const mac = (macKey: Buffer, fileId: string, head: Buffer, ct: Buffer) =>
    createHmac('sm3', macKey).update(head).update(ct).update(Buffer.from(fileId, 'utf8')).digest();

  return {
    seal(fileId, plain) {
      const id = Buffer.from(activeKeyId, 'utf8');
      const iv = randomBytes(IV_BYTES);
      const head = Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, iv]);
      const cipher = createCipheriv('sm4-ctr', active.encKey, iv);
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([head, ct, mac(active.macKey, fileId, head, ct)]);
    },
    open(fileId, sealed) {
      if (!isSealedFile(sealed) || sealed.length < MAGIC.length + 2) throw new PiiDecryptError('not a sealed file');
      if (sealed[MAGIC.length] !== VERSION) throw new PiiDecryptError('unsupported file envelope version');
      const idLen = sealed[MAGIC.length + 1] ?? 0;
      const idStart = MAGIC.length + 2;
      const headLen = idStart + idLen + IV_BYTES;
      if (sealed.length < headLen + TAG_BYTES) throw new PiiDecryptError('truncated sealed file');
      const keyId = sealed.toString('utf8', idStart, idStart + idLen);
      const key = ring.get(keyId);
      if (!key) throw new PiiDecryptError(`unknown key id "${keyId}"`);
      const head = sealed.subarray(0, headLen);
      const ct = sealed.subarray(headLen, sealed.length - TAG_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      if (!timingSafeEqual(tag, mac(key.macKey, fileId, head, ct)))
        throw new PiiDecryptError('sealed file failed authentication (tampered, moved or wrong key)');
      const decipher = createDecipheriv('sm4-ctr', key.encKey, head.subarray(headLen - IV_BYTES));
      return Buffer.concat([decipher.update(ct), decipher.final()]);
    },
  };
}
