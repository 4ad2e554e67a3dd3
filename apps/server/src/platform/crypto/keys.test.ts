import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPiiCipher } from './envelope.js';
import { loadOrCreateDevKeys, parseKeyRing } from './keys.js';

const hexA = 'a'.repeat(64);
const hexB = '0123456789abcdef'.repeat(4);
const created: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lingong-keys-'));
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadOrCreateDevKeys', () => {
  it('creates keys.json once with mode 0600 and returns the same keys afterwards', () => {
    const dir = join(tempDir(), 'data');
    const first = loadOrCreateDevKeys(dir);
    expect(first.activeKeyId).toBe('dev1');
    expect(first.keys).toEqual([{ id: 'dev1', keyHex: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(first.blindIndexKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(first.blindIndexKeyHex).not.toBe(first.keys[0]?.keyHex);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);

    const second = loadOrCreateDevKeys(dir);
    expect(second).toEqual(first);
    const token = createPiiCipher(first).encrypt('张三');
    expect(createPiiCipher(second).decrypt(token)).toBe('张三');
  });

  it('refuses a corrupt key file instead of replacing it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ activeKeyId: 'dev1', keys: [], blindIndexKeyHex: hexA }));
    expect(() => loadOrCreateDevKeys(dir)).toThrow(/not a valid key file/);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toContain('"keys":[]');
  });

  it('refuses a file whose active key is missing', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'keys.json'),
      JSON.stringify({ activeKeyId: 'k2', keys: [{ id: 'k1', keyHex: hexA }], blindIndexKeyHex: hexA }),
    );
    expect(() => loadOrCreateDevKeys(dir)).toThrow(/activeKeyId "k2"/);
  });
});

describe('parseKeyRing', () => {
  it('parses one or more id:hex entries, tolerating spaces', () => {
    expect(parseKeyRing(`k1:${hexA}`)).toEqual([{ id: 'k1', keyHex: hexA }]);
    expect(parseKeyRing(` k1:${hexA} , 2025-06:${hexB} ,`)).toEqual([
      { id: 'k1', keyHex: hexA },
      { id: '2025-06', keyHex: hexB },
    ]);
  });

  it('explains what is wrong', () => {
    expect(() => parseKeyRing('')).toThrow(/empty/);
    expect(() => parseKeyRing(hexA)).toThrow(/entry 1 must look like/);
    expect(() => parseKeyRing(`k1:${hexA},k2:abc`)).toThrow(/entry 2 \("k2"\): key must be 64 hex chars .* got 3/);
    expect(() => parseKeyRing(`k.1:${hexA}`)).toThrow(/key id "k.1"/);
    expect(() => parseKeyRing(`k1:${hexA},k1:${hexB}`)).toThrow(/appears twice/);
  });
});
