import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../apps/server/src/main.js';
import { launchBrowser, snap } from './support/browser.js';
import { startE2eServer } from './support/server.js';
import { staffLogin } from './support/ui.js';

// Issue 13: the hall screen on demo data at 1920×1080 and on a 4K wall (no "—", no placeholder,
// legible type, survives a network drop), and the console page 供需监测 with its drill-down.

let server: RunningServer;
let browser: Browser;
const J = 'monitoring';
/** Text the screen showed before it had data; none of it may appear now. */
const PLACEHOLDERS = ['—', '登记数据接入后实时展示', '对接数据接入后实时展示', '加载中', '暂无驿站数据'];

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openScreen(page: Page): Promise<string> {
  await page.goto(`${server.url}/screen/`);
  await expect.poll(() => page.getByTestId('screen-main').count(), { timeout: 20_000 }).toBe(1);
  // The first refresh of the rollups runs in the background right after start.
  await expect
    .poll(async () => Number.parseInt((await page.getByTestId('screen-open-places').textContent()) ?? '0', 10), {
      timeout: 30_000,
      interval: 1000,
    })
    .toBeGreaterThan(0);
  return (await page.locator('body').innerText()) ?? '';
}

/** The smallest computed font size (px) of visible text, measured in stage pixels (before scaling). */
async function smallestText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    const walker = document.createTreeWalker(document.querySelector('.stage') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('[aria-hidden="true"]')) continue;
      if (el.getClientRects().length === 0) continue;
      min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

describe('hall screen', () => {
  it('shows registrations, matchmakings, places by 工种 and the town map at 1920×1080 with no placeholder', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const text = await openScreen(page);
    for (const p of PLACEHOLDERS) expect(text).not.toContain(p);
    expect(await page.getByTestId('screen-registrations').innerText()).toMatch(/本年累计/);
    expect(await page.getByTestId('screen-registrations').innerText()).toMatch(/年度目标 \d+人/);
    expect(await page.getByTestId('screen-reading').innerText()).toMatch(/^本周/);
    expect(await page.getByTestId('screen-stations').locator('li').count()).toBeGreaterThan(0);
    const headline = await page
      .getByTestId('screen-open-places')
      .locator('.stat__value')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(headline).toBeGreaterThanOrEqual(64);
    expect(await smallestText(page)).toBeGreaterThanOrEqual(28);
    await snap(page, J, '01-screen-1080p');

    // A network drop: the figures stay, marked as the last data, and come back after.
    await page.route('**/api/v1/public/**', (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('screen-offline').count(), { timeout: 45_000, interval: 1000 }).toBe(1);
    expect(await page.getByTestId('screen-main').count()).toBe(1);
    await snap(page, J, '02-screen-offline');
    await page.reload();
    await expect.poll(() => page.getByTestId('screen-main').count(), { timeout: 10_000 }).toBe(1);
    await page.unroute('**/api/v1/public/**');
    await expect.poll(() => page.getByTestId('screen-updated').count(), { timeout: 30_000, interval: 1000 }).toBe(1);
    await ctx.close();
  });

  it('fills a 4K wall without placeholder text', async () => {
    const ctx = await browser.newContext({ viewport: { width: 3840, height: 2160 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const text = await openScreen(page);
    for (const p of PLACEHOLDERS) expect(text).not.toContain(p);
    const box = await page.locator('.stage').boundingBox();
    expect(Math.round(box?.width ?? 0)).toBe(3840);
    await snap(page, J, '03-screen-4k');
    await ctx.close();
  });
});

describe('console 供需监测', () => {
  it('shows the heat table, map and trend, drills into a cell and exports Excel', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    await staffLogin(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/monitoring`);
    await expect.poll(() => page.getByTestId('monitoring-heat').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('monitoring-reading').innerText(), { timeout: 10_000 }).toMatch(/^本周/);
    const body = await page.getByTestId('monitoring-page').innerText();
    expect(body).not.toContain('—');
    await snap(page, J, '04-console-monitoring');
    // 就业流向 on demo data: every step of the funnel has people, per town too.
    const flows = page.getByTestId('flows-reading');
    await expect.poll(() => flows.innerText(), { timeout: 10_000 }).toMatch(/共 [1-9]\d* 人/);
    const reading = await flows.innerText();
    for (const step of ['报名', '录用', '完工', '领到工资']) expect(reading).toMatch(new RegExp(`${step} [1-9]\\d*%`));
    expect(await page.getByTestId('flows-towns').locator('.el-table__row').count()).toBeGreaterThan(3);
    await page.getByTestId('monitoring-flows').scrollIntoViewIfNeeded();
    await snap(page, J, '04a-console-flows');

    await page.getByTestId('monitoring-shortages').locator('.el-table__row').first().click();
    await expect
      .poll(() => page.getByTestId('monitoring-cell').locator('.el-table__row').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(400); // the drawer's slide-in, for the screenshot only
    await snap(page, J, '05-console-cell');
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByTestId('monitoring-export').click();
    expect((await download).suggestedFilename()).toMatch(/^供需监测_\d{4}-\d{2}-\d{2}\.xlsx$/);
    // The monthly report for the centre's superiors: a PDF of the chosen month.
    const report = page.waitForEvent('download');
    await page.getByTestId('monitoring-report').click();
    const file = await report;
    expect(file.suggestedFilename()).toMatch(/^供需监测月报_\d{4}-\d{2}\.pdf$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await ctx.close();
  });
});
