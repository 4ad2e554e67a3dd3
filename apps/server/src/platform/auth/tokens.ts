import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A 256-bit random session token, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SM3 digest (hex): what is stored in place of tokens and codes. */
export function sm3Hex(value: string): string {
  return createHash('sm3').update(value, 'utf8').digest('hex');
}

/** A 6-digit numeric SMS code. */
export function newSmsCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
