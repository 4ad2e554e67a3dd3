import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// 薪酬委托结算 (issue 10): a statement from attendance × the agreed rate goes through dispute,
// correction and confirmation on the phone, is paid through a bank batch in the console, and is
// received; an unpaid one is filed as a wage grievance by the overdue sweep and escalated.
const J = 'wages';
const WORKER_PHONE = '13800000001';
const EMPLOYER_PHONE = '13800000002';
const SITE = { lng: 109.62, lat: 24.78 };
const ACCOUNT = '6228480088123456789';
const stamp = String(Date.now()).slice(-6);

const e2e = useE2e();
const { apiCall, phoneToken, mobilePage, clock } = e2e;

type Statement = {
  id: string;
  status: string;
  statusLabel: string;
  totalFen: number;
  dueDate: string;
  workerName: string;
  escalations: { level: string; levelLabel: string }[];
  grievanceId: string | null;
};

/** The Shanghai calendar day `n` days after the server clock's now. */
const dayAfter = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** A body-less POST (the CSRF rule wants the header on those). */
async function postEmpty<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${e2e.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': 'XMLHttpRequest' },
  });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Setup through the API: a 搬运工 job in 中渡镇 for the next two days, the worker hired at 150元/天
 * (pay within 1 day), and two days of check-in/out by location on the server's test clock.
 */
async function hiredAndWorkedTwoDays(employerToken: string, workerToken: string, title: string) {
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
  const [d1, d2] = [dayAfter(1), dayAfter(2)];
  const job = await apiCall<{ id: string }>('POST', `/api/v1/app/employers/${employers[0]!.id}/jobs`, employerToken, {
    occupationId: occupations.find((o) => o.name === '搬运工')!.id,
    title,
    kind: 'flexible',
    headcount: 1,
    wageMinFen: 15_000,
    wageMaxFen: 18_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: '450223101000',
    address: '中渡镇新街18号',
    ...SITE,
    startDate: d1,
    endDate: d2,
    workHours: '08:00-17:00',
    requirements: '身体健康',
    description: '仓库装卸',
    contactName: '李师傅',
    contactPhone: '13977770000',
    submit: true,
  });
  const app = await postEmpty<{ id: string }>(`/api/v1/app/jobs/${job.id}/apply`, workerToken);
  await apiCall('POST', `/api/v1/app/applications/${app.id}/hire`, employerToken, {
    agreedWageFen: 15_000,
    payWithinDays: 1,
  });
  for (const d of [d1, d2]) {
    clock.set(at(d, '08:00'));
    await apiCall('POST', `/api/v1/app/applications/${app.id}/check-in`, workerToken, { method: 'location', ...SITE });
    clock.set(at(d, '17:00'));
    await apiCall('POST', `/api/v1/app/applications/${app.id}/check-out`, workerToken, { method: 'location', ...SITE });
  }
  clock.set(at(dayAfter(1), '09:00'));
  return { applicationId: app.id, periodStart: d1, periodEnd: d2 };
}

const tag = (page: Page, testId: string) => page.getByTestId(testId).locator('.van-tag').first();

