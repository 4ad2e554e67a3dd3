import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

const e2e = useE2e();

const login = (page: Page, username: string) => e2e.staffLogin(page, username);

describe('management console pages (issue 4)', () => {
  it('an admin opens each management page at 1366×768', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'admin');
    await expect
      .poll(() => page.getByTestId('queue-postings').textContent(), { timeout: 10_000 })
      .toContain('待审核岗位');
    await snap(page, 'console-admin', '01-home-queues');

    await page.goto(`${e2e.url}/admin/occupations`);
    await expect
      .poll(() => page.getByTestId('occupations-table').textContent(), { timeout: 10_000 })
      .toContain('电焊工');
    await snap(page, 'console-admin', '02-occupations');
    await page.getByTestId('occupation-add').click();
    await expect.poll(() => page.getByTestId('occupation-drawer').isVisible()).toBe(true);
    await snap(page, 'console-admin', '03-occupation-drawer');
    await page.keyboard.press('Escape');

    await page.goto(`${e2e.url}/admin/config`);
    await expect
      .poll(() => page.getByTestId('settings-table').textContent(), { timeout: 10_000 })
      .toContain('签到半径');
    await page.getByTestId('setting-edit-checkInRadiusMetres').click();
    await input(page, 'setting-number').fill('800');
    await page.getByTestId('setting-save').click();
    await expect.poll(() => page.getByTestId('settings-table').textContent(), { timeout: 10_000 }).toContain('800米');
    await snap(page, 'console-admin', '04-settings');

    await page.goto(`${e2e.url}/admin/staff`);
    await expect.poll(() => page.getByTestId('staff-table').textContent(), { timeout: 10_000 }).toContain('zhongdu');
    await snap(page, 'console-admin', '05-staff');

    await page.goto(`${e2e.url}/admin/audit`);
    await expect.poll(() => page.getByTestId('audit-table').textContent(), { timeout: 10_000 }).toContain('系统配置');
    await snap(page, 'console-admin', '06-audit');

    await page.goto(`${e2e.url}/admin/sensitive-words`);
    await expect
      .poll(() => page.getByTestId('words-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await input(page, 'word-test-text').fill('招聘保安，只要男性，加微信详聊');
    await page.getByTestId('word-test-run').click();
    await expect.poll(() => page.getByTestId('word-test-verdict').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await snap(page, 'console-admin', '07-sensitive-words');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a station agent sees the occupation tree read-only and no staff or audit pages', async () => {
    const page = await e2e.consolePage('zhongdu');
    await page.goto(`${e2e.url}/admin/occupations`);
    await expect
      .poll(() => page.getByTestId('occupations-table').textContent(), { timeout: 10_000 })
      .toContain('电焊工');
    expect(await page.getByTestId('occupation-add').count()).toBe(0);
    await page.goto(`${e2e.url}/admin/staff`);
    await page.waitForURL(/\/admin\/403/);
    await page.context().close();
  });
});
