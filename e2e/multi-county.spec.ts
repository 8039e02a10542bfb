import { expect, type Page, test } from '@playwright/test';
import { listSettled, storageState } from './users';

/**
 * Projects that cross counties (issue 14 §3). The report's 塔额 750千伏输变电工程 touches 塔城市
 * and 额敏县 (the prefecture is responsible: 地区级); S317 裕民—托里 touches 裕民县 and 托里县.
 */
const rows = (page: Page) => page.getByTestId('registry-table').locator('tbody tr');
const totalOf = async (page: Page) => Number((await page.getByTestId('registry-total').innerText()).replace(/\D/g, ''));

test.describe('as the 额敏县 viewer', () => {
  test.use({ storageState: storageState('county') });

  test('sees the 750 kV line in the registry and opens it: its counties and its responsible level', async ({ page }) => {
    await page.goto('/projects?q=750');
    await listSettled(page);
    expect(await totalOf(page)).toBe(1);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('塔额750千伏输变电工程');
    await expect(rows(page).first()).toContainText('塔城市、额敏县');

    await rows(page).first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('塔额750千伏输变电工程');
    const counties = page.getByTestId('project-counties');
    await expect(counties).toContainText('塔城市、额敏县');
    await expect(counties).toContainText('跨县项目');
    await expect(page.getByTestId('project-fields')).toContainText('地区级');
  });

  test('does not see S317 裕民—托里 (it does not touch 额敏县)', async ({ page }) => {
    await page.goto(`/projects?q=${encodeURIComponent('S317')}`);
    await listSettled(page);
    expect(await totalOf(page)).toBe(0);
  });
});

test.describe('as the prefecture viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('the dashboard counts a shared project in each county it touches, and says so', async ({ page }) => {
    await page.goto('/dashboard');
    const chart = page.getByTestId('chart-by-county');
    await expect(chart.getByTestId('cross-county-note')).toContainText('跨县项目计入所涉各县，合计不重复计算');
    // The registry filtered by 塔城市 holds the line, which the prefecture is responsible for.
    await page.goto('/projects?q=750');
    await listSettled(page);
    await expect(rows(page).first()).toContainText('塔城市、额敏县');
  });
});
