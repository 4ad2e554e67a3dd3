import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { makeUscc, makeUsccBody } from '@lingong/contracts';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// The whole gig loop of issue 3 on the phone: an employer registers and posts, a reviewer
// approves, a worker finds the job with 保洁, applies, is hired, both sign the agreement, the
// worker checks in by location and out by the employer's QR code, completion is confirmed.

const e2e = useE2e();
const J = 'gig-loop';
const SITE = { latitude: 24.4731, longitude: 109.7402 };
const TITLE = '家庭保洁2名日结';
const stamp = String(Date.now()).slice(-7);
const EMPLOYER_PHONE = `1396${stamp}`;
const WORKER_PHONE = `1375${stamp}`;

const phoneContext = (): Promise<BrowserContext> =>
  e2e.browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    geolocation: SITE,
    permissions: ['geolocation'],
  });

/** The newest code sent to a phone after `since` (the local SMS provider's dev endpoint). */
async function codeFor(phone: string, since: number): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const res = await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=${phone}`);
        if (res.status !== 200) return false;
        const m = (await res.json()) as { code: string; sentAt: string };
        code = m.code;
        return Date.parse(m.sentAt) >= since;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return code;
}

async function login(page: Page, phone: string): Promise<void> {
  await page.goto(`${e2e.url}/login?redirect=/me`);
  await input(page, 'login-phone').fill(phone);
  const since = Date.now() - 1000;
  await page.getByTestId('login-send-code').click();
  await input(page, 'login-code').fill(await codeFor(phone, since));
  await page.getByTestId('login-submit').click();
  // The login page itself is /login?redirect=/me: wait for the path, not the URL text.
  await page.waitForURL((u) => u.pathname === '/me');
}

/** A reviewer approves the posting on the console's 岗位审核 page (1366×768). */
async function approveInConsole(jobTitle: string): Promise<void> {
  const page = await e2e.consolePage('reviewer');
  await page.goto(`${e2e.url}/admin/jobs/review`);
  const row = page.getByTestId('review-table').locator('tbody tr').filter({ hasText: jobTitle });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  await snap(page, J, '03a-console-review-queue');
  await row.getByTestId('review-approve').click();
  await page.getByTestId('reason-submit').click();
  await expect.poll(() => page.locator('.el-message--success').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
  await snap(page, J, '03b-console-approved');
  await page.context().close();
}

/** Read the agreement, tick consent, get the SMS code and sign. */
async function signAgreement(page: Page, phone: string, step?: string): Promise<void> {
  await expect.poll(() => page.getByTestId('agreement-text').textContent(), { timeout: 10_000 }).toContain(TITLE);
  await page.getByTestId('agreement-consent').click();
  const since = Date.now() - 1000;
  await page.getByTestId('agreement-send-code').click();
  await input(page, 'agreement-code').fill(await codeFor(phone, since));
  if (step) await snap(page, J, step);
  await page.getByTestId('agreement-sign').click();
  await expect.poll(() => page.getByTestId('agreement-sign').count(), { timeout: 10_000 }).toBe(0);
}

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the gig loop on the phone', () => {
  it('register and post → approve in the console → find with 保洁 → apply → hire → both sign → check in/out → completion → both rate', async () => {
    // 1. A new employer registers and posts a job at the site (its point from the phone's location).
    const ectx = await phoneContext();
    const e = await ectx.newPage();
    await login(e, EMPLOYER_PHONE);
    await e.getByTestId('me-employer').click();
    await e.getByTestId('register-employer').click();
    await input(e, 'employer-name').fill(`鹿寨县家洁家政服务部${stamp}`);
    await input(e, 'employer-uscc').fill(makeUscc(makeUsccBody({ regionCode: '450223', seed: Number(stamp) })));
    await e.getByTestId('employer-town').click();
    await e.locator('.van-picker__confirm').click();
    await input(e, 'employer-address').fill('鹿寨镇建设路8号');
    await input(e, 'employer-contact-name').fill('韦经理');
    await input(e, 'employer-contact-phone').fill(EMPLOYER_PHONE);
    await snap(e, J, '01-employer-register');
    await e.getByTestId('employer-submit').click();
    await expect.poll(() => e.getByTestId('employer-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.locator('[data-testid^="post-job-"]').first().click();
    await e.getByTestId('job-occupation').click();
    await e.getByText('家政服务', { exact: true }).click();
    await e.getByText('家庭保洁', { exact: true }).click();
    await input(e, 'job-title-input').fill(TITLE);
    await input(e, 'job-headcount').fill('2');
    await input(e, 'job-wage-min').fill('150');
    await input(e, 'job-wage-max').fill('180');
    await e.getByTestId('job-town').click();
    await e.locator('.van-picker__confirm').click();
    await input(e, 'job-address').fill('鹿寨镇桂中大道12号小区');
    await e.getByTestId('job-locate').click();
    await expect.poll(() => e.getByText('已定位').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await input(e, 'job-start').fill(shanghaiToday());
    await e.getByPlaceholder('如 08:00-17:00').fill('08:00-17:00');
    await input(e, 'job-contact-name').fill('韦经理');
    await input(e, 'job-contact-phone').fill(EMPLOYER_PHONE);
    await snap(e, J, '02-employer-post-job');
    await e.getByTestId('job-submit').click();
    await e.waitForURL(/\/employer\/[^/]+\/jobs$/, { timeout: 10_000 });
    await expect.poll(() => e.getByTestId('employer-job').first().textContent(), { timeout: 10_000 }).toContain(TITLE);
    await snap(e, J, '03-employer-job-submitted');

    // 2. A reviewer approves it in the console.
    await approveInConsole(TITLE);

    // 3. A new worker fills the basics, finds the job with two characters and applies.
    const wctx = await phoneContext();
    const w = await wctx.newPage();
    await login(w, WORKER_PHONE);
    await w.getByTestId('me-profile').click();
    await input(w, 'profile-name').fill('覃桂英');
    await w.getByTestId('profile-town').click();
    await w.locator('.van-picker__confirm').click();
    await w.getByTestId('consent-privacy').click();
    await w.getByTestId('profile-save').click();
    await expect
      .poll(() => w.getByTestId('profile-completeness').textContent(), { timeout: 10_000 })
      .toMatch(/完整度([1-9]\d|100)%/);
    await w.goto(`${e2e.url}/jobs`);
    await input(w, 'job-search').fill('保洁');
    await input(w, 'job-search').press('Enter');
    await expect
      .poll(async () => (await w.getByTestId('job-card').allTextContents()).some((t) => t.includes(TITLE)), {
        timeout: 10_000,
      })
      .toBe(true);
    await snap(w, J, '04-worker-search-baojie');
    await w.getByTestId('job-card').filter({ hasText: TITLE }).first().click();
    await w.getByTestId('apply-button').click();
    await expect.poll(() => w.getByTestId('apply-button').textContent(), { timeout: 10_000 }).toContain('已报名');
    await snap(w, J, '05-worker-applied');

    // 4. The employer hires and signs the agreement.
    await e.reload();
    await e.getByTestId('job-applicants').first().click();
    await expect.poll(() => e.getByTestId('applicant').count(), { timeout: 10_000 }).toBe(1);
    await e.getByTestId('hire-applicant').click();
    await e.locator('.van-dialog__confirm').click();
    await expect.poll(() => e.getByTestId('applicant-status').textContent(), { timeout: 10_000 }).toBe('已录用');
    await snap(e, J, '06-employer-hired');
    await e.getByTestId('open-application').click();
    await signAgreement(e, EMPLOYER_PHONE, '07a-employer-consent-and-code');
    expect(await e.getByTestId('agreement-status').textContent()).toBe('一方已签');
    await snap(e, J, '07-employer-signed');

    // 5. The worker signs (now 已签署) and checks in by location.
    await w.goto(`${e2e.url}/me/applications`);
    await w.getByTestId('open-application').click();
    await signAgreement(w, WORKER_PHONE);
    expect(await w.getByTestId('agreement-status').textContent()).toBe('已签署');
    await snap(w, J, '08-worker-signed');
    await w.getByTestId('agreement-verify-link').click();
    await expect
      .poll(() => w.getByTestId('verify-verdict').textContent(), { timeout: 10_000 })
      .toContain('协议真实有效，双方均已签署');
    expect(await w.getByTestId('verify-worker').textContent()).toContain('覃**');
    await snap(w, J, '08a-public-verify');
    await w.goBack();
    await w.getByTestId('checkin-location').click();
    await expect.poll(() => w.getByTestId('checkout-location').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => w.getByTestId('detail-status').textContent(), { timeout: 10_000 }).toBe('工作中');
    await snap(w, J, '09-worker-checked-in');

    // 6. The employer shows the rotating QR; the worker opens its link and checks out.
    await e.reload();
    await e.getByTestId('open-checkin-qr').click();
    await expect.poll(() => e.getByTestId('checkin-qr-image').count(), { timeout: 10_000 }).toBe(1);
    await snap(e, J, '10-employer-checkin-qr');
    const qrUrl = await e.getByTestId('checkin-qr-url').getAttribute('href');
    expect(qrUrl).toMatch(/^\/checkin\?job=[0-9a-f-]{36}&t=[0-9a-f]{16}$/);
    await w.goto(`${e2e.url}${qrUrl}`);
    await w.getByTestId('checkout-qr-submit').click();
    await expect.poll(() => w.getByTestId('checkin-result').textContent(), { timeout: 10_000 }).toContain('签退成功');
    await snap(w, J, '11-worker-checked-out-by-qr');

    // 7. The employer confirms completion (no amount: the wage statement in 待结算 says what is owed).
    await e.goBack();
    await e.reload();
    await e.getByTestId('completion-submit').click();
    await e.locator('.completion-dialog .van-dialog__confirm').click();
    await expect
      .poll(() => e.getByTestId('completion-info').textContent(), { timeout: 10_000 })
      .toContain('工资单为准');
    await expect.poll(() => e.getByTestId('agreement-status').textContent(), { timeout: 10_000 }).toBe('已履行');
    await snap(e, J, '12-employer-completed');
    await w.getByTestId('checkin-open-detail').click();
    await expect.poll(() => w.getByTestId('detail-status').textContent(), { timeout: 10_000 }).toBe('已完工');
    await snap(w, J, '13-worker-completed');

    // 8. Both rate; each rating stays hidden until the other side has rated too.
    await e.getByTestId('detail-rate').click();
    await expect.poll(() => e.getByTestId('rate-form').count(), { timeout: 10_000 }).toBe(1);
    await e.getByTestId('rate-star-5').click();
    await e.getByTestId('rate-tag-准时到岗').click();
    await e.locator('[data-testid="rate-comment"] textarea').fill('干活麻利，很靠谱');
    await snap(e, J, '14-employer-rates');
    await e.getByTestId('rate-submit').click();
    await expect.poll(() => e.getByTestId('rate-mine').count(), { timeout: 10_000 }).toBe(1);
    expect(await e.getByTestId('rate-theirs').textContent()).toContain('双方都评价后');

    await w.getByTestId('detail-rate').click();
    await expect.poll(() => w.getByTestId('rate-form').count(), { timeout: 10_000 }).toBe(1);
    await w.getByTestId('rate-star-4').click();
    await w.getByTestId('rate-tag-按时结算').click();
    await w.locator('[data-testid="rate-comment"] textarea').fill('工钱当天结清');
    await w.getByTestId('rate-submit').click();
    await expect.poll(() => w.getByTestId('rate-theirs').textContent(), { timeout: 10_000 }).toContain('干活麻利');
    await snap(w, J, '15-worker-rated-sees-both');
    await e.reload();
    await expect.poll(() => e.getByTestId('rate-theirs').textContent(), { timeout: 10_000 }).toContain('工钱当天结清');
    await snap(e, J, '16-employer-sees-both');
    await ectx.close();
    await wctx.close();
  });
});
