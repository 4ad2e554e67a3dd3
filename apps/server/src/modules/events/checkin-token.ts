import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The rotating QR check-in token of an event: HMAC-SHA256 of the event id and the current
// 5-minute bucket under the event's own secret. The previous bucket stays valid, so a code
// scanned just before it rotates still works.

export const TOKEN_PERIOD_MS = 5 * 60_000;

export const newCheckinSecret = () => randomBytes(24).toString('base64url');

function tokenFor(secret: string, eventId: string, bucket: number): string {
  return createHmac('sha256', secret).update(`${eventId}:${bucket}`).digest('base64url').slice(0, 12);
}

/** The token to show now, and when it stops being shown. */
export function currentToken(secret: string, eventId: string, now: Date): { token: string; expiresAt: Date } {
  const bucket = Math.floor(now.getTime() / TOKEN_PERIOD_MS);
  return { token: tokenFor(secret, eventId, bucket), expiresAt: new Date((bucket + 1) * TOKEN_PERIOD_MS) };
}

/** True for the current or the previous bucket's token. */
export function tokenValid(secret: string, eventId: string, token: string, now: Date): boolean {
  const bucket = Math.floor(now.getTime() / TOKEN_PERIOD_MS);
  const given = Buffer.from(token);
  return [bucket, bucket - 1].some((b) => {
    const expected = Buffer.from(tokenFor(secret, eventId, b));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
