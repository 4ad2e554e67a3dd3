import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text input of a field by data-testid, whether the id sits on the <input> or on its wrapper (Vant, Element Plus). */
export const field = (page: Page, testId: string): Locator =>
  page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first();

/** Log a demo staff member into the console (password of the demo data). */
export async function staffLogin(page: Page, baseUrl: string, username: string, password = 'Lingong@2025'): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('header-user').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}
