import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text input of a field by data-testid, whether the id sits on the <input> or on its wrapper (Vant, Element Plus). */
export const field = (page: Page, testId: string): Locator =>
  page
    .locator(
      `input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`,
    )
    .first();

/** Log a demo staff member into the console (password of the demo data). */
export async function staffLogin(
  page: Page,
  baseUrl: string,
  username: string,
  password = 'Lingong@2025',
): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('header-user').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

/** A JSON API call with a bearer token; throws with the body on any status ≥ 300. */
export async function apiCall<T>(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The newest SMS code sent to a phone (local SMS provider's dev endpoint). */
export async function smsCode(baseUrl: string, phone: string): Promise<string> {
  const latest = `${baseUrl}/api/v1/public/dev/sms/latest?phone=${phone}`;
  await expect.poll(async () => (await fetch(latest)).status).toBe(200);
  return ((await (await fetch(latest)).json()) as { code: string }).code;
}

/**
 * Log a phone in through the API (code from the dev endpoint); returns the app session token.
 * A phone that got a code less than 60 s ago (e.g. a UI login earlier in the file) is in the
 * server's cooldown: `onCooldown` moves past it (the fixture advances the server clock), then
 * the code is asked for again. Throws with the server's answer when no session comes back.
 */
export async function phoneToken(
  baseUrl: string,
  phone: string,
  onCooldown?: () => Promise<void> | void,
): Promise<string> {
  const ask = () =>
    fetch(`${baseUrl}/api/v1/public/auth/sms-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone }),
    });
  let sent = await ask();
  if (sent.status === 429 && onCooldown) {
    await onCooldown();
    sent = await ask();
  }
  if (sent.status >= 300) throw new Error(`sms-code for ${phone}: ${sent.status} ${await sent.text()}`);
  const code = await smsCode(baseUrl, phone);
  const res = await fetch(`${baseUrl}/api/v1/public/auth/login/phone`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`login for ${phone}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** A 360 px phone page logged in with an app session token (the lg_app cookie). */
export async function mobilePage(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  await ctx.addCookies([{ name: 'lg_app', value: token, url: baseUrl }]);
  return ctx.newPage();
}
