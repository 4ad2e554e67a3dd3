import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

const e2e = useE2e();

async function consoleLogin(page: Page, username: string): Promise<void> {
  await e2e.staffLogin(page, username);
}

async function phoneLogin(page: Page, phone: string): Promise<void> {
  await page.goto(`${e2e.url}/login?redirect=/me`);
  await input(page, 'login-phone').fill(phone);
  await page.getByTestId('login-send-code').click();
  await expect
    .poll(async () => (await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=${phone}`)).status)
    .toBe(200);
  const { code } = (await (await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=${phone}`)).json()) as {
    code: string;
  };
  await input(page, 'login-code').fill(code);
  await page.getByTestId('login-submit').click();
  // The login page itself is /login?redirect=/me: wait for the path, not the URL text.
  await page.waitForURL((u) => u.pathname === '/me');
}

const confirmBox = (page: Page) => page.locator('.el-message-box__btns .el-button--primary').click();

describe('统一发布: written once in the console, reviewed, shown on the mobile home and the big screen', () => {
  it('counter writes and submits, the reviewer approves, the mobile banner and the screen show it', async () => {
    const title = '春风行动专场招聘会';
    const consoleCtx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await consoleCtx.newPage();
    await consoleLogin(page, 'counter');
    await page.goto(`${e2e.url}/admin/publications`);
    await page.getByTestId('pub-new').click();
    await input(page, 'pub-title').fill(title);
    await input(page, 'pub-summary').fill('3月8日 县人民广场 50家企业');
    await input(page, 'pub-body').fill(
      '3月8日上午9点在县人民广场举办春风行动专场招聘会。\n现场有50家企业，提供岗位800余个。',
    );
    await page.getByTestId('pub-channel-screen').click();
    await snap(page, 'publications', '01-editor');
    await page.getByTestId('pub-save').click();
    const submit = page.locator('[data-testid^="pub-submit-"]').first();
    await submit.waitFor({ timeout: 10_000 });
    const id = ((await submit.getAttribute('data-testid')) ?? '').replace('pub-submit-', '');
    await submit.click();
    await confirmBox(page);
    await expect.poll(() => page.getByTestId(`pub-status-${id}`).textContent(), { timeout: 10_000 }).toBe('待审核');
    await snap(page, 'publications', '02-submitted');
    await consoleCtx.close();

    const reviewCtx = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const review = await reviewCtx.newPage();
    await consoleLogin(review, 'reviewer');
    await review.goto(`${e2e.url}/admin/publications`);
    await review.getByTestId(`pub-approve-${id}`).click();
    await confirmBox(review);
    await expect.poll(() => review.getByTestId(`pub-status-${id}`).textContent(), { timeout: 10_000 }).toBe('已发布');
    await review.getByTestId(`pub-logs-${id}`).click();
    await expect
      .poll(() => review.getByTestId('publication-logs').locator('.el-table__row').count(), { timeout: 10_000 })
      .toBe(3);
    await review.waitForTimeout(400); // the drawer's slide-in, for the screenshot only
    await snap(review, 'publications', '03-approved-log');
    await reviewCtx.close();

    const mobileCtx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const mobile = await mobileCtx.newPage();
    await mobile.goto(`${e2e.url}/jobs`);
    await mobile.getByTestId(`banner-${id}`).waitFor({ timeout: 10_000 });
    expect(await mobile.getByTestId('home-notices').textContent()).toContain(title);
    await snap(mobile, 'publications', '04-mobile-home');
    await mobile.getByTestId(`notice-${id}`).click();
    await expect.poll(() => mobile.getByTestId('notice-title').textContent(), { timeout: 10_000 }).toBe(title);
    await snap(mobile, 'publications', '05-mobile-detail');
    await mobileCtx.close();

    const screenCtx = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const screen = await screenCtx.newPage();
    await screen.goto(`${e2e.url}/screen/`);
    await expect.poll(() => screen.getByTestId('screen-notices').textContent(), { timeout: 10_000 }).toContain(title);
    await snap(screen, 'publications', '06-screen');
    await screenCtx.close();
  });
});

describe('消息中心: an application reaches the employer, with a badge and a deep link', () => {
  it('the worker applies; the employer sees the unread badge, opens the message and lands on the applicants page', async () => {
    const employerCtx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const employer = await employerCtx.newPage();
    await phoneLogin(employer, '13800000002');
    const emps = (await (await employer.request.get(`${e2e.url}/api/v1/app/employers`)).json()) as {
      items: { id: string }[];
    };
    const jobs = (await (
      await employer.request.get(
        `${e2e.url}/api/v1/app/employers/${emps.items[0]!.id}/jobs?status=published&pageSize=100`,
      )
    ).json()) as { items: { id: string }[] };
    expect(jobs.items.length).toBeGreaterThan(0);

    const workerCtx = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const worker = await workerCtx.newPage();
    await phoneLogin(worker, '13800000001');
    let appliedJob = '';
    for (const j of jobs.items) {
      const res = await worker.request.post(`${e2e.url}/api/v1/app/jobs/${j.id}/apply`, {
        headers: { 'x-requested-with': 'lingong-e2e' },
      });
      if (res.status() === 201) {
        appliedJob = j.id;
        break;
      }
    }
    expect(appliedJob).not.toBe('');
    await workerCtx.close();

    await employer.goto(`${e2e.url}/jobs`);
    await expect
      .poll(() => employer.getByTestId('tab-messages').locator('.van-badge').textContent(), { timeout: 10_000 })
      .toMatch(/^[1-9]/);
    await snap(employer, 'messages', '01-badge');
    await employer.getByTestId('tab-messages').click();
    const msg = employer.getByTestId('message-application').first();
    await msg.waitFor({ timeout: 10_000 });
    await snap(employer, 'messages', '02-message-centre');
    await msg.click();
    await employer.waitForURL(new RegExp(`/employer/jobs/${appliedJob}/applicants$`), { timeout: 10_000 });
    await snap(employer, 'messages', '03-deep-link');
    await employerCtx.close();
  });
});
