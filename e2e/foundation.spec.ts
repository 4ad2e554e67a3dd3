import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';

const e2e = useE2e();

describe('foundation journeys', () => {
  it('a worker logs in on the mobile app with phone + SMS code and sees the stations', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/`);
    await page.getByTestId('tab-me').click();
    await page
      .getByTestId('login-phone')
      .locator('input')
      .or(page.locator('input[data-testid="login-phone"]'))
      .first()
      .fill('13800000001');
    await snap(page, 'worker-login', '01-login');
    await page.getByTestId('login-send-code').click();
    await expect
      .poll(async () => (await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=13800000001`)).status)
      .toBe(200);
    const { code } = (await (await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=13800000001`)).json()) as {
      code: string;
    };
    await page
      .getByTestId('login-code')
      .locator('input')
      .or(page.locator('input[data-testid="login-code"]'))
      .first()
      .fill(code);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('me-phone').textContent(), { timeout: 10_000 }).toContain('138****0001');
    await snap(page, 'worker-login', '02-me');

    await page.getByTestId('tab-stations').click();
    await expect.poll(() => page.getByTestId('station-card').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    expect(await page.getByTestId('station-card').first().textContent()).toContain('零工');
    await snap(page, 'worker-login', '03-stations');

    await page.getByTestId('tab-jobs').click();
    await expect.poll(() => page.getByTestId('job-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('job-card').first().textContent()).toMatch(/元\/(时|天|件|月)/);
    await snap(page, 'worker-login', '04-jobs');
    await context.close();
  });

  it('a staff member logs in to the console and sees a menu that follows the role', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await page
      .getByTestId('login-username')
      .locator('input')
      .or(page.locator('input[data-testid="login-username"]'))
      .first()
      .fill('zhongdu');
    await page
      .getByTestId('login-password')
      .locator('input')
      .or(page.locator('input[data-testid="login-password"]'))
      .first()
      .fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('用户名或密码不正确').count()).toBeGreaterThan(0);
    await snap(page, 'staff-login', '01-wrong-password');

    await page
      .getByTestId('login-password')
      .locator('input')
      .or(page.locator('input[data-testid="login-password"]'))
      .first()
      .fill('Lingong@2025');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('header-user').textContent(), { timeout: 10_000 }).toContain('莫丽');
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).toContain('零工驿站');
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('人员与角色');
    await snap(page, 'staff-login', '02-home');

    await page.getByTestId('side-menu').getByText('雇员管理').first().click();
    await expect
      .poll(() => page.getByTestId('workers-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const table = (await page.getByTestId('workers-table').textContent()) ?? '';
    expect(table).toContain('中渡镇');
    expect(table).not.toContain('寨沙镇');
    await snap(page, 'staff-login', '03-workers-scoped');
    await context.close();
  });

  it('the hall screen shows the market name and a running clock at 1920×1080', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${e2e.url}/screen/`);
    await expect.poll(() => page.getByTestId('screen-title').textContent()).toContain('鹿寨县零工市场');
    const first = await page.getByTestId('screen-clock').textContent();
    await expect.poll(() => page.getByTestId('screen-clock').textContent(), { timeout: 5000 }).not.toBe(first);
    await snap(page, 'screen', '01-screen');
    await context.close();
  });
});
