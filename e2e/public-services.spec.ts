import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '@lingong/contracts';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// Issue 5 items 5-7 in the console: a slogan recorded on 宣传推广 raises its KPI card; the
// collection coverage and the daily duty check show the demo data.

const e2e = useE2e();
const J = 'public-services';
const SLOGAN = `端到端测试标语 ${Date.now()}`;

const login = (page: Page, username: string) => e2e.staffLogin(page, username);

async function sloganCard(page: Page): Promise<number> {
  await page.goto(`${e2e.url}/admin/kpi`);
  const card = page.getByTestId('kpi-card-publicity_slogans');
  await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return Number.parseFloat((await card.locator('.kpi__actual').textContent()) ?? '');
}

describe('publicity, collection and operations in the console', () => {
  it('records a slogan, the KPI rises; coverage and the duty check show the demo data', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'counter');
    const before = await sloganCard(page);
    expect(before).toBeGreaterThan(0);

    await page.goto(`${e2e.url}/admin/publicity`);
    await expect
      .poll(() => page.getByTestId('publicity-table').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('publicity-create').click();
    await page.getByTestId('publicity-kind').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '宣传标语' }).click();
    await input(page, 'publicity-title').fill(SLOGAN);
    const date = page.getByPlaceholder('选择发布日期');
    await date.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await date.press('Enter');
    await page.getByTestId('publicity-save').click();
    await expect.poll(() => page.getByTestId('publicity-table').getByText(SLOGAN).count(), { timeout: 10_000 }).toBe(1);
    await snap(page, J, '01-publicity');
    expect(await sloganCard(page)).toBe(before + 1);

    await page.goto(`${e2e.url}/admin/collection`);
    await expect
      .poll(() => page.getByTestId('collection-table').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.getByRole('tab', { name: '覆盖情况' }).click();
    await expect
      .poll(() => page.getByTestId('coverage-summary').textContent(), { timeout: 10_000 })
      .toMatch(/已覆盖行政村 \d+ \/ \d+/);
    await snap(page, J, '02-coverage');

    await page.goto(`${e2e.url}/admin/operations`);
    await expect
      .poll(() => page.getByTestId('duty-days-table').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('duty-days-summary').textContent(), { timeout: 10_000 })
      .toMatch(/达标 \d+ \/ \d+ 天/);
    await snap(page, J, '03-duty-days');

    // Record a station guidance visit: an empty form is refused field by field, a full one lands in the table.
    await page.getByRole('tab', { name: '驿站指导' }).click();
    await page.getByTestId('visit-create').click();
    await page.getByTestId('visit-save').click();
    await expect
      .poll(() => page.locator('.el-dialog:visible .el-form-item__error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // Pick the first option by keyboard (other selects on the page keep their option lists in the DOM).
    const pickFirst = async (testId: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    };
    await pickFirst('visit-station');
    await page
      .getByPlaceholder('选择指导日期')
      .fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await page.getByPlaceholder('选择指导日期').press('Enter');
    await pickFirst('visit-visitor');
    const content = `端到端测试：指导驿站台账整理 ${Date.now()}`;
    await input(page, 'visit-content').fill(content);
    await page.getByTestId('visit-save').click();
    await expect.poll(() => page.getByTestId('visit-table').textContent(), { timeout: 10_000 }).toContain(content);
    await snap(page, J, '03b-station-visit');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a 中渡镇 agent collects a household on a 360 px phone', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.url}/admin/login`);
    await input(page, 'login-username').fill('zhongdu');
    await input(page, 'login-password').fill('Lingong@2025');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain('/login');
    await page.goto(`${e2e.url}/admin/collect`);
    await page.getByTestId('town-filter').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '中渡镇' }).click();
    await page.getByTestId('collection-village').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '中渡示例村1' }).click();
    await input(page, 'collect-mobile-head').fill('韦端到端');
    await input(page, 'collect-mobile-address').fill('中渡镇示例村一组8号');
    await input(page, 'collect-mobile-member-0-name').fill('韦端到端');
    await input(page, 'collect-mobile-member-0-id').fill(
      makeIdNumber({ regionCode: '450223', birthDate: '1988-08-08', seq: 7, gender: 'male' }),
    );
    await page.getByTestId('collect-mobile-save').click();
    await expect.poll(() => page.getByTestId('collect-mobile-saved').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, J, '04-collect-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });
});
