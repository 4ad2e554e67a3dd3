import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../apps/web/admin/nav.js';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// Issue 4 item 11: a new sensitive word blocks a posting at once; a walk-in worker is registered
// at the counter; every console page (each NAV_ITEMS entry, so new pages are covered) at 1366×768.

const e2e = useE2e();
const JOURNEY = 'console-management';
const NEW_WORD = '入职送手机';

const consolePage = (username: string) => e2e.consolePage(username);

/** The demo employer's app token and first employer id (SMS code read from the dev endpoint). */
async function demoEmployer(): Promise<{ token: string; employerId: string }> {
  const phone = '13800000002';
  const json = { 'content-type': 'application/json' };
  expect(
    (
      await fetch(`${e2e.url}/api/v1/public/auth/sms-code`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ phone }),
      })
    ).status,
  ).toBe(200);
  const { code } = (await (await fetch(`${e2e.url}/api/v1/public/dev/sms/latest?phone=${phone}`)).json()) as {
    code: string;
  };
  const login = await fetch(`${e2e.url}/api/v1/public/auth/login/phone`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ phone, code }),
  });
  const { token } = (await login.json()) as { token: string };
  const mine = (await (
    await fetch(`${e2e.url}/api/v1/app/employers`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { items: { id: string }[] };
  const employerId = mine.items[0]?.id;
  if (!employerId) throw new Error('demo employer has no employer');
  return { token, employerId };
}

async function postJob(
  emp: { token: string; employerId: string },
  description: string,
): Promise<{ status: number; body: { error?: { code: string; details?: { message: string }[] } } }> {
  const occ = (await (await fetch(`${e2e.url}/api/v1/public/occupations`)).json()) as {
    items: { id: string; name: string }[];
  };
  const occupationId = occ.items.find((o) => o.name === '家庭保洁')?.id;
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const body = {
    occupationId,
    title: '招家政保洁2名',
    kind: 'flexible',
    headcount: 2,
    wageMinFen: 15_000,
    wageMaxFen: 18_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: '450223101000',
    address: '中渡镇新街8号',
    startDate: day(2),
    endDate: day(9),
    workHours: '08:00-17:00',
    requirements: '做事细心',
    description,
    contactName: '李老板',
    contactPhone: '13977770001',
    submit: true,
  };
  const res = await fetch(`${e2e.url}/api/v1/app/employers/${emp.employerId}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${emp.token}` },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string; details?: { message: string }[] } },
  };
}

