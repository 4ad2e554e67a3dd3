import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// 投诉: a worker files a grievance on the mobile app; staff accept, handle and resolve it in the console.
const J = 'grievances';
const WORKER_PHONE = '13800000001';
const EMPLOYER_PHONE = '13800000002';

const e2e = useE2e();
const { apiCall, phoneToken, mobilePage } = e2e;

/** Post a job in 中渡镇, apply and hire through the API; returns the application id. */
async function hiredApplication(employerToken: string, workerToken: string): Promise<string> {
  const { items: employers } = await apiCall<{ items: { id: string }[] }>(
    'GET',
    '/api/v1/app/employers',
    employerToken,
  );
  const { items: occupations } = await apiCall<{ items: { id: string; name: string }[] }>(
    'GET',
    '/api/v1/public/occupations',
    employerToken,
  );
  const day = (n: number) =>
    new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const job = await apiCall<{ id: string }>('POST', `/api/v1/app/employers/${employers[0]!.id}/jobs`, employerToken, {
    occupationId: occupations.find((o) => o.name === '搬运工')!.id,
    title: '仓库搬运工1名，日结',
    kind: 'flexible',
    headcount: 1,
    wageMinFen: 15_000,
    wageMaxFen: 18_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: '450223101000',
    address: '中渡镇新街18号',
    lng: 109.62,
    lat: 24.78,
    startDate: day(1),
    endDate: day(2),
    workHours: '08:00-17:00',
    requirements: '身体健康',
    description: '仓库装卸',
    contactName: '李师傅',
    contactPhone: '13977770000',
    submit: true,
  });
  const app = await apiCall<{ id: string }>('POST', `/api/v1/app/jobs/${job.id}/apply`, workerToken);
  await apiCall('POST', `/api/v1/app/applications/${app.id}/hire`, employerToken);
  return app.id;
}

describe('grievances', () => {
  it('a worker files a grievance; staff accept, handle and resolve it; the worker sees the result', async () => {
    const employerToken = await phoneToken(EMPLOYER_PHONE);
    const workerToken = await phoneToken(WORKER_PHONE);
    const applicationId = await hiredApplication(employerToken, workerToken);

    const w = await mobilePage(workerToken);
    await w.goto(`${e2e.url}/applications/${applicationId}`);
    await w.getByTestId('detail-grievance').click();
    await w.waitForURL(/\/grievance$/);
    await w.getByTestId('grievance-submit').click();
    await expect.poll(() => w.getByText('请选择投诉类型').count(), { timeout: 10_000 }).toBe(1);
    await w.getByTestId('grievance-kind-wage_arrears').click();
    await input(w, 'grievance-content').fill('老板叫人刷单，不给工钱');
    await w.getByTestId('grievance-submit').click();
    await expect.poll(() => w.getByText('投诉内容含有不允许的词语：刷单，请修改').count(), { timeout: 10_000 }).toBe(1);
    await snap(w, J, '01-mobile-file-blocked');
    await input(w, 'grievance-content').fill('干了两天活，老板一直拖着不给工钱');
    await w.getByTestId('grievance-submit').click();
    await w.waitForURL(/\/grievances\/[0-9a-f-]+$/, { timeout: 10_000 });
    await expect
      .poll(() => w.getByTestId('my-grievance-status').first().textContent(), { timeout: 10_000 })
      .toContain('待受理');
    await snap(w, J, '02-mobile-filed');

    const page = await e2e.consolePage('admin');
    await expect.poll(() => page.getByTestId('queue-grievances').textContent(), { timeout: 10_000 }).toMatch(/[1-9]/);
    await page.goto(`${e2e.url}/admin/grievances`);
    await expect
      .poll(() => page.locator('[data-testid^="grievance-open-"]').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('grievances-table').textContent(), { timeout: 10_000 })
      .toContain('待受理');
    await snap(page, J, '03-console-list');
    await page.locator('[data-testid^="grievance-open-"]').first().click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('待受理');
    await page.getByTestId('grievance-accept').click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('已受理');
    await page.getByTestId('grievance-start').click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('处理中');
    await page.getByTestId('grievance-resolve').click();
    await input(page, 'grievance-action-text').fill('已约谈雇主，工钱当场结清');
    await page.getByTestId('grievance-action-submit').click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('已办结');
    await snap(page, J, '04-console-resolved');
    await page.context().close();

    await w.reload();
    await expect
      .poll(() => w.getByTestId('my-grievance-status').first().textContent(), { timeout: 10_000 })
      .toContain('已办结');
    expect(await w.getByText('处理结果：已约谈雇主，工钱当场结清').count()).toBe(1);
    await snap(w, J, '05-mobile-resolved');
    // Elder mode (长辈模式): the filing page keeps its controls at 360 px.
    await w.evaluate(() => localStorage.setItem('lingong.elderMode', '1'));
    await w.goto(`${e2e.url}/applications/${applicationId}/grievance`);
    await expect
      .poll(() => w.evaluate(() => document.documentElement.classList.contains('elder-mode')), { timeout: 10_000 })
      .toBe(true);
    expect(await w.getByTestId('grievance-submit').isVisible()).toBe(true);
    await snap(w, J, '06-mobile-file-elder-mode');
    await w.evaluate(() => localStorage.setItem('lingong.elderMode', '0'));
    await w.goto(`${e2e.url}/me`);
    await w.getByTestId('me-grievances').click();
    await expect.poll(() => w.getByTestId('my-grievances').count(), { timeout: 10_000 }).toBe(1);
    await w.context().close();
  });
});
