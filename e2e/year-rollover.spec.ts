import { type Browser, expect, type Page, test } from '@playwright/test';
import { hydrated, storageState } from './users';

// Issue 14 §1, as the dispatch office does it: 2025's key-project list is rolled into 2026 with
// one project dropped; the dashboard's year selector then offers both years, 2026 counts its own
// list and 2025 stays as it was (marked as history); the registry says which projects the 2026
// list leaves out. Runs last (its own Playwright project): 2026's list changes every count after it.

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, locale: 'zh-CN' | 'en', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState('dispatch'), viewport });
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: test.info().project.use.baseURL as string }]);
  return ctx.newPage();
}

const projectCount = async (page: Page) => Number(await page.getByTestId('figure-projects').getAttribute('data-count'));

let dropped = '';
let before2025 = 0;

test('the office rolls 2025 into 2026 and the dashboard’s year selector shows both', async ({ browser }) => {
  const page = await open(browser, 'zh-CN');
  await page.goto('/dashboard?year=2025');
  await expect(page.getByTestId('plan-year-note')).toHaveAttribute('data-past', '1');
  before2025 = await projectCount(page);
  expect(before2025).toBeGreaterThan(1);

  await page.goto('/lights/years?year=2025');
  await hydrated(page);
  const first = page.getByTestId('rollover-list').locator('[data-testid^="rollover-"]').first();
  dropped = (await first.getAttribute('data-testid'))!.replace('rollover-', '');
  await page.getByTestId(`decision-${dropped}-drop`).check();
  await page.getByTestId('rollover-submit').click();
  await page.getByTestId('rollover-confirm-submit').click();
  await expect(page).toHaveURL(/year=2026/);
  await expect(page.getByTestId('year-summary')).toContainText(`2026年清单共 ${before2025 - 1} 个项目`);

  // The dashboard: 2026 (the default) counts its list; 2025 keeps the dropped project.
  await page.goto('/dashboard');
  const select = page.locator('#dashboard-year');
  await expect(select.locator('option')).toHaveText(['2026年', '2025年（历史）']);
  expect(await projectCount(page)).toBe(before2025 - 1);
  await expect(page.getByTestId('plan-year-note')).toHaveCount(0);
  await hydrated(page);
  await select.selectOption('2025');
  await expect(page).toHaveURL(/year=2025/);
  await expect(page.getByTestId('plan-year-note')).toContainText('2025年为历史年度，只读');
  expect(await projectCount(page)).toBe(before2025);
  await page.context().close();
});

test('the registry holds 2026’s list and shows the dropped project one link away', async ({ browser }) => {
  const page = await open(browser, 'zh-CN');
  await page.goto('/projects');
  const line = page.getByTestId('year-list-line');
  await expect(line).toContainText('2026年重点项目清单');
  await expect(page.getByTestId('registry-table')).not.toContainText(dropped);
  await line.getByTestId('listed-out').click();
  await expect(page).toHaveURL(/listed=out/);
  await expect(page.getByTestId('registry-table')).toContainText(dropped);
  await page.getByTestId('year-list-line').getByTestId('listed-in').click();
  await expect(page.getByTestId('registry-table')).not.toContainText(dropped);
  await page.context().close();
});

test('screenshots: the dashboard’s and the registry’s year selector in both languages, desktop and phone', async ({ browser }) => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [name, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await open(browser, locale, viewport);
      await page.goto('/dashboard?year=2025');
      await expect(page.getByTestId('plan-year-note')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`dashboard-2025-${locale}-${name}.png`) });
      await page.goto('/projects');
      await expect(page.getByTestId('year-list-line')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`registry-2026-${locale}-${name}.png`) });
      // Nothing wider than the screen on a phone.
      if (name === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.context().close();
    }
  }
});