describe('薪酬委托结算', () => {
  it('statement 300元 → issue → dispute → correct → confirm → bank batch file → bank result → receipt', async () => {
    const title = `仓库搬运工日结${stamp}`;
    const employerToken = await phoneToken(EMPLOYER_PHONE);
    const workerToken = await phoneToken(WORKER_PHONE);
    const { applicationId, periodStart, periodEnd } = await hiredAndWorkedTwoDays(employerToken, workerToken, title);

    // 待结算 (employer): the statement from attendance (2天 × 150元), then issued.
    const e = await mobilePage(employerToken);
    await e.goto(`${e2e.url}/employer/wages?applicationId=${applicationId}`);
    await input(e, 'wage-period-start').fill(periodStart);
    await input(e, 'wage-period-end').fill(periodEnd);
    await e.getByTestId('wage-create').click();
    const card = e.locator('[data-testid^="employer-wage-"]').filter({ hasText: title });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.getByTestId('employer-wage-total').textContent()).toContain('300元');
    const id = (await card.getAttribute('data-testid'))!.replace('employer-wage-', '');
    await snap(e, J, '01-employer-draft');
    await card.getByTestId('wage-issue').click();
    await expect.poll(() => tag(e, `employer-wage-${id}`).textContent(), { timeout: 10_000 }).toContain('待确认');

    // 我的工钱 (worker): disputes with a reason.
    const w = await mobilePage(workerToken);
    await w.goto(`${e2e.url}/me/wages`);
    const mine = w.getByTestId(`wage-${id}`);
    await expect.poll(() => mine.getByTestId('wage-total').textContent(), { timeout: 10_000 }).toContain('300元');
    await snap(w, J, '02-worker-issued');
    await mine.getByTestId('wage-dispute').click();
    await input(w, 'wage-dispute-reason').fill('第二天帮忙卸了一车水泥，加班费50元没算');
    await w.locator('.van-dialog__confirm').click();
    await expect.poll(() => tag(w, `wage-${id}`).textContent(), { timeout: 10_000 }).toContain('有异议');

    // The employer sees the reason and corrects (adds the 50元 and says so); it goes out again.
    await e.reload();
    const disputed = e.getByTestId(`employer-wage-${id}`);
    await expect.poll(() => disputed.textContent(), { timeout: 10_000 }).toContain('加班费50元没算');
    await disputed.getByTestId('wage-correct').click();
    await input(e, 'wage-correct-add').fill('50');
    await input(e, 'wage-correct-add-reason').fill('卸水泥加班费');
    await input(e, 'wage-correct-note').fill('按工人异议补上加班费50元');
    await snap(e, J, '03-employer-correct');
    await e.locator('.van-dialog__confirm').click();
    await expect.poll(() => tag(e, `employer-wage-${id}`).textContent(), { timeout: 10_000 }).toContain('待确认');
    expect(await disputed.getByTestId('employer-wage-total').textContent()).toContain('350元');

    // The worker confirms the corrected statement and registers the account for 代发.
    await w.reload();
    await expect.poll(() => mine.getByTestId('wage-total').textContent(), { timeout: 10_000 }).toContain('350元');
    expect(await mine.textContent()).toContain('加：卸水泥加班费');
    await mine.getByTestId('wage-confirm').click();
    await expect.poll(() => tag(w, `wage-${id}`).textContent(), { timeout: 10_000 }).toContain('待支付');
    // 工资代发账户 on 我的工钱: a short number is refused on the field; the saved one shows masked.
    await w.getByTestId('bank-account-edit').click();
    await input(w, 'bank-name').fill('中国农业银行鹿寨支行');
    await input(w, 'bank-account-number').fill('12345');
    await w.locator('.bank-dialog .van-dialog__confirm').click();
    await expect
      .poll(() => w.locator('.bank-dialog').textContent(), { timeout: 10_000 })
      .toContain('银行卡号应为12-30位数字');
    await input(w, 'bank-account-number').fill(ACCOUNT);
    await w.locator('.bank-dialog .van-dialog__confirm').click();
    await expect
      .poll(() => w.getByTestId('bank-account').textContent(), { timeout: 10_000 })
      .toContain(`中国农业银行鹿寨支行 **** **** **** ${ACCOUNT.slice(-4)}`);
    expect(await w.getByTestId('bank-account').textContent()).not.toContain(ACCOUNT);

    // 薪酬台账 (console): tick the statement, make a 委托结算 batch, download the bank file.
    const page = await e2e.consolePage('admin');
    await page.goto(`${e2e.url}/admin/wages`);
    const row = page.getByTestId('wages-table').locator('tbody tr').filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await row.first().locator('.el-checkbox').click();
    // 保证金: without a deposit the batch is refused, naming the employer and the shortfall.
    const { items: mineEmployers } = await apiCall<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/app/employers',
      employerToken,
    );
    const employer = mineEmployers[0]!;
    await page.getByTestId('wages-batch-create').click();
    await expect
      .poll(() => page.getByTestId('wages-batch-error').first().textContent(), { timeout: 10_000 })
      .toContain(`“${employer.name}”委托结算保证金不足`);
    // Record a 500元 deposit in the 保证金 section, then the batch goes through.
    await page.getByTestId('deposit-new').click();
    const dialog = page.locator('.deposit-dialog');
    await dialog.getByTestId('deposit-employer').click();
    await page.keyboard.type(employer.name.slice(0, 4));
    await page.locator('.el-select-dropdown__item').filter({ hasText: employer.name }).first().click();
    await input(page, 'deposit-amount').fill('500');
    await input(page, 'deposit-reference').fill(`NB${stamp}`);
    await dialog.getByTestId('deposit-save').click();
    const balance = page.getByTestId(`deposit-balance-${employer.id}`);
    await expect.poll(() => balance.textContent(), { timeout: 10_000 }).toBe('500.00');
    await page.getByTestId('wages-batch-create').click();
    await expect.poll(() => page.getByTestId('wages-batch-total').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => balance.textContent(), { timeout: 10_000 }).toBe('150.00');
    expect(await page.getByTestId('wages-batch-total').textContent()).toBe('350.00');
    expect(await page.getByTestId('wages-batch-line').first().textContent()).toContain('**** **** **** 6789');
    const batchNumber = (await page.getByTestId('wages-batch-number').textContent())!.trim();
    await snap(page, J, '04-console-batch');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wages-batch-file').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('序号,收款人姓名,收款银行,收款账号,金额(元),用途');
    expect(csv[1]).toMatch(new RegExp(`^1,[^,]+,中国农业银行鹿寨支行,${ACCOUNT},350\\.00,工资 ${batchNumber}$`));
    expect(csv.at(-1)).toBe('合计,1,,,350.00,');

    // The bank's result file comes back: the line is paid.
    const result = ['序号,收款账号,金额,处理结果,银行附言', `1,${ACCOUNT},350.00,成功,`, '合计,1,350.00'].join('\r\n');
    await page.getByTestId('wages-batch-result-file').setInputFiles({
      name: `回单_${batchNumber}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(result, 'utf8'),
    });
    await expect
      .poll(() => page.getByTestId('wages-batch-status').textContent(), { timeout: 10_000 })
      .toBe('已导入银行回单');
    expect(await page.getByTestId('wages-batch-line').first().textContent()).toContain('已代发');
    await expect.poll(() => row.first().textContent(), { timeout: 10_000 }).toContain('已支付');
    // The ledger: 缴存 500, 批次支取 −350, balance 150 (paid stays drawn).
    await page.getByTestId(`deposit-ledger-${employer.id}`).click();
    await expect
      .poll(() => page.getByTestId('deposit-ledger-summary').textContent(), { timeout: 10_000 })
      .toMatch(/缴存 500\.00 − 退还\s*0\.00 − 已支取 350\.00 = 余额\s*150\.00/);
    await snap(page, J, '05-console-bank-result');
    await page.keyboard.press('Escape');
    await page.context().close();

    // The worker confirms receipt.
    await w.reload();
    await expect.poll(() => tag(w, `wage-${id}`).textContent(), { timeout: 10_000 }).toContain('已支付');
    await mine.getByTestId('wage-receive').click();
    await expect.poll(() => tag(w, `wage-${id}`).textContent(), { timeout: 10_000 }).toContain('已收款');
    await snap(w, J, '06-worker-received');
    await Promise.all([w.context().close(), e.context().close()]);
  });

  it('an unpaid statement: the overdue sweep files the wage grievance and escalates it', async () => {
    const title = `建材搬运工日结${stamp}`;
    const employerToken = await phoneToken(EMPLOYER_PHONE);
    const workerToken = await phoneToken(WORKER_PHONE);
    const { applicationId, periodStart, periodEnd } = await hiredAndWorkedTwoDays(employerToken, workerToken, title);
    const s = await apiCall<Statement>(
      'POST',
      `/api/v1/app/applications/${applicationId}/wage-statements`,
      employerToken,
      {
        periodStart,
        periodEnd,
      },
    );
    await postEmpty(`/api/v1/app/wages/${s.id}/issue`, employerToken);
    const statement = () => apiCall<Statement>('GET', `/api/v1/app/wages/${s.id}`, workerToken);

    // Past the pay day + 3 grace days: the background sweep (hourly, on the test clock) files it.
    clock.set(new Date(at(s.dueDate, '12:00').getTime() + 4 * 86_400_000));
    await expect
      .poll(async () => (await statement()).escalations.map((x) => x.level), { timeout: 20_000, interval: 500 })
      .toEqual(['station']);
    // Still unresolved 3 days later: up to the county employment service centre.
    clock.set(new Date(clock.now().getTime() + 3 * 86_400_000 + 3600_000));
    await expect
      .poll(async () => (await statement()).escalations.map((x) => x.level), { timeout: 20_000, interval: 500 })
      .toEqual(['station', 'county']);

    const page = await e2e.consolePage('admin');
    await page.goto(`${e2e.url}/admin/grievances`);
    const grievance = page.getByTestId('grievances-table').locator('tbody tr').filter({ hasText: '系统自动提交' });
    await expect
      .poll(async () => (await grievance.allTextContents()).some((t) => t.includes(`应付日${s.dueDate}`)), {
        timeout: 10_000,
      })
      .toBe(true);
    await snap(page, J, '07-console-wage-grievance');
    // 数据交换: both steps wait in the outbox for the province.
    await page.goto(`${e2e.url}/admin/exchange`);
    const outbox = page.getByTestId('exchange-wage-grievances').locator('tbody tr');
    const ours = async () =>
      (await outbox.allTextContents()).filter((t) => t.includes(s.dueDate) && t.includes('300.00')).join('|');
    await expect.poll(ours, { timeout: 10_000 }).toContain('县就业服务中心');
    expect(await ours()).toContain('零工驿站');
    expect(await ours()).toContain('待发送');
    await page.getByTestId('exchange-wage-grievances').scrollIntoViewIfNeeded();
    await snap(page, J, '07a-console-exchange-outbox');
    // 工作台: the 薪酬结算 figures count the overdue statement and open the ledger filtered to it.
    await page.goto(`${e2e.url}/admin/`);
    const overdueFigure = page.getByTestId('wages-overdue-figure');
    await expect.poll(() => overdueFigure.textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d*\s*笔/);
    expect(await overdueFigure.textContent()).toContain('300');
    await overdueFigure.scrollIntoViewIfNeeded();
    await snap(page, J, '07b-dashboard-wages');
    await overdueFigure.click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/admin/wages?overdue=true');
    const rows = page.getByTestId('wages-table').locator('tbody tr');
    const row = rows.filter({ hasText: title });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await row.first().textContent()).toContain('逾期');
    // Only overdue rows: every row of the filtered ledger says so.
    expect((await rows.allTextContents()).every((t) => t.includes('逾期'))).toBe(true);
    await row.first().getByTestId(`wages-open-${s.id}`).click();
    await expect
      .poll(() => page.locator('.el-drawer').textContent(), { timeout: 10_000 })
      .toContain('欠薪投诉升级：零工驿站 → 县就业服务中心');
    await snap(page, J, '08-console-escalated');
    await page.context().close();

    // The worker got paid after mediation and withdraws the auto-filed grievance in the app.
    const grievanceId = (await statement()).grievanceId!;
    const w = await mobilePage(workerToken);
    await w.goto(`${e2e.url}/grievances/${grievanceId}`);
    const card = w.getByTestId(`my-grievance-${grievanceId}`);
    await card.getByTestId('grievance-withdraw').click();
    await input(w, 'grievance-withdraw-reason').fill('老板已经把工钱付清了');
    await w.locator('.withdraw-dialog .van-dialog__confirm').click();
    await expect.poll(() => card.getByTestId('my-grievance-status').textContent(), { timeout: 10_000 }).toBe('已办结');
    expect(await card.textContent()).toContain('投诉人撤回：老板已经把工钱付清了');
    await expect.poll(() => w.locator('.withdraw-dialog').isVisible(), { timeout: 10_000 }).toBe(false);
    await snap(w, J, '09-worker-withdrew');
  });

  it('a wage grievance in the console: the case file shows the statement; 欠薪结案 records the outcome and corrects it', async () => {
    const title = `水泥搬运工日结${stamp}`;
    const employerToken = await phoneToken(EMPLOYER_PHONE);
    const workerToken = await phoneToken(WORKER_PHONE);
    const { applicationId, periodStart, periodEnd } = await hiredAndWorkedTwoDays(employerToken, workerToken, title);
    const s = await apiCall<Statement>(
      'POST',
      `/api/v1/app/applications/${applicationId}/wage-statements`,
      employerToken,
      { periodStart, periodEnd },
    );
    await postEmpty(`/api/v1/app/wages/${s.id}/issue`, employerToken);
    await postEmpty(`/api/v1/app/wages/${s.id}/confirm`, workerToken);
    const g = await apiCall<{ id: string }>(
      'POST',
      `/api/v1/app/applications/${applicationId}/grievances`,
      workerToken,
      { kind: 'wage_arrears', content: '两天的工钱确认后一直没有发' },
    );

    const page = await e2e.consolePage('admin');
    await page.goto(`${e2e.url}/admin/grievances`);
    const open = page.getByTestId(`grievance-open-${g.id}`);
    await expect.poll(() => open.count(), { timeout: 10_000 }).toBe(1);
    await open.click();
    const statements = page.getByTestId('wage-case-statements');
    await expect.poll(() => statements.textContent(), { timeout: 10_000 }).toContain('待支付');
    expect(await statements.textContent()).toContain(`${periodStart} 至 ${periodEnd}`);
    expect(await page.getByTestId('wage-case-agreement').textContent()).toContain('150元/天');
    expect(await page.getByTestId('wage-case-attendance').textContent()).toContain('2天');
    await page.getByTestId('grievance-accept').click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('已受理');
    await snap(page, J, '10-console-wage-case');

    // 欠薪结案: paid after mediation, adding 20元 of overtime; the statement goes back to the worker.
    await page.getByTestId('grievance-wage-close').click();
    await page.getByTestId('wage-outcome-paid_after_mediation').click();
    await input(page, 'wage-close-note').fill('驿站调解，用工方同意补发加班费后支付');
    await page.getByTestId('wage-close-correct').click();
    await page.getByTestId('wage-close-statement').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: periodStart }).first().click();
    await page.getByTestId('wage-close-add-line').click();
    await input(page, 'wage-close-line-amount-0').fill('20');
    await input(page, 'wage-close-line-reason-0').fill('加班两小时');
    await input(page, 'wage-close-reason').fill('漏算加班费');
    await page.getByTestId('wage-close-submit').click();
    await expect
      .poll(() => page.getByTestId('grievance-status').textContent(), { timeout: 10_000 })
      .toContain('已办结');
    expect(await page.getByTestId('grievance-wage-outcome').textContent()).toContain('调解后已支付');
    await expect.poll(() => statements.textContent(), { timeout: 10_000 }).toContain('待确认');
    expect(await statements.textContent()).toContain('320');
    await snap(page, J, '11-console-wage-closed');
    await page.context().close();
  });
});
