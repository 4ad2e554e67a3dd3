import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MemoryNonceStore,
  canonicalString,
  hmacSm3Hex,
  signRequest,
  sm3Hex,
  verifyRequest,
} from './exchange-signing.js';

/** HMAC (RFC 2104) written out by hand over SM3 (64-byte block), to check node's HMAC-SM3. */
function referenceHmacSm3(key: Buffer, message: Buffer): string {
  const block = 64;
  const k = key.length > block ? createHash('sm3').update(key).digest() : key;
  const padded = Buffer.concat([k, Buffer.alloc(block - k.length)]);
  const ipad = Buffer.from(padded.map((b) => b ^ 0x36));
  const opad = Buffer.from(padded.map((b) => b ^ 0x5c));
  const inner = createHash('sm3')
    .update(Buffer.concat([ipad, message]))
    .digest();
  return createHash('sm3')
    .update(Buffer.concat([opad, inner]))
    .digest('hex');
}

const SECRET = 'lingong-test-secret-0001';
const FIXED = { clientId: 'luzhai-450223', secret: SECRET, method: 'POST', path: '/api/exchange/v1/records' };

describe('SM3 and HMAC-SM3 test vectors', () => {
  it('SM3 matches the GB/T 32905-2016 examples', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('HMAC-SM3 equals RFC 2104 HMAC built on SM3, for short and long keys', () => {
    for (const key of [Buffer.from(SECRET), Buffer.alloc(100, 0xaa)]) {
      const msg = Buffer.from('1764633600\nnonce\nPOST\n/p\n' + sm3Hex('{}'));
      expect(hmacSm3Hex(key, msg)).toBe(referenceHmacSm3(key, msg));
    }
  });

  it('signs a fixed request to a pinned signature (the vector partners check their code against)', () => {
    const body = '{"dataset":"job_postings","records":[]}';
    const headers = signRequest({
      ...FIXED,
      body,
      now: new Date('2025-12-01T00:00:00Z'),
      nonce: '0123456789abcdef0123456789abcdef',
    });
    expect(
      canonicalString({ ...FIXED, body, timestamp: '1764547200', nonce: '0123456789abcdef0123456789abcdef' }),
    ).toBe(`1764547200\n0123456789abcdef0123456789abcdef\nPOST\n/api/exchange/v1/records\n${sm3Hex(body)}`);
    expect(headers['x-lg-timestamp']).toBe('1764547200');
    expect(headers['x-lg-signature']).toBe(
      referenceHmacSm3(
        Buffer.from(SECRET),
        Buffer.from(`1764547200\n0123456789abcdef0123456789abcdef\nPOST\n/api/exchange/v1/records\n${sm3Hex(body)}`),
      ),
    );
    expect(headers['x-lg-signature']).toBe(PINNED_SIGNATURE);
  });
});

const PINNED_SIGNATURE = 'e1dc7546e58de06e8623fba2ef306db67a4937ca5191315478dff1cbbbb8bcef';

describe('verifyRequest', () => {
  const now = new Date('2025-12-01T00:00:00Z');
  const body = '{"a":1}';
  const secretFor = async (id: string) => (id === FIXED.clientId ? SECRET : null);
  const check = (headers: Record<string, string>, over: Partial<{ body: string; path: string; at: Date }> = {}) =>
    verifyRequest({
      headers,
      method: 'POST',
      path: over.path ?? FIXED.path,
      body: over.body ?? body,
      now: over.at ?? now,
      secretFor,
      nonces: new MemoryNonceStore(),
    });

  it('accepts a good signature and refuses each kind of bad request with its reason', async () => {
    const h = signRequest({ ...FIXED, body, now });
    expect(await check(h)).toEqual({ ok: true, clientId: FIXED.clientId });
    expect(await check({})).toMatchObject({ ok: false, reason: 'SIGNATURE_MISSING' });
    expect(await check({ ...h, 'x-lg-client-id': 'nobody' })).toMatchObject({ ok: false, reason: 'CLIENT_UNKNOWN' });
    expect(await check(h, { body: '{"a":2}' })).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(await check(h, { path: '/other' })).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(await check(h, { at: new Date(now.getTime() + 301_000) })).toMatchObject({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_WINDOW',
    });
    expect(await check(h, { at: new Date(now.getTime() + 299_000) })).toMatchObject({ ok: true });
  });

  it('refuses a replayed nonce within the window, and a forged request does not burn the nonce', async () => {
    const nonces = new MemoryNonceStore();
    const h = signRequest({ ...FIXED, body, now });
    const run = (headers: Record<string, string>) =>
      verifyRequest({ headers, method: 'POST', path: FIXED.path, body, now, secretFor, nonces });
    expect(await run({ ...h, 'x-lg-signature': '0'.repeat(64) })).toMatchObject({ reason: 'SIGNATURE_INVALID' });
    expect(await run(h)).toMatchObject({ ok: true });
    expect(await run(h)).toMatchObject({ ok: false, reason: 'NONCE_REPLAYED' });
  });
});
