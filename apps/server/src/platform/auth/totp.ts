import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sm3Hex } from './tokens.js';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s: what every authenticator app speaks) through otplib. */
export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer = '零工市场'): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * The time step a 6-digit code matches (one step of clock drift either way), or null. The caller
 * accepts each step once (replay protection, see accounts.repository claimTotpStep).
 */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: TOTP_PERIOD });
  if (!result.valid) return null;
  return Math.floor(epoch / TOTP_PERIOD) + result.delta;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes like "k7m2-p9qx"; store only their hashes. */
export function newRecoveryCodes(n = 10): string[] {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: n }, () => `${part()}-${part()}`);
}

export function recoveryCodeHash(code: string): string {
  return sm3Hex(`recovery:${code.trim().toLowerCase()}`);
}
