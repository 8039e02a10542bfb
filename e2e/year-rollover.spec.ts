import { type Browser, expect, type Page, test } from '@playwright/test';
import { hydrated, storageState } from './users';

// Issue 14 §1, as the dispatch office does it. The demo seed's 2026 list was rolled over from the
// report's 2025 list: the dashboard's year selector shows both years, each counting its own list,
// 2025 marked as history. The office then rolls 2026 into 2027 with one project dropped; the
// registry of 2027 shows that project one link away. Runs last (its own Playwright project): a
// new list changes every count after it.

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, locale: 'zh-CN' | 'en', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState('dispatch'), viewport });
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: test.info().project.use.baseURL as string }]);
  return ctx.newPage();
}

const projectCount = async (page: Page) => Number(await page.getByTestId('figure-projects').getAttribute('data-count'));
const registryTotal = async (page: Page) => Number((await page.getByTestId('registry-total').textContent())?.match(/\d+/)?.[0]);

let count2026 = 0;
let dropped = '';

test('the dashboard’s year selector shows 2025 and 2026, each counting its own list', async ({ browser }) => {
  const page = await open(browser, 'zh-CN');
  await page.goto('/dashboard');
  const select = page.locator('#dashboard-year');
  await expect(select.locator('option')).toHaveText(['2026年', '2025年（历史）']);
  await expect(page.getByTestId('plan-year-note')).toHaveCount(0);
  count2026 = await projectCount(page);
  await hydrated(page);
  await select.selectOption('2025');
  await expect(page).toHaveURL(/year=2025/);
  await expect(page.getByTestId('plan-year-note')).toContainText('2025年为历史年度，只读');
  const count2025 = await projectCount(page);
  expect(count2025).toBeGreaterThan(0);

  // The year's list pages say the same counts.
  await page.goto('/lights/years?year=2026');
  await expect(page.getByTestId('year-summary')).toContainText(`2026年清单共 ${count2026} 个项目`);
  await page.goto('/lights/years?year=2025');
  await expect(page.getByTestId('year-summary')).toContainText(`2025年清单共 ${count2025} 个项目`);
  await page.context().close();
});

test('the office rolls 2026 into 2027 with one project dropped; the selector offers 2027 and counts its list', async ({ browser }) => {
  const page = await open(browser, 'zh-CN');
  await page.goto('/lights/years?year=2026');
  await hydrated(page);
  const first = page.getByTestId('rollover-list').locator('li[data-testid^="rollover-"]').first();
  dropped = (await first.getAttribute('data-testid'))!.replace('rollover-', '');
  await page.getByTestId(`decision-${dropped}-drop`).check();
  await page.getByTestId('rollover-submit').click();
  await page.getByTestId('rollover-confirm-submit').click();
  await expect(page).toHaveURL(/year=2027/);
  await expect(page.getByTestId('year-summary')).toContainText(`2027年清单共 ${count2026 - 1} 个项目`);

  await page.goto('/dashboard?year=2027');
  await expect(page.locator('#dashboard-year option')).toHaveText(['2027年', '2026年', '2025年（历史）']);
  await expect(page.locator('#dashboard-year')).toHaveValue('2027');
  expect(await projectCount(page)).toBe(count2026 - 1);
  await page.goto('/projects?year=2027');
  await expect(page.getByTestId('registry-table')).not.toContainText(dropped);
  await page.context().close();
});

test('the registry holds 2027’s list and shows the project it left out one link away', async ({ browser }) => {
  const page = await open(browser, 'zh-CN');
  await page.goto('/projects?year=2027');
  const line = page.getByTestId('year-list-line');
  await expect(line).toContainText('2027年重点项目清单');
  await expect(line).toContainText('清单外另有 1 个项目');
  expect(await registryTotal(page)).toBe(count2026 - 1);
  await expect(page.getByTestId('registry-table')).not.toContainText(dropped);
  await line.getByTestId('listed-out').click();
  await expect(page).toHaveURL(/listed=out/);
  await expect(page.getByTestId('registry-total')).toContainText('1');
  await expect(page.getByTestId('registry-table')).toContainText(dropped);
  await page.getByTestId('year-list-line').getByTestId('listed-in').click();
  await expect(page).not.toHaveURL(/listed=/);
  await expect(page.getByTestId('registry-table')).not.toContainText(dropped);
  await page.goto('/projects?year=2027');
  await page.getByTestId('year-list-line').getByTestId('listed-all').click();
  await expect(page).toHaveURL(/listed=all/);
  await expect(page.getByTestId('registry-total')).toContainText(String(count2026));
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
      await page.goto('/dashboard');
      const capacity = page.getByTestId('capacity-progress');
      await capacity.scrollIntoViewIfNeeded();
      await capacity.locator('xpath=ancestor::section[1]').screenshot({ path: test.info().outputPath(`capacity-${locale}-${name}.png`) });
      await page.goto('/lights?year=2025');
      await expect(page.locator('#lights-year')).toHaveValue('2025');
      await page.screenshot({ path: test.info().outputPath(`lights-2025-${locale}-${name}.png`) });
      await page.goto('/dashboard/targets');
      await page.screenshot({ path: test.info().outputPath(`targets-${locale}-${name}.png`), fullPage: true });
      await page.goto('/projects');
      await expect(page.getByTestId('year-list-line')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`registry-2026-${locale}-${name}.png`) });
      // Nothing wider than the screen on a phone.
      if (name === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.context().close();
    }
  }
});
