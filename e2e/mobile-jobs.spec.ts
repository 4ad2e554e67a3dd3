import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

const e2e = useE2e();

async function loginOnPhone(page: Page, phone: string): Promise<void> {
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

async function approveAsReviewer(jobTitle: string): Promise<void> {
  const login = await fetch(`${e2e.url}/api/v1/public/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password: 'Lingong@2025' }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const queue = (await (await fetch(`${e2e.url}/api/v1/admin/jobs/review?pageSize=200`, { headers: auth })).json()) as {
    items: { id: string; title: string }[];
  };
  const ids = queue.items.filter((j) => j.title === jobTitle).map((j) => j.id);
  if (ids.length === 0) return;
  const res = await fetch(`${e2e.url}/api/v1/admin/jobs/review`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ ids, decision: 'approve' }),
  });
  expect(res.status).toBe(200);
}

describe('mobile: post, find and read a job; fill my profile', () => {
  it('an employer posts a job; blocked wording is shown next to the field; a worker finds it with 电焊', async () => {
    const ctx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    await loginOnPhone(page, '13800000002');
    await page.getByTestId('me-employer').click();
    await expect.poll(() => page.getByTestId('employer-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await snap(page, 'mobile-jobs', '01-employer-home');
    await page.locator('[data-testid^="post-job-"]').first().click();

    await page.getByTestId('job-occupation').click();
    await page.getByText('建筑装修', { exact: true }).click();
    await page.getByText('电焊工', { exact: true }).click();
    await input(page, 'job-title-input').fill('急招电焊工3名');
    await input(page, 'job-headcount').fill('3');
    await input(page, 'job-wage-min').fill('250');
    await input(page, 'job-wage-max').fill('300');
    await page.getByTestId('job-town').click();
    await page.locator('.van-picker__confirm').click();
    await input(page, 'job-address').fill('鹿寨镇工业园3号');
    await input(page, 'job-requirements').fill('只 要 男 性，无乙肝，有焊工证');
    await input(page, 'job-contact-name').fill('李师傅');
    await input(page, 'job-contact-phone').fill('13977770000');
    await page.getByTestId('job-submit').click();
    await expect.poll(() => page.getByTestId('job-blocked').count(), { timeout: 10_000 }).toBe(1);
    // Every finding of the field at once, each highlighted in the text, with its legal basis.
    const found = page.getByTestId('job-findings-requirements');
    expect(await found.getByTestId('job-finding').count()).toBe(2);
    expect(await found.getByTestId('job-finding-mark').allTextContents()).toEqual(['只 要 男 性', '无乙肝']);
    expect(await found.textContent()).toMatch(/性别限制.*健康状况歧视/s);
    expect(await found.getByText('法律依据').count()).toBe(2);
    await snap(page, 'mobile-jobs', '02-blocked-finding');

    await input(page, 'job-requirements').fill('有焊工证，男女不限');
    await page.getByTestId('job-submit').click();
    await page.waitForURL(/\/employer\/[^/]+\/jobs$/, { timeout: 10_000 });
    await expect.poll(() => page.getByTestId('employer-job').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('employer-job').first().textContent()).toMatch(/急招电焊工3名.*(招聘中|待审核)/);
    await snap(page, 'mobile-jobs', '03-my-jobs');
    await ctx.close();

    await approveAsReviewer('急招电焊工3名');

    const wctx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const w = await wctx.newPage();
    await w.goto(`${e2e.url}/jobs`);
    await input(w, 'job-search').fill('电焊');
    await input(w, 'job-search').press('Enter');
    await expect
      .poll(async () => (await w.getByTestId('job-card').allTextContents()).some((t) => t.includes('急招电焊工3名')), {
        timeout: 10_000,
      })
      .toBe(true);
    const texts = await w.getByTestId('job-card').allTextContents();
    expect(texts.every((t) => t.includes('焊'))).toBe(true);
    await snap(w, 'mobile-jobs', '04-search-dianhan');
    await w.getByTestId('job-card').filter({ hasText: '急招电焊工3名' }).first().click();
    await expect.poll(() => w.getByTestId('job-title').textContent(), { timeout: 10_000 }).toBe('急招电焊工3名');
    expect(await w.getByTestId('job-wage').textContent()).toBe('250-300元/天');
    expect(await w.getByTestId('job-contact').textContent()).toContain('报名后可以看到联系电话');
    // A new employer has no wage record yet (the rate itself is tested in wages.test.ts).
    expect(await w.getByTestId('employer-on-time-pay').textContent()).toContain('暂无发薪记录');
    await snap(w, 'mobile-jobs', '05-detail');
    await wctx.close();
  });

  it('a posting with an age limit and its reason waits for review; the console drawer highlights both', async () => {
    const token = await e2e.phoneToken('13800000002');
    const { items: employers } = await e2e.apiCall<{ items: { id: string }[] }>('GET', '/api/v1/app/employers', token);
    const { items: occupations } = await e2e.apiCall<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/public/occupations',
      token,
    );
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const job = await e2e.apiCall<{ id: string; status: string }>(
      'POST',
      `/api/v1/app/employers/${employers[0]!.id}/jobs`,
      token,
      {
        occupationId: occupations.find((o) => o.name === '搬运工')!.id,
        title: '外墙清洗工2名',
        kind: 'flexible',
        headcount: 2,
        wageMinFen: 30_000,
        wageMaxFen: 35_000,
        wageUnit: 'day',
        settlement: 'daily',
        townCode: '450223101000',
        address: '鹿寨镇城中路8号',
        startDate: today,
        endDate: today,
        requirements: '年龄18-50岁，因高空作业',
        description: '高楼外墙清洗，详询 139 7777 0000',
        contactName: '李师傅',
        contactPhone: '13977770000',
        submit: true,
      },
    );
    expect(job.status).toBe('pending_review');

    const page = await e2e.consolePage('reviewer');
    await page.goto(`${e2e.url}/admin/jobs/review`);
    const row = page.getByTestId('review-table').locator('tr', { hasText: '外墙清洗工2名' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await row.first().getByText('详情').click();
    const drawer = page.getByTestId('job-detail');
    await expect.poll(() => drawer.getByTestId('job-finding-item').count(), { timeout: 10_000 }).toBe(2);
    expect(await drawer.getByTestId('review-mark').allTextContents()).toEqual(
      expect.arrayContaining(['年龄18-50岁', '因高空作业', '*** **** ****']),
    );
    expect(await drawer.getByTestId('job-finding-list').textContent()).toMatch(/理由.*因高空作业/);
    await snap(page, 'mobile-jobs', '06-console-review-drawer');
    await page.context().close();
  });

  it('a worker fills the profile and the completeness rises', async () => {
    const ctx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const page = await ctx.newPage();
    await loginOnPhone(page, '13800000009');
    await page.getByTestId('me-profile').click();
    await expect
      .poll(() => page.getByTestId('profile-completeness').textContent(), { timeout: 10_000 })
      .toContain('5%');
    await input(page, 'profile-name').fill('韦大勇');
    await page.getByTestId('profile-town').click();
    await page.locator('.van-picker__confirm').click();
    await page.getByTestId('add-skill').click();
    await page.getByTestId('skill-occupation-0').click();
    await page.getByText('建筑装修', { exact: true }).click();
    await page.getByText('电焊工', { exact: true }).click();
    await page.getByTestId('add-cert').click();
    await input(page, 'cert-name-0').fill('焊工证');
    const onePixelPng = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .locator('input[data-testid="cert-photo-0"]')
      .setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: onePixelPng });
    await expect.poll(() => page.locator('.certs__photo img').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('profile-save').click();
    expect(await page.getByText('请先勾选同意《隐私政策》').count()).toBe(1);
    await page.getByTestId('consent-privacy').click();
    await page.getByTestId('profile-save').click();
    await expect
      .poll(() => page.getByTestId('profile-completeness').textContent(), { timeout: 10_000 })
      .toContain('50%');
    await snap(page, 'mobile-jobs', '06-profile');

    // Apply in one tap: the contact phone appears, the button turns into the status.
    await page.goto(`${e2e.url}/jobs`);
    await input(page, 'job-search').fill('电焊');
    await input(page, 'job-search').press('Enter');
    await expect
      .poll(
        async () => (await page.getByTestId('job-card').allTextContents()).some((t) => t.includes('急招电焊工3名')),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.getByTestId('job-card').filter({ hasText: '急招电焊工3名' }).first().click();
    await expect.poll(() => page.getByTestId('apply-button').textContent(), { timeout: 10_000 }).toContain('我要报名');
    await page.getByTestId('apply-button').click();
    await expect
      .poll(() => page.getByTestId('job-contact').textContent(), { timeout: 10_000 })
      .toContain('13977770000');
    expect(await page.getByTestId('apply-button').textContent()).toContain('已报名');
    expect(await page.getByTestId('apply-button').isDisabled()).toBe(true);
    await snap(page, 'mobile-jobs', '07-applied');
    await page.goto(`${e2e.url}/me/applications`);
    await expect
      .poll(() => page.getByTestId('my-application-status').first().textContent(), { timeout: 10_000 })
      .toBe('已报名');
    await snap(page, 'mobile-jobs', '08-my-applications');
    await ctx.close();
  });
  it('the map shows job and station markers on a plain background; elder mode reads a job aloud', async () => {
    const ctx = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    // Record what the page hands to the browser's speech synthesis (headless Chromium has no voices).
    await ctx.addInitScript(() => {
      const w = window as unknown as { __spoken: string[] };
      w.__spoken = [];
      const original = window.speechSynthesis.speak.bind(window.speechSynthesis);
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        w.__spoken.push(`${u.lang}|${u.text}`);
        original(u);
      };
      localStorage.setItem('lingong.elderMode', '1');
    });
    const page = await ctx.newPage();
    await page.goto(`${e2e.url}/jobs`);
    await page.getByTestId('open-map').click();
    await page.waitForURL(/\/map$/);
    await expect.poll(() => page.locator('path.map-job').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('path.map-station').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('map-notice').textContent()).toContain('仅显示岗位和驿站位置');
    await snap(page, 'mobile-jobs', '09-map-no-tiles');
    await page.locator('path.map-job').last().click({ force: true });
    await page.locator('.leaflet-popup a[data-job]').click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('read-aloud').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder-mode'))).toBe(true);
    const title = (await page.getByTestId('job-title').textContent()) ?? '';
    await page.getByTestId('read-aloud').click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(new RegExp(`^zh-CN\\|${title}。工资`));
    expect(spoken[0]).toContain('工作地点');
    await snap(page, 'mobile-jobs', '10-elder-read-aloud');
    await ctx.close();
  });
});
