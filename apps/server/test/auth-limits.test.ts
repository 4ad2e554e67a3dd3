import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestContext } from './support/index.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ SMS_IP_LIMIT_PER_HOUR: '3', AUTH_RATE_LIMIT_PER_MIN: '5' });
});
afterAll(async () => ctx?.close());

type Err = { error: { code: string; message: string } };

describe('abuse limits on the auth endpoints', () => {
  it('caps SMS codes per client IP', async () => {
    for (let i = 1; i <= 3; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/auth/sms-code',
        payload: { phone: `1360000000${i}` },
        remoteAddress: '10.1.1.1',
      });
      expect(res.statusCode).toBe(200);
    }
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/auth/sms-code',
      payload: { phone: '13600000009' },
      remoteAddress: '10.1.1.1',
    });
    expect(res.statusCode).toBe(429);
    expect(json<Err>(res).error.code).toBe('SMS_IP_LIMIT');
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/auth/sms-code',
      payload: { phone: '13600000009' },
      remoteAddress: '10.1.1.2',
    });
    expect(other.statusCode).toBe(200);
  });

  it('rate-limits login attempts per IP with a Chinese 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/auth/login/staff',
        payload: { username: 'nobody', password: 'x' },
        remoteAddress: '10.2.2.2',
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429)
        expect(json<Err>(res).error).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
