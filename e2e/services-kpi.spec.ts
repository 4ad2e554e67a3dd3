import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '@lingong/contracts';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';

// Issue 5 item 11: staff record a guidance session and a training push in the console, the KPI
// page shows the counts rise, and the acceptance pack downloads with sheets that parse.

const e2e = useE2e();
const J = 'services-kpi';
const ADVICE = `端到端测试：建议参加电工培训后到工业园区求职 ${Date.now()}`;

const login = (page: Page, username: string) => e2e.staffLogin(page, username);

/** The 'actual' figure of a KPI card (number before the unit). */
async function kpiActual(page: Page, key: string): Promise<number> {
  const card = page.getByTestId(`kpi-card-${key}`);
  await expect.poll(() => card.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const text = (await card.locator('.kpi__actual').textContent()) ?? '';
  return Number.parseFloat(text);
}

async function openKpi(page: Page): Promise<void> {
  await page.goto(`${e2e.url}/admin/kpi`);
  await expect
    .poll(() => page.getByTestId('kpi-card-guidance_sessions').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
}

type SheetRows = { name: string; rows: string[][] };
async function sheetsOf(bytes: Buffer): Promise<SheetRows[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(
        (Array.isArray(row.values) ? row.values.slice(1) : []).map((v: unknown) =>
          v === null || v === undefined ? '' : String(v),
        ),
      ),
    );
    return { name: ws.name, rows };
  });
}