describe('console management (issue 4)', () => {
  it('a staff member adds a sensitive word and a posting with it is blocked at once', async () => {
    const emp = await demoEmployer();
    const before = await postJob(emp, `家庭保洁，${NEW_WORD}，包午餐`);
    expect(JSON.stringify(before.body)).not.toContain(`「${NEW_WORD}」`);

    const page = await consolePage('admin');
    await page.goto(`${e2e.url}/admin/sensitive-words`);
    await expect
      .poll(() => page.getByTestId('words-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('word-add').click();
    await input(page, 'word-input').fill(NEW_WORD);
    await page.locator('.el-dialog .el-form-item').filter({ hasText: '处理方式' }).locator('.el-select').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '拦截' }).click();
    await snap(page, JOURNEY, '01-add-word');
    await page.getByTestId('word-save').click();
    await input(page, 'word-search').fill(NEW_WORD);
    await input(page, 'word-search').press('Enter');
    await expect.poll(() => page.getByTestId('words-table').textContent(), { timeout: 10_000 }).toContain(NEW_WORD);
    await snap(page, JOURNEY, '02-word-listed');

    const after = await postJob(emp, `家庭保洁，${NEW_WORD}，包午餐`);
    expect(after.status).toBe(400);
    expect(after.body.error?.code).toBe('CONTENT_BLOCKED');
    expect(after.body.error?.details?.map((d) => d.message).join('')).toContain(`「${NEW_WORD}」`);
    await page.context().close();
  });

  it('counter staff register a walk-in worker with a paper consent (代登记)', async () => {
    const page = await consolePage('counter');
    await page.goto(`${e2e.url}/admin/workers`);
    await expect
      .poll(() => page.getByTestId('workers-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('worker-register').click();
    const form = page.getByTestId('worker-register-form');
    await input(page, 'register-name').fill('蓝桂英');
    await input(page, 'register-phone').fill('13912345678');
    await form.getByTestId('town-filter').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '中渡镇' }).click();
    await page.getByTestId('consent-paper').click();
    await page.getByTestId('paper-consent').click();
    await snap(page, JOURNEY, '03-register-drawer');
    await page.getByTestId('worker-register-save').click();
    await input(page, 'worker-phone').fill('13912345678');
    await input(page, 'worker-phone').press('Enter');
    await expect.poll(() => page.getByTestId('workers-table').textContent(), { timeout: 10_000 }).toContain('蓝**');
    expect(await page.getByTestId('workers-table').textContent()).toContain('139****5678');
    await snap(page, JOURNEY, '04-registered');
    await page.context().close();
  });

  it('every console page opens without errors at 1366×768', async () => {
    const page = await consolePage('admin');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const [i, item] of NAV_ITEMS.entries()) {
      await page.goto(`${e2e.url}/admin${item.path === '/' ? '' : item.path}`);
      await page.waitForLoadState('networkidle');
      await expect
        .poll(() => page.locator('.page-card').count(), { timeout: 10_000, message: item.title })
        .toBeGreaterThan(0);
      expect(page.url(), item.title).not.toMatch(/\/403/);
      await expect
        .poll(() => page.locator('.el-loading-mask:visible').count(), { timeout: 10_000, message: item.title })
        .toBe(0);
      await snap(
        page,
        JOURNEY,
        `page-${String(i + 1).padStart(2, '0')}-${item.path === '/' ? 'home' : item.path.slice(1).replaceAll('/', '-')}`,
      );
      expect(errors, item.title).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('console review queues (issue 4 item 10)', () => {
  it('a reviewer approves a waiting posting in bulk and takes a published one down with a reason', async () => {
    const page = await consolePage('reviewer');
    await page.goto(`${e2e.url}/admin/jobs/review`);
    await expect
      .poll(() => page.getByTestId('review-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const title =
      (await page.getByTestId('review-table').locator('tbody tr').first().locator('td').nth(1).textContent())?.trim() ??
      '';
    await page.getByTestId('review-table').locator('tbody tr').first().locator('.el-checkbox').click();
    await page.getByTestId('review-bulk-approve').click();
    await snap(page, JOURNEY, '05-review-approve');
    await page.getByTestId('reason-submit').click();
    await expect.poll(() => page.locator('.el-message--success').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto(`${e2e.url}/admin/jobs`);
    await input(page, 'jobs-q').fill(title);
    await input(page, 'jobs-q').press('Enter');
    await expect.poll(() => page.getByTestId('jobs-table').textContent(), { timeout: 10_000 }).toContain('招聘中');
    await page.getByTestId('job-take-down').first().click();
    await page.getByTestId('reason-submit').click();
    await expect
      .poll(() => page.locator('.el-dialog:visible').textContent(), { timeout: 10_000 })
      .toContain('理由至少2个字');
    await input(page, 'reason-input').fill('岗位信息与实际不符');
    await page.getByTestId('reason-submit').click();
    await expect.poll(() => page.getByTestId('jobs-table').textContent(), { timeout: 10_000 }).toContain('已关闭');
    await page.getByTestId('job-detail-open').first().click();
    await expect
      .poll(() => page.getByTestId('job-detail').textContent(), { timeout: 10_000 })
      .toContain('下架：岗位信息与实际不符');
    await snap(page, JOURNEY, '06-taken-down');
    await page.context().close();
  });
});

describe('画像管理 (issue 4 item 4)', () => {
  it('a 中渡镇 agent tags a worker, verifies priority groups and saves a segment', async () => {
    const page = await consolePage('zhongdu');
    await page.goto(`${e2e.url}/admin/profiles`);
    await expect
      .poll(() => page.getByTestId('profiles-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('profiles-table').textContent()).not.toContain('寨沙镇');
    const row = page.getByTestId('profiles-table').locator('tbody tr').filter({ hasText: '待核验' }).first();
    await row.getByTestId('profile-open').click();
    await expect
      .poll(() => page.getByTestId('profile-priority-status').textContent(), { timeout: 10_000 })
      .toContain('待核验');
    await input(page, 'profile-tag-input').fill('踏实肯干');
    await page.getByTestId('profile-tag-add').click();
    await expect
      .poll(() => page.getByTestId('profile-staff-tag').allTextContents(), { timeout: 10_000 })
      .toContain('踏实肯干');
    await page.getByTestId('priority-verify').click();
    await expect
      .poll(() => page.getByTestId('profile-priority-status').textContent(), { timeout: 10_000 })
      .toContain('已核验');
    await snap(page, JOURNEY, '07-profile-drawer');
    await page.keyboard.press('Escape');

    await page.getByTestId('segment-open').click();
    await input(page, 'segment-name').fill('中渡镇 · 踏实肯干');
    await page.locator('.el-dialog [data-testid="profile-tags"]').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '踏实肯干' }).click();
    await expect
      .poll(() => page.getByTestId('segment-count').textContent(), { timeout: 10_000 })
      .toContain('符合条件：1 人');
    await snap(page, JOURNEY, '08-segment-dialog');
    await page.getByTestId('segment-save').click();
    await page.getByText('人群分组', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('segments-table').textContent(), { timeout: 10_000 })
      .toContain('中渡镇 · 踏实肯干');
    await snap(page, JOURNEY, '09-segments');
    await page.context().close();
  });
});
