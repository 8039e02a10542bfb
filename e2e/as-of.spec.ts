import { type Browser, expect, type Page, test } from '@playwright/test';
import { storageState, type RoleKey } from './users';

// One as-of month (issue 13 B7) on the demo data: the dashboard headline, a project page (plan
// section and light panel) and the lights page state the same month in the same words. The demo
// history has approved reports through October 2026 and October's lights; TC2025-004 has an
// approved report in every period.

async function as(browser: Browser, role: RoleKey): Promise<Page> {
  const ctx = await browser.newContext({ storageState: storageState(role) });
  return ctx.newPage();
}

test('the as-of month on the dashboard, a project page and the lights page is the same', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await as(browser, 'dispatch');

  await page.goto('/dashboard');
  const dashboardMonth = page.getByTestId('investment-as-of').getByTestId('as-of-month');
  await expect(dashboardMonth).toBeVisible();
  const month = await dashboardMonth.getAttribute('data-month');
  const text = (await dashboardMonth.innerText()).trim();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  expect(text).toMatch(/^截至 \d{4}年\d{1,2}月$/);

  await page.goto('/projects?q=TC2025-004');
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText('TC2025-004');
  const planMonth = page.getByTestId('plan-section').getByTestId('plan-as-of');
  await expect(planMonth).toHaveCount(2); // the cumulative target and 序时进度
  for (const m of await planMonth.all()) {
    await expect(m).toHaveAttribute('data-month', month!);
    await expect(m).toHaveText(text);
  }
  const lightMonth = page.getByTestId('light-figures').getByTestId('light-as-of');
  await expect(lightMonth).toHaveAttribute('data-month', month!);
  await expect(lightMonth).toHaveText(text);
  // Same month: no note about another month.
  await expect(page.getByTestId('light-other-month')).toHaveCount(0);

  await page.goto('/lights');
  const lightsMonth = page.getByTestId('lights-as-of').getByTestId('as-of-month');
  await expect(lightsMonth).toHaveAttribute('data-month', month!);
  await expect(lightsMonth).toHaveText(text);
});

test('a month picked on the dashboard changes the as-of month and carries to the 大屏', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await as(browser, 'dispatch');
  await page.goto('/dashboard');
  const picker = page.getByTestId('as-of-picker');
  await expect(picker).toHaveAttribute('data-ready', 'true');
  const select = picker.getByRole('combobox');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values.length).toBeGreaterThan(1);
  const earlier = values[1]!; // newest first: the month before the latest
  await select.selectOption(earlier);
  await expect(page).toHaveURL(new RegExp(`asOf=${earlier}`));
  const dashboardMonth = page.getByTestId('investment-as-of').getByTestId('as-of-month');
  await expect(dashboardMonth).toHaveAttribute('data-month', earlier);
  await expect(page.getByTestId('presentation-link')).toHaveAttribute('href', `/dashboard/screen?asOf=${earlier}`);

  // A month that is not reported is ignored: the latest is shown.
  await page.goto('/dashboard?asOf=2099-01');
  await expect(page.getByTestId('investment-as-of').getByTestId('as-of-month')).toHaveAttribute('data-month', values[0]!);
});
