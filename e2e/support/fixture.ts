import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/main.js';
import { launchBrowser } from './browser.js';
import { startE2eServer } from './server.js';
import * as ui from './ui.js';

/** What a spec file gets from {@link useE2e}: the running server's URL, the browser and logins bound to them. */
export interface E2e {
  /** Base URL of the server (no trailing slash). */
  readonly url: string;
  readonly browser: Browser;
  /** Log a demo staff member into the console on an existing page. */
  staffLogin(page: Page, username: string, password?: string): Promise<void>;
  /** A fresh 1366×768 console page logged in as a demo staff member. */
  consolePage(username: string): Promise<Page>;
  /** An app session token for a phone (SMS code from the dev endpoint). */
  phoneToken(phone: string): Promise<string>;
  /** A 360 px phone page logged in with an app session token. */
  mobilePage(token: string): Promise<Page>;
  /** A JSON API call with a bearer token; throws on any status ≥ 300. */
  apiCall<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  /** The newest SMS code sent to a phone. */
  smsCode(phone: string): Promise<string>;
  /**
   * The server's clock (deps.now and the background job runner): real time until `set` moves it.
   * Only forward (the file's tests share one server); the browser keeps real time.
   */
  readonly clock: { now(): Date; set(at: Date): void };
}

/**
 * The one e2e fixture: call it once at the top of a spec file. It starts one server (demo data,
 * fresh database) and one browser before the file's tests and closes both after them.
 */
export function useE2e(): E2e {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let offsetMs = 0;
  const clock = {
    now: () => new Date(Date.now() + offsetMs),
    set(at: Date) {
      const next = at.getTime() - Date.now();
      if (next < offsetMs) throw new Error(`clock.set(${at.toISOString()}): the test clock only moves forward`);
      offsetMs = next;
    },
  };

  beforeAll(async () => {
    server = await startE2eServer(clock.now);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const running = (): { url: string; browser: Browser } => {
    if (!server || !browser) throw new Error('useE2e(): the server and browser start in beforeAll');
    return { url: server.url, browser };
  };

  return {
    get url() {
      return running().url;
    },
    get browser() {
      return running().browser;
    },
    staffLogin: (page, username, password) => ui.staffLogin(page, running().url, username, password),
    async consolePage(username) {
      const context = await running().browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await ui.staffLogin(page, running().url, username);
      return page;
    },
    phoneToken: (phone) =>
      ui.phoneToken(running().url, phone, () => clock.set(new Date(clock.now().getTime() + 61_000))),
    mobilePage: (token) => ui.mobilePage(running().browser, running().url, token),
    apiCall: <T>(method: string, path: string, token: string, body?: unknown) =>
      ui.apiCall<T>(running().url, method, path, token, body),
    smsCode: (phone) => ui.smsCode(running().url, phone),
    clock,
  };
}
