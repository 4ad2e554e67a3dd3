import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBlindIndexer } from './blind-index.js';

const keyHex = randomBytes(32).toString('hex');
const indexer = createBlindIndexer({ keyHex });

describe('createBlindIndexer', () => {
  it('is stable across calls and instances with the same key', () => {
    const again = createBlindIndexer({ keyHex });
    const a = indexer.index('phone', '13812345678');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(indexer.index('phone', '13812345678')).toBe(a);
    expect(again.index('phone', '13812345678')).toBe(a);
  });

  it('differs between keys', () => {
    const other = createBlindIndexer({ keyHex: randomBytes(32).toString('hex') });
    expect(other.index('phone', '13812345678')).not.toBe(indexer.index('phone', '13812345678'));
  });

  it('separates kinds for the same value', () => {
    const value = '913501001234567890';
    expect(indexer.index('uscc', value)).not.toBe(indexer.index('id_number', value));
    expect(indexer.index('phone', value)).not.toBe(indexer.index('id_number', value));
  });

  it('normalises ID numbers and codes: spaces and case', () => {
    expect(indexer.index('id_number', ' 11010519491231002x ')).toBe(indexer.index('id_number', '11010519491231002X'));
    expect(indexer.index('uscc', '91350100m000100y43')).toBe(indexer.index('uscc', '91350100M000100Y43'));
  });

  it('normalises phones: spaces, dashes and +86', () => {
    const plain = indexer.index('phone', '13812345678');
    expect(indexer.index('phone', '+86 138-1234-5678')).toBe(plain);
    expect(indexer.index('phone', '8613812345678')).toBe(plain);
    expect(indexer.index('phone', '13812345679')).not.toBe(plain);
  });

  it('refuses empty values and bad keys', () => {
    expect(() => indexer.index('phone', '  ')).toThrow(/empty/);
    expect(() => createBlindIndexer({ keyHex: 'xyz' })).toThrow(/64 hex/);
  });
});