describe('services and KPI in the console (issue 5)', () => {
  it('guidance and a training push raise the KPI figures; the acceptance pack has the rows', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'counter');

    await openKpi(page);
    const guidanceBefore = await kpiActual(page, 'guidance_sessions');
    const coverageBefore = await kpiActual(page, 'training_coverage');
    await snap(page, J, '01-kpi-before');

    // A one-to-one guidance session from the registration ledger.
    await page.goto(`${e2e.url}/admin/ledgers`);
    await expect.poll(() => page.getByTestId('record-guidance').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('record-guidance').first().click();
    await expect.poll(() => page.getByTestId('record-form').isVisible()).toBe(true);
    await page.getByTestId('record-topic').click();
    await page.locator('.el-select-dropdown__item', { hasText: '择业方向' }).first().click();
    await input(page, 'record-advice').fill(ADVICE);
    await snap(page, J, '02-guidance-form');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.getByTestId('record-form').isVisible(), { timeout: 10_000 }).toBe(false);

    // A training push: the first course that still has workers to recommend.
    await page.goto(`${e2e.url}/admin/training`);
    await expect.poll(() => page.getByTestId('course-push').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const courses = await page.getByTestId('course-push').count();
    let pushed = 0;
    for (let i = 0; i < courses && pushed === 0; i++) {
      await page.getByTestId('course-push').nth(i).click();
      await expect.poll(() => page.getByTestId('push-preview').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const text = (await page.getByTestId('push-preview').textContent()) ?? '';
      const created = Number(/本次将向\s*(\d+)\s*人/.exec(text)?.[1] ?? 0);
      if (created > 0) {
        await snap(page, J, '03-push-preview');
        await page.getByTestId('push-confirm').click();
        await expect.poll(() => page.getByTestId('push-preview').isVisible(), { timeout: 10_000 }).toBe(false);
        pushed = created;
      } else {
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('push-preview').isVisible(), { timeout: 5_000 }).toBe(false);
      }
    }
    expect(pushed).toBeGreaterThan(0);

    await openKpi(page);
    await expect.poll(() => kpiActual(page, 'guidance_sessions'), { timeout: 10_000 }).toBe(guidanceBefore + 1);
    const coverageAfter = await kpiActual(page, 'training_coverage');
    expect(coverageAfter).toBeGreaterThan(coverageBefore);
    await snap(page, J, '04-kpi-after');

    // The acceptance pack: a zip of ledgers and the KPI summary, each sheet parses.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('kpi-pack').click(),
    ]);
    const zipPath = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.includes('职业指导台账'))).toBe(true);
    const byName = async (part: string) => {
      const name = names.find((n) => n.includes(part));
      if (!name) throw new Error(`${part} not in pack: ${names.join(', ')}`);
      const file = zip.file(name);
      if (!file) throw new Error(`${name} missing`);
      return sheetsOf(await file.async('nodebuffer'));
    };
    const guidance = (await byName('职业指导台账'))[0];
    expect(guidance?.rows[0]).toContain('择业建议');
    expect(guidance?.rows.some((r) => r.includes(ADVICE))).toBe(true);
    const summary = (await byName('考核指标汇总')).find((s) => s.name === '指标汇总');
    const guidanceRow = summary?.rows.find((r) => r.includes('职业指导') || r.some((c) => c.includes('职业指导')));
    expect(guidanceRow).toBeDefined();
    expect(guidanceRow).toContain(String(guidanceBefore + 1));
    const recommendations = (await byName('培训推荐台账'))[0];
    expect((recommendations?.rows.length ?? 0) - 1).toBeGreaterThanOrEqual(pushed);
    await snap(page, J, '05-pack-downloaded');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('paper registrations are imported from the template: a bad file shows the row report, a good one is imported', async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'counter');
    await page.goto(`${e2e.url}/admin/ledgers`);
    await expect.poll(() => page.getByTestId('import-registrations').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('import-registrations').click();
    await expect.poll(() => page.getByTestId('ledger-import-dialog').isVisible()).toBe(true);

    // The template downloads and is the export's sheet with its headers.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByTestId('ledger-import-template').click(),
    ]);
    const template = await sheetsOf(readFileSync(await download.path()));
    expect(template[0]?.name).toBe('求职登记台账');
    const headers = template[0]?.rows[0] ?? [];
    expect(headers).toEqual(expect.arrayContaining(['姓名', '公民身份号码', '户籍/现居住地', '登记渠道', '登记时间']));

    const fill = async (rows: Record<string, string>[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('求职登记台账');
      ws.addRow(headers);
      for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const idA = makeIdNumber({ regionCode: '450223', birthDate: '1966-06-06', seq: 417, gender: 'male' });
    const idB = makeIdNumber({ regionCode: '450223', birthDate: '1967-07-07', seq: 418, gender: 'female' });
    const good = {
      姓名: '韦导入',
      公民身份号码: idA,
      '户籍/现居住地': '中渡镇',
      登记渠道: '入户采集',
      登记时间: '2026-01-05 09:30',
      重点群体类别: '脱贫劳动力',
    };
    const bad = {
      姓名: '覃导入',
      公民身份号码: `${idB.slice(0, 17)}${idB.endsWith('1') ? '2' : '1'}`,
      '户籍/现居住地': '火星村',
      登记渠道: '入户采集',
      登记时间: '2026-01-05',
    };
    await page.getByTestId('ledger-import-file').setInputFiles({
      name: '纸质登记.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await fill([good, bad]),
    });
    await expect.poll(() => page.getByTestId('ledger-import-errors').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const report = (await page.getByTestId('ledger-import-errors').textContent()) ?? '';
    expect(report).toContain('身份证号码校验位不正确');
    expect(report).toContain('户籍/现居住地');
    expect(await page.getByTestId('ledger-import-failed').textContent()).toContain('未导入任何数据');
    await snap(page, J, '06-import-row-report');

    await page.getByTestId('ledger-import-file').setInputFiles({
      name: '纸质登记.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await fill([good, { ...bad, 公民身份号码: idB, '户籍/现居住地': '寨沙镇' }]),
    });
    await expect.poll(() => page.getByTestId('ledger-import-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('ledger-import-result').textContent()).toContain('新增 2 条');
    await snap(page, J, '07-import-done');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('ledger-registrations').textContent(), { timeout: 10_000 })
      .toContain('入户采集');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
