import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { snap } from './support/browser.js';
import { useE2e } from './support/fixture.js';
import { field as input } from './support/ui.js';
import { CONTRAST_FAILURES, OVERFLOW_REPORT, type OverflowReport } from './support/layout-checks.js';

// 长辈模式 and layout (issue 14): every route of the mobile router at 320 and 360 px, normal and
// elder mode, has no horizontal overflow; key pages keep text contrast at WCAG AA.
const J = 'mobile-layout';
const WORKER_PHONE = '13800000001';
const EMPLOYER_PHONE = '13800000002';
const WIDTHS = [320, 360] as const;
const MODES = ['normal', 'elder'] as const;
type Mode = (typeof MODES)[number];
type Who = 'anon' | 'worker' | 'employer';

const e2e = useE2e();
const { apiCall, phoneToken } = e2e;

/** Every route of the mobile router, read from its source (children of '/' get the prefix). */
function routerRoutes(): { path: string; requiresAuth: boolean }[] {
  const src = readFileSync(path.resolve(import.meta.dirname, '../apps/web/mobile/router.ts'), 'utf8');
  const found = [...src.matchAll(/path:\s*'([^']*)'/g)];
  return found
    .map((m, k) => ({
      path: m[1]!.startsWith('/') ? m[1]! : `/${m[1]}`,
      requiresAuth: src.slice(m.index, found[k + 1]?.index ?? src.length).includes('requiresAuth: true'),
    }))
    .filter((r) => r.path !== '/' && !r.path.startsWith('/:pathMatch'));
}

type Ids = {
  jobId: string;
  employerId: string;
  applicationId: string;
  grievanceId: string;
  noticeId: string;
};

/** Real ids through the API: the employer's job, the worker hired on it, a grievance, a notice. */
async function seed(workerToken: string, employerToken: string): Promise<Ids> {
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
  const employerId = employers[0]!.id;
  const job = await apiCall<{ id: string }>('POST', `/api/v1/app/employers/${employerId}/jobs`, employerToken, {
    occupationId: occupations.find((o) => o.name === '搬运工')!.id,
    title: '仓库搬运工2名，日结，包午饭，长期合作优先考虑',
    kind: 'flexible',
    headcount: 2,
    wageMinFen: 15_000,
    wageMaxFen: 18_000,
    wageUnit: 'day',
    settlement: 'daily',
    townCode: '450223101000',
    address: '中渡镇新街18号鹿寨县中渡镇农产品加工物流园区二号仓库',
    lng: 109.62,
    lat: 24.78,
    startDate: day(1),
    endDate: day(3),
    workHours: '08:00-17:00',
    requirements: '身体健康',
    description: '仓库装卸',
    contactName: '李师傅',
    contactPhone: '13977770000',
    submit: true,
  });
  const app = await apiCall<{ id: string }>('POST', `/api/v1/app/jobs/${job.id}/apply`, workerToken);
  await apiCall('POST', `/api/v1/app/applications/${app.id}/hire`, employerToken);
  const grievance = await apiCall<{ id: string }>(
    'POST',
    `/api/v1/app/applications/${app.id}/grievances`,
    workerToken,
    {
      kind: 'wage_arrears',
      content: '说好日结，干完两天还没有给工钱',
    },
  );
  const notices = (await (await fetch(`${e2e.url}/api/v1/public/publications?channel=notice&pageSize=1`)).json()) as {
    items: { id: string }[];
  };
  return {
    jobId: job.id,
    employerId,
    applicationId: app.id,
    grievanceId: grievance.id,
    noticeId: notices.items[0]!.id,
  };
}

/** Who visits a route (the employer area, else a worker when it needs a login) and its URL with real ids. */
function visit(route: { path: string; requiresAuth: boolean }, ids: Ids): { who: Who; url: string } {
  const url = route.path
    .replace(':employerId', ids.employerId)
    .replace(/^\/jobs\/:id/, `/jobs/${ids.jobId}`)
    .replace(/^\/employer\/jobs\/:id/, `/employer/jobs/${ids.jobId}`)
    .replace(/^\/notices\/:id/, `/notices/${ids.noticeId}`)
    .replace(/^\/grievances\/:id/, `/grievances/${ids.grievanceId}`)
    .replace(/^\/(applications|rate)\/:id/, `/$1/${ids.applicationId}`);
  if (url.includes(':')) throw new Error(`mobile-layout spec: no id for route ${route.path}`);
  const who: Who = route.path.startsWith('/employer') ? 'employer' : route.requiresAuth ? 'worker' : 'anon';
  return { who, url };
}

