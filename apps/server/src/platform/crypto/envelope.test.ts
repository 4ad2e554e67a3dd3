import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, PiiDecryptError } from './envelope.js';

const hex = () => randomBytes(32).toString('hex');
const k1 = { id: 'k1', keyHex: hex() };
const k2 = { id: 'k2', keyHex: hex() };
const cipher = createPiiCipher({ keys: [k1], activeKeyId: 'k1' });

/** Replaces the char at i of the base64url body with a different valid char. */
function flipChar(token: string, i: number): string {
  const c = token.charAt(i);
  return token.slice(0, i) + (c === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

describe('createPiiCipher', () => {
  it('round-trips Chinese text, empty strings and long values', () => {
    for (const plain of ['广西壮族自治区柳州市鹿寨县中渡镇长盛村12号', '', '11010519491231002X', '𠀀'.repeat(500)]) {
      const token = cipher.encrypt(plain);
      expect(token).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
      expect(cipher.decrypt(token)).toBe(plain);
    }
  });

  it('uses a fresh IV per call, so equal plaintexts give different tokens', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]?.slice(0, 22)).not.toBe(b.split('.')[2]?.slice(0, 22));
  });

  it('does not reveal the plaintext in the token', () => {
    const token = cipher.encrypt('13812345678');
    expect(token).not.toContain('13812345678');
    expect(Buffer.from(token.split('.')[2] ?? '', 'base64url').toString('latin1')).not.toContain('13812345678');
  });

  it('detects every changed char of the body', () => {
    const token = cipher.encrypt('张三');
    const start = 'v1.k1.'.length;
    for (let i = start; i < token.length; i++) {
      expect(() => cipher.decrypt(flipChar(token, i))).toThrow(PiiDecryptError);
    }
  });

  it('detects truncation, extension and malformed tokens', () => {
    const token = cipher.encrypt('张三');
    for (const bad of [
      token.slice(0, -4),
      `${token}AAAA`,
      'v1.k1.',
      'v1.k1',
      'garbage',
      `${token}.x`,
      token.replace('v1.', 'v2.'),
      `${token.slice(0, -1)}=`,
    ]) {
      expect(() => cipher.decrypt(bad)).toThrow(PiiDecryptError);
    }
  });

  it('rejects a token whose key id was changed, known or unknown', () => {
    const both = createPiiCipher({ keys: [k1, k2], activeKeyId: 'k1' });
    const token = both.encrypt('张三');
    expect(() => both.decrypt(token.replace('.k1.', '.k2.'))).toThrow(/authentication/);
    expect(() => both.decrypt(token.replace('.k1.', '.k9.'))).toThrow(/unknown PII key id "k9"/);
  });

  it('rejects a token made with a different key under the same id', () => {
    const other = createPiiCipher({ keys: [{ id: 'k1', keyHex: hex() }], activeKeyId: 'k1' });
    expect(() => cipher.decrypt(other.encrypt('张三'))).toThrow(PiiDecryptError);
  });

  it('decrypts old tokens after rotation and encrypts with the new key', () => {
    const old = cipher.encrypt('李四');
    const rotated = createPiiCipher({ keys: [k1, k2], activeKeyId: 'k2' });
    expect(rotated.decrypt(old)).toBe('李四');
    const fresh = rotated.encrypt('李四');
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(() => cipher.decrypt(fresh)).toThrow(/unknown PII key id/);
  });

  it('passes null and undefined through the nullable variants', () => {
    expect(cipher.encryptNullable(null)).toBeNull();
    expect(cipher.encryptNullable(undefined)).toBeNull();
    expect(cipher.decryptNullable(null)).toBeNull();
    expect(cipher.decryptNullable(cipher.encryptNullable('王五'))).toBe('王五');
  });

  it('refuses a bad key ring', () => {
    expect(() => createPiiCipher({ keys: [], activeKeyId: 'k1' })).toThrow(/empty/);
    expect(() => createPiiCipher({ keys: [k1], activeKeyId: 'k2' })).toThrow(/not in the key ring/);
    expect(() => createPiiCipher({ keys: [k1, { id: 'k1', keyHex: hex() }], activeKeyId: 'k1' })).toThrow(/twice/);
    expect(() => createPiiCipher({ keys: [{ id: 'k1', keyHex: 'abcd' }], activeKeyId: 'k1' })).toThrow(/64 hex/);
    expect(() => createPiiCipher({ keys: [{ id: 'a.b', keyHex: hex() }], activeKeyId: 'a.b' })).toThrow(/key id/);
  });
});
