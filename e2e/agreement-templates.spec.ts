import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field } from './support/ui.js';

// Issue 3 item 7 (versioned agreement template) and issue 4 item 2 (雇主管理 drawer: hires, ratings).

const e2e = useE2e();
const JOURNEY = 'agreement-templates';

const consolePage = (username: string) => e2e.consolePage(username);

describe('console: agreement templates and the employer drawer', () => {
  it('an admin writes a new template version: a bad slot is named, the preview is filled, the new version becomes current', async () => {
    const page = await consolePage('admin');
    await page.goto(`${e2e.url}/admin/agreement-templates`);
    await expect.poll(() => page.getByTestId('template-table').textContent(), { timeout: 10_000 }).toContain('第1版');
    await snap(page, JOURNEY, '01-versions');

    await page.getByTestId('template-new').click();
    const body = field(page, 'template-body');
    await expect.poll(() => body.inputValue(), { timeout: 10_000 }).toContain('{{number}}');
    const original = await body.inputValue();
    await body.fill(`${original}\n乙方电话：{{workerPhone}}`);
    await page.getByTestId('template-save').click();
    await expect
      .poll(() => page.getByTestId('template-problem').first().textContent(), { timeout: 10_000 })
      .toContain('未知的占位符：{{workerPhone}}');
    await snap(page, JOURNEY, '02-unknown-slot');

    await body.fill(`${original}\n七、争议处理\n双方发生争议的，可通过平台投诉或向县就业服务中心申请调解。`);
    await page.getByTestId('template-preview').click();
    await expect
      .poll(() => page.getByTestId('template-preview-text').textContent(), { timeout: 10_000 })
      .toContain('LZXY-2026-000123');
    await snap(page, JOURNEY, '03-preview');
    await page.getByTestId('template-save').click();
    await expect.poll(() => page.getByTestId('template-table').textContent(), { timeout: 10_000 }).toContain('第2版');
    await snap(page, JOURNEY, '04-saved');
  });

  it('the employer drawer shows hires and ratings received', async () => {
    const page = await consolePage('admin');
    await page.goto(`${e2e.url}/admin/employers`);
    await page.getByTestId('employers-table').getByRole('button', { name: '详情' }).first().click();
    await expect
      .poll(() => page.getByTestId('employer-activity').textContent(), { timeout: 10_000 })
      .toContain('录用记录');
    await expect
      .poll(() => page.getByTestId('employer-activity').textContent(), { timeout: 10_000 })
      .toContain('收到的评价');
    await page.getByTestId('employer-activity').scrollIntoViewIfNeeded();
    await snap(page, JOURNEY, '05-employer-drawer');
  });
});

const JSON_HEADERS = { 'content-type': 'application/json' };
async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${e2e.url}${path}`, {
    method,
    headers: { ...JSON_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('mobile profile: review states (360 px, elder mode)', () => {
  it('shows each certificate’s review and the priority-group verification with reasons', async () => {
    const phone = '13900006789';
    await call('POST', '/api/v1/public/auth/sms-code', null, { phone });
    const { token } = await call<{ token: string }>('POST', '/api/v1/public/auth/login/phone', null, {
      phone,
      code: await e2e.smsCode(phone),
    });
    const occ = await call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/public/occupations', null);
    await call('POST', '/api/v1/app/worker/consents', token, { kind: 'privacy_policy', version: '2025.1' });
    const certs = [
      { name: '焊工证', level: '中级', number: 'HG2024001' },
      { name: '电工证', level: '', number: 'DG2023009' },
      { name: '叉车证', level: '', number: '' },
    ];
    const profile = await call<{ id: string }>('PUT', '/api/v1/app/worker/profile', token, {
      name: '韦大勇',
      homeRegionCode: '450223101000',
      skills: [{ occupationId: occ.items.find((o) => o.name === '电焊工')?.id, years: 8 }],
      certificates: certs.map((c) => ({ ...c, photoFileId: null })),
      availability: { weekdays: [1, 2, 3], dayParts: ['morning'], earliestStart: null },
      expectedPay: { minFen: 18_000, unit: 'day' },
      maxDistanceKm: 20,
      jobKinds: ['flexible'],
      priorityGroups: ['脱贫劳动力'],
      trainingIntentions: [],
      bio: '',
    });
    const staff = (
      await call<{ token: string }>('POST', '/api/v1/public/auth/login/staff', null, {
        username: 'admin',
        password: 'Lingong@2025',
      })
    ).token;
    const queue = await call<{ items: { id: string; workerId: string; name: string }[] }>(
      'GET',
      '/api/v1/admin/certificates/review?pageSize=100',
      staff,
    );
    const idOf = (name: string) => queue.items.find((r) => r.workerId === profile.id && r.name === name)?.id;
    await call('POST', '/api/v1/admin/certificates/review', staff, { ids: [idOf('焊工证')], decision: 'approve' });
    await call('POST', '/api/v1/admin/certificates/review', staff, {
      ids: [idOf('电工证')],
      decision: 'reject',
      reason: '照片看不清，请重新上传',
    });
    await call('POST', `/api/v1/admin/profiles/${profile.id}/priority-review`, staff, {
      decision: 'reject',
      reason: '未提供建档立卡证明',
    });

    const context = await e2e.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'zh-CN',
      deviceScaleFactor: 2,
    });
    await context.addInitScript(() => localStorage.setItem('lingong.elderMode', '1'));
    const page = await context.newPage();
    await context.addCookies([{ name: 'lg_app', value: token, url: e2e.url }]);
    await page.goto(`${e2e.url}/me/profile`);
    await expect
      .poll(() => page.getByTestId('cert-review-0').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('verified');
    expect(await page.getByTestId('cert-review-1').textContent()).toContain('照片看不清，请重新上传');
    expect(await page.getByTestId('cert-review-2').textContent()).toContain('待审核');
    expect(await page.getByTestId('priority-review').textContent()).toContain('未通过');
    expect(await page.getByTestId('priority-review').textContent()).toContain('未提供建档立卡证明');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('cert-review-1').scrollIntoViewIfNeeded();
    await snap(page, JOURNEY, '06-mobile-certificates');
    await page.getByTestId('priority-review').scrollIntoViewIfNeeded();
    await snap(page, JOURNEY, '07-mobile-priority');
    await context.close();
  });
});
