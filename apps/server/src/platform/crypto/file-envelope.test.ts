import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, PiiDecryptError } from './envelope.js';
import { createFileCipher, isSealedFile } from './file-envelope.js';

const hex = () => randomBytes(32).toString('hex');
const k1 = { id: 'k1', keyHex: hex() };
const k2 = { id: 'k2', keyHex: hex() };
const files = createFileCipher({ keys: [k1], activeKeyId: 'k1' });

describe('createFileCipher', () => {
  it('round-trips bytes; the sealed form holds neither the plaintext nor a repeat of it', () => {
    const id = randomUUID();
    const plain = Buffer.concat([Buffer.from('身份证照片 ID-PHOTO '), randomBytes(5000)]);
    const sealed = files.seal(id, plain);
    expect(isSealedFile(sealed)).toBe(true);
    expect(sealed.includes(plain.subarray(0, 16))).toBe(false);
    expect(sealed.length).toBe(plain.length + 4 + 2 + 2 + 16 + 32);
    expect(files.open(id, sealed).equals(plain)).toBe(true);
    expect(files.seal(id, plain).equals(sealed)).toBe(false); // fresh IV
    expect(files.open(id, files.seal(id, Buffer.alloc(0))).length).toBe(0);
  });

  it('is bound to the file id, detects any changed byte and refuses unknown keys', () => {
    const id = randomUUID();
    const sealed = files.seal(id, randomBytes(300));
    expect(() => files.open(randomUUID(), sealed)).toThrow(PiiDecryptError);
    for (const i of [4, 6, 10, 30, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      expect(() => files.open(id, bad), `byte ${i}`).toThrow(PiiDecryptError);
    }
    expect(() => files.open(id, sealed.subarray(0, 40))).toThrow(PiiDecryptError);
    expect(() => createFileCipher({ keys: [k2], activeKeyId: 'k2' }).open(id, sealed)).toThrow(/unknown key id/);
  });

  it('rotates with the PII key ring: old files open after a new key becomes active', () => {
    const id = randomUUID();
    const old = files.seal(id, Buffer.from('old'));
    const rotated = createFileCipher({ keys: [k1, k2], activeKeyId: 'k2' });
    expect(rotated.open(id, old).toString()).toBe('old');
    expect(rotated.seal(id, Buffer.from('new')).subarray(6, 8).toString()).toBe('k2');
  });

  it('uses keys separate from the PII field keys (same master, other HKDF labels)', () => {
    const pii = createPiiCipher({ keys: [k1], activeKeyId: 'k1' });
    const id = randomUUID();
    const sealed = files.seal(id, Buffer.from('13812345678'));
    const body = sealed.subarray(8); // iv | ct | tag
    expect(() => pii.decrypt(`v1.k1.${body.toString('base64url')}`)).toThrow(PiiDecryptError);
  });
});
