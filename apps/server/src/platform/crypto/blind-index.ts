import { createHmac } from 'node:crypto';
import { deriveKey, isValidKeyHex } from './envelope.js';

/**
 * Keyed SM3 blind index for exact lookups of encrypted values: HMAC-SM3 over kind || 0x00 ||
 * normalised value, so equal values of different kinds never share an index.
 */

export type BlindIndexKind = 'phone' | 'id_number' | 'uscc';

export interface BlindIndexer {
  /** 64 hex chars. Throws on an empty value (it would match every other empty value). */
  index(kind: BlindIndexKind, value: string): string;
}

const INFO_INDEX = 'lingong/pii/blind-index/v1';

/** The form that is indexed: phones keep digits only (without +86), codes are upper-cased. */
export function normalizeForIndex(kind: BlindIndexKind, value: string): string {
  if (kind === 'phone') {
    const digits = value.replace(/[\s-]/g, '').replace(/^\+/, '');
    return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  }
  return value.trim().toUpperCase();
}

export function createBlindIndexer({ keyHex }: { keyHex: string }): BlindIndexer {
  if (!isValidKeyHex(keyHex)) throw new Error('blind index key must be 64 hex chars (32 bytes)');
  const key = deriveKey(Buffer.from(keyHex, 'hex'), INFO_INDEX, 32);
  return {
    index(kind, value) {
      const normalized = normalizeForIndex(kind, value);
      if (normalized === '') throw new Error(`blind index of an empty ${kind}`);
      return createHmac('sm3', key).update(`${kind}\u0000${normalized}`, 'utf8').digest('hex');
    },
  };
}