let tokens: { worker: string; employer: string } | undefined;
let ids: Ids | undefined;
async function setup(): Promise<{ tokens: { worker: string; employer: string }; ids: Ids }> {
  if (!tokens || !ids) {
    const worker = await phoneToken(WORKER_PHONE);
    const employer = await phoneToken(EMPLOYER_PHONE);
    tokens = { worker, employer };
    ids = await seed(worker, employer);
  }
  return { tokens, ids };
}

async function phone(
  width: number,
  mode: Mode | 'device',
  token?: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await e2e.browser.newContext({
    viewport: { width, height: 720 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  // 'device': whatever this browser remembered (the init script would reset it on every load).
  if (mode !== 'device')
    await ctx.addInitScript((on) => localStorage.setItem('lingong.elderMode', on ? '1' : '0'), mode === 'elder');
  if (token) await ctx.addCookies([{ name: 'lg_app', value: token, url: e2e.url }]);
  return { ctx, page: await ctx.newPage() };
}

/** Open a URL and let its data load and render. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(`${e2e.url}${url}`);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}

const slug = (url: string) =>
  url
    .replace(/[0-9a-f-]{36}/g, 'id')
    .replace(/^\//, '')
    .replace(/\W+/g, '_') || 'root';

describe('mobile layout: every route at 320 and 360 px, normal and 长辈模式', () => {
  it('the checks catch a wide box, a pseudo-element sticking out, cut-off text and grey-on-white text', async () => {
    const { ctx, page } = await phone(320, 'normal');
    const html = (body: string) =>
      `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${body}</body>`;
    await page.setContent(html('<div class="wide" style="width:330px">x</div>'));
    let report = (await page.evaluate(OVERFLOW_REPORT)) as OverflowReport;
    expect(report.scrollWidth).toBe(330);
    expect(report.offenders).toEqual(['div.wide [0..330]']);
    await page.setContent(
      html(
        '<style>.arrow::after{content:"";position:absolute;right:-6px;width:4px;height:4px}</style>' +
          '<div style="display:flex;justify-content:flex-end"><span class="arrow" style="position:relative">x</span></div>',
      ),
    );
    report = (await page.evaluate(OVERFLOW_REPORT)) as OverflowReport;
    expect(report.offenders.join()).toContain('span.arrow (its pseudo-element or transform)');
    await page.setContent(
      html('<div class="cell" style="width:80px;overflow:hidden;white-space:nowrap">男 · 2002-08-04 很长很长</div>'),
    );
    report = (await page.evaluate(OVERFLOW_REPORT)) as OverflowReport;
    expect(report.offenders).toEqual([]);
    expect(report.clipped.join()).toContain('div.cell');
    await page.setContent(html('<p class="grey" style="color:#969799">说明</p><p style="color:#646566">说明</p>'));
    const low = (await page.evaluate(CONTRAST_FAILURES)) as string[];
    expect(low).toHaveLength(1);
    expect(low[0]).toMatch(/^2\.9\d < 4\.5 "说明" .*p\.grey/);
    await ctx.close();
  });

  for (const width of WIDTHS)
    for (const mode of MODES)
      it(`no horizontal overflow at ${width} px, ${mode === 'elder' ? '长辈模式' : '普通模式'}`, async () => {
        const { tokens: t, ids: i } = await setup();
        const routes = routerRoutes();
        expect(routes.length).toBeGreaterThan(25);
        const pages: Partial<Record<Who, { ctx: BrowserContext; page: Page }>> = {};
        const failures: string[] = [];
        let overflowing = 0;
        for (const route of routes) {
          const { who, url } = visit(route, i);
          pages[who] ??= await phone(width, mode, who === 'anon' ? undefined : t[who]);
          const { page } = pages[who]!;
          await open(page, url);
          // A redirect to /login would hide the page under test.
          if (route.path !== '/login') expect(new URL(page.url()).pathname, `${url} as ${who}`).not.toBe('/login');
          if (mode === 'elder')
            expect(await page.evaluate(() => document.documentElement.className)).toContain('elder-mode');
          await snap(page, J, `${width}-${mode}-${slug(url)}`);
          const report = (await page.evaluate(OVERFLOW_REPORT)) as OverflowReport;
          if (report.scrollWidth > report.clientWidth || report.offenders.length) {
            overflowing++;
            failures.push(
              `${route.path}: scrollWidth ${report.scrollWidth} > ${report.clientWidth}; ${report.offenders.join(' | ')}`,
            );
          }
          if (report.clipped.length) failures.push(`${route.path}: text cut off: ${report.clipped.join(' | ')}`);
        }
        for (const p of Object.values(pages)) await p.ctx.close();
        console.log(`[mobile-layout] ${width}px ${mode}: ${overflowing}/${routes.length} routes overflow`);
        expect(failures, failures.join('\n')).toEqual([]);
      }, 240_000);

  it('text contrast is at least AA (4.5:1, large text 3:1) on every route in both modes', async () => {
    const { tokens: t, ids: i } = await setup();
    const pagesToCheck = routerRoutes().map((r) => visit(r, i));
    const failures: string[] = [];
    for (const mode of MODES) {
      const pages: Partial<Record<Who, { ctx: BrowserContext; page: Page }>> = {};
      for (const { who, url } of pagesToCheck) {
        pages[who] ??= await phone(360, mode, who === 'anon' ? undefined : t[who]);
        const { page } = pages[who]!;
        await open(page, url);
        for (const f of (await page.evaluate(CONTRAST_FAILURES)) as string[]) failures.push(`${mode} ${url}: ${f}`);
      }
      for (const p of Object.values(pages)) await p.ctx.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 240_000);

  it('长辈模式 is on the first screen before login, remembered on the device, and applies app-wide', async () => {
    const { ctx, page } = await phone(320, 'device');
    await open(page, '/jobs');
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('elder-mode');
    const toggle = page.getByTestId('elder-mode-toggle');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toContain('elder-mode');
    expect(await page.evaluate(() => localStorage.getItem('lingong.elderMode'))).toBe('1');
    // At 320 px in elder mode the switch and the title share the bar without overlapping.
    const sw = (await page.locator('.elder-switch').boundingBox())!;
    const title = (await page.locator('.van-nav-bar__title').boundingBox())!;
    expect(sw.x + sw.width, 'switch runs into the title').toBeLessThanOrEqual(title.x);
    await snap(page, J, 'toggle-01-jobs-elder');
    // The login page shows the same switch, already on; a reload keeps the mode.
    await open(page, '/login');
    expect(await page.evaluate(() => document.documentElement.className)).toContain('elder-mode');
    expect(await page.getByTestId('elder-mode-toggle').getAttribute('aria-checked')).toBe('true');
    await snap(page, J, 'toggle-02-login-elder');
    await page.getByTestId('elder-mode-toggle').click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('elder-mode');
    await ctx.close();
  });

  it('the job list reads a job aloud from its card; the profile time slots sit on one line', async () => {
    const { tokens: t } = await setup();
    const { ctx, page } = await phone(320, 'elder', t.worker);
    await ctx.addInitScript(() => {
      const w = window as unknown as { __spoken: string[] };
      w.__spoken = [];
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.__spoken.push(`${u.lang}|${u.text}`);
    });
    await open(page, '/jobs');
    const card = page.getByTestId('job-card').first();
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const title = (await card.locator('.job-card__title').textContent())!;
    await card.getByTestId('job-card-read').click();
    // Reading does not open the job.
    expect(new URL(page.url()).pathname).toBe('/jobs');
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(/^zh-CN\|/);
    expect(spoken[0]).toContain(title);
    expect(spoken[0]).toMatch(/元/);

    await open(page, '/me/profile');
    const slots = page.getByTestId('profile-time-slots').locator('.van-checkbox');
    await expect.poll(() => slots.count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const tops = await slots.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size, `time slot rows: ${tops.join(',')}`).toBe(1);
    await snap(page, J, 'read-aloud-profile-slots');
    expect(await input(page, 'profile-name').count()).toBe(1);
    await ctx.close();
  });
});
