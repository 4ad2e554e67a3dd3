import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Request signing shared by the provincial exchange (outbound), the stand-in provincial server
 * and the open API for partner systems (inbound): HMAC-SM3 over
 *
 *   timestamp "\n" nonce "\n" METHOD "\n" path "\n" hex(SM3(body))
 *
 * with the client's secret, hex-encoded, sent in four headers. A request is accepted when the
 * timestamp is within the replay window of the receiver's clock and the nonce was not seen in
 * that window. Method and path are signed too, so a body cannot be replayed against another
 * endpoint.
 */

export const SIGNATURE_HEADERS = {
  clientId: 'x-lg-client-id',
  timestamp: 'x-lg-timestamp',
  nonce: 'x-lg-nonce',
  signature: 'x-lg-signature',
} as const;

/** Default replay window: a timestamp more than 300 s away from the receiver's clock is refused. */
export const REPLAY_WINDOW_SECONDS = 300;

const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3Hex(secret: string | Buffer, data: string | Buffer): string {
  return createHmac('sm3', secret).update(data).digest('hex');
}

/** The exact string that is signed. */
export function canonicalString(input: {
  timestamp: string;
  nonce: string;
  method: string;
  path: string;
  body: string | Buffer;
}): string {
  return [input.timestamp, input.nonce, input.method.toUpperCase(), input.path, sm3Hex(input.body)].join('\n');
}

/** The four headers of a signed request. `now` and `nonce` are injectable for test vectors. */
export function signRequest(input: {
  clientId: string;
  secret: string;
  method: string;
  path: string;
  body: string | Buffer;
  now?: Date;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(Math.floor((input.now ?? new Date()).getTime() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const signature = hmacSm3Hex(input.secret, canonicalString({ ...input, timestamp, nonce }));
  return {
    [SIGNATURE_HEADERS.clientId]: input.clientId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}

/** Why a signed request was refused; the receiver maps each to its error code. */
export type SignatureFailure =
  'SIGNATURE_MISSING' | 'CLIENT_UNKNOWN' | 'TIMESTAMP_OUT_OF_WINDOW' | 'NONCE_REPLAYED' | 'SIGNATURE_INVALID';

export type VerifyResult = { ok: true; clientId: string } | { ok: false; reason: SignatureFailure; clientId?: string };

/**
 * Nonces seen within the replay window. `remember` returns false when the nonce was already
 * seen for this client (a replay). The stand-in keeps them in memory; the open API in the
 * database, so every API process shares them.
 */
export interface NonceStore {
  remember(clientId: string, nonce: string, expiresAt: Date): Promise<boolean>;
}

export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();
  async remember(clientId: string, nonce: string, expiresAt: Date): Promise<boolean> {
    const now = Date.now();
    if (this.seen.size > 10_000) for (const [k, exp] of this.seen) if (exp < now) this.seen.delete(k);
    const key = `${clientId}\u0000${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, expiresAt.getTime());
    return true;
  }
}

/**
 * Check a signed request. The signature is checked before the nonce is remembered, so a forged
 * request cannot burn a legitimate client's nonce.
 */
export async function verifyRequest(input: {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  path: string;
  body: string | Buffer;
  now: Date;
  secretFor: (clientId: string) => Promise<string | null>;
  nonces: NonceStore;
  windowSeconds?: number;
}): Promise<VerifyResult> {
  const header = (name: string) => {
    const v = input.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const clientId = header(SIGNATURE_HEADERS.clientId);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (!clientId || !timestamp || !nonce || !signature) return { ok: false, reason: 'SIGNATURE_MISSING' };
  if (!/^\d{1,12}$/.test(timestamp) || !NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'SIGNATURE_MISSING', clientId };
  const secret = await input.secretFor(clientId);
  if (!secret) return { ok: false, reason: 'CLIENT_UNKNOWN', clientId };
  const window = input.windowSeconds ?? REPLAY_WINDOW_SECONDS;
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > window) return { ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW', clientId };
  const expected = Buffer.from(hmacSm3Hex(secret, canonicalString({ ...input, timestamp, nonce })), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return { ok: false, reason: 'SIGNATURE_INVALID', clientId };
  const fresh = await input.nonces.remember(clientId, nonce, new Date(input.now.getTime() + window * 2000));
  if (!fresh) return { ok: false, reason: 'NONCE_REPLAYED', clientId };
  return { ok: true, clientId };
}
