import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// Ratings after completion (both sides, mobile), my credit, and 诚信管理 in the console.
const J = 'credit-ratings';
const WORKER_PHONE = '13800000001';
const EMPLOYER_PHONE = '13800000002';

const e2e = useE2e();
const { apiCall, phoneToken, mobilePage } = e2e;

/** Post (today), apply, hire, check in on the spot and confirm completion, all through the API. */
async function completedApplication(employerToken: string, workerToken: string): Promise<string> {
  const { items: employers } = await apiCall<{ items: { id: string; townCode: string }[] }>(
    'GET',
    '/api/v1/app/employers',
    employerToken,
  );
  const { items: occupations } = await apiCall<{ items: { id: string; name: string }[] }>(
    'GET',
    '/api/v1/public/occupations',
    employerToken,
  );
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const job = await apiCall<{ id: string }>('POST', `/api/v1/app/employers/${employers[0]!.id}/jobs`, employerToken, {
    occupationId: occupations.find((o) => o.name === '搬运工')!.id,
    title: '装卸建材2名，日结',
    kind: 'flexible',
    headcount: 2,
    wageMinFen: 15_000,
    wageMaxFen: 18_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: '450223101000',
    address: '中渡镇新街18号',
    lng: 109.62,
    lat: 24.78,
    startDate: today,
    endDate: today,
    workHours: '00:00-23:59',
    requirements: '身体健康',
    description: '装卸建材，包午餐',
    contactName: '李师傅',
    contactPhone: '13977770000',
    submit: true,
  });
  const app = await apiCall<{ id: string }>('POST', `/api/v1/app/jobs/${job.id}/apply`, workerToken);
  await apiCall('POST', `/api/v1/app/applications/${app.id}/hire`, employerToken);
  await apiCall('POST', `/api/v1/app/applications/${app.id}/check-in`, workerToken, {
    method: 'location',
    lng: 109.62,
    lat: 24.78,
  });
  await apiCall('POST', `/api/v1/app/applications/${app.id}/complete`, employerToken, {});
  return app.id;
}

describe('ratings and credit', () => {
  it('both sides rate on the mobile app; ratings show once both rated; the worker sees the credit page', async () => {
    const employerToken = await phoneToken(EMPLOYER_PHONE);
    const workerToken = await phoneToken(WORKER_PHONE);
    const applicationId = await completedApplication(employerToken, workerToken);
    const w = await mobilePage(workerToken);
    await w.goto(`${e2e.url}/me/applications`);
    await w.getByTestId('rate-application').first().click();
    await w.waitForURL(/\/rate\//);
    await expect.poll(() => w.getByTestId('rate-form').count(), { timeout: 10_000 }).toBe(1);
    await w.getByTestId('rate-submit').click();
    expect(await w.getByText('请选择星级').count()).toBe(1);
    await w.getByTestId('rate-star-5').click();
    await w.getByTestId('rate-tag-按时结算').click();
    await input(w, 'rate-comment').fill('老板人实在，工钱当天结清');
    await snap(w, J, '01-worker-rating-form');
    await w.getByTestId('rate-submit').click();
    await expect.poll(() => w.getByTestId('rate-mine').count(), { timeout: 10_000 }).toBe(1);
    expect(await w.getByTestId('rate-theirs').textContent()).toContain('双方都评价后');
    await snap(w, J, '02-worker-rated-hidden');

    const e = await mobilePage(employerToken);
    await e.goto(`${e2e.url}/rate/${applicationId}`);
    await expect.poll(() => e.getByTestId('rate-form').count(), { timeout: 10_000 }).toBe(1);
    await e.getByTestId('rate-star-4').click();
    await e.getByTestId('rate-tag-准时到岗').click();
    await input(e, 'rate-comment').fill('这人叫人刷单');
    await e.getByTestId('rate-submit').click();
    await expect.poll(() => e.getByText('评语含有不允许的词语：刷单，请修改').count(), { timeout: 10_000 }).toBe(1);
    await snap(e, J, '03-employer-blocked-comment');
    await input(e, 'rate-comment').fill('干活踏实，准时到岗');
    await e.getByTestId('rate-submit').click();
    await expect.poll(() => e.getByTestId('rate-theirs').textContent(), { timeout: 10_000 }).toContain('老板人实在');
    await snap(e, J, '04-employer-sees-both');

    await w.reload();
    await expect.poll(() => w.getByTestId('rate-theirs').textContent(), { timeout: 10_000 }).toContain('干活踏实');
    await snap(w, J, '05-worker-sees-both');
    // Elder mode (长辈模式) keeps the page usable: larger type, same controls.
    await w.evaluate(() => localStorage.setItem('lingong.elderMode', '1'));
    await w.reload();
    await expect
      .poll(() => w.evaluate(() => document.documentElement.classList.contains('elder-mode')), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => w.getByTestId('rate-theirs').textContent(), { timeout: 10_000 }).toContain('干活踏实');
    await snap(w, J, '05b-worker-rating-elder-mode');
    await w.evaluate(() => localStorage.setItem('lingong.elderMode', '0'));
    await w.goto(`${e2e.url}/me`);
    await w.getByTestId('me-credit').click();
    await expect.poll(() => w.getByTestId('credit-event').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await w.getByTestId('credit-level').textContent()).toMatch(/信用(优秀|良好|一般|较差)/);
    expect(await w.locator('[data-testid="credit-event"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('获评4星')]),
    );
    await snap(w, J, '06-worker-credit');
    await w.context().close();
    await e.context().close();
  });

  it('staff work the 诚信管理 page at 1366×768', async () => {
    const page = await e2e.consolePage('admin');
    await page.goto(`${e2e.url}/admin/credit`);
    await expect
      .poll(() => page.getByTestId('credit-ledger-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await snap(page, J, '07-console-ledger');
    await page.getByRole('tab', { name: '信用规则' }).click();
    await expect
      .poll(() => page.getByTestId('credit-rules-table').textContent(), { timeout: 10_000 })
      .toContain('爽约（未到岗）');
    await snap(page, J, '08-console-rules');
    await page.getByRole('tab', { name: '黑名单' }).click();
    await expect
      .poll(() => page.getByTestId('credit-blacklist-table').textContent(), { timeout: 10_000 })
      .toContain('一个月内三次录用后未到岗');
    await snap(page, J, '09-console-blacklist');
    await page.goto(`${e2e.url}/admin/credit?tab=ratings`);
    await expect.poll(() => page.getByTestId('rating-review-table').count(), { timeout: 10_000 }).toBe(1);
    await snap(page, J, '10-console-rating-review');
    await page.context().close();
  });
});
