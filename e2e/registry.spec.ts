import { expect, type Page, test } from '@playwright/test';
import { listSettled, storageState } from './users';

const rows = (page: Page) => page.getByTestId('registry-table').locator('tbody tr');
const totalOf = async (page: Page) => Number((await page.getByTestId('registry-total').innerText()).replace(/\D/g, ''));

test.describe('the registry as the dispatch office', () => {
  test.use({ storageState: storageState('dispatch') });

  test('filters by category, and the filtered view lives in the URL', async ({ page }) => {
    await page.goto('/projects');
    const all = await totalOf(page);
    expect(all).toBeGreaterThanOrEqual(25);

    await expect(page.getByRole('search')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('filter-category').locator('summary').click();
    await page.getByTestId('filter-category').getByLabel('风电', { exact: true }).click();
    await expect(page).toHaveURL(/category=wind(?!_)/);
    // The URL changes before the server's answer arrives: wait for the total to follow.
    await expect.poll(() => totalOf(page)).toBeLessThan(all);
    await listSettled(page);
    const filtered = await totalOf(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    for (const cell of await rows(page).locator('td:nth-child(3)').all()) await expect(cell).toHaveText('风电');

    // A bookmarked link opens the same view.
    const url = page.url();
    const fresh = await page.context().newPage();
    await fresh.goto(url);
    await expect(fresh.getByTestId('registry-total')).toHaveText(await page.getByTestId('registry-total').innerText());
    await fresh.close();
  });

  test('searches by name and by code', async ({ page }) => {
    await page.goto('/projects');
    await expect(page.getByRole('search')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('registry-search').fill('水库');
    await expect(page).toHaveURL(/q=/);
    await listSettled(page);
    await expect(rows(page).first()).toContainText('水库');
    for (const name of await rows(page).locator('td:nth-child(2)').allInnerTexts()) expect(name).toContain('水库');

    await page.goto('/projects?q=TC2025-001');
    await expect(rows(page)).toHaveCount(1);
  });

  test('sorts by total investment, descending, on the server', async ({ page }) => {
    await page.goto('/projects');
    await page.getByRole('button', { name: '总投资' }).click();
    await expect(page).toHaveURL(/sort=totalInvestment\.asc/);
    await page.getByRole('button', { name: '总投资' }).click();
    await expect(page).toHaveURL(/sort=totalInvestment\.desc/);
    await listSettled(page);
    await expect(page.getByRole('columnheader', { name: /总投资/ })).toHaveAttribute('aria-sort', 'descending');
    // Total investment is the 9th cell (code, name, category, county, stage, pipeline stage, status, light, total).
    const values = await rows(page).locator('td:nth-child(9)').allInnerTexts();
    const wan = values
      .map((v) => (v.includes('亿元') ? parseFloat(v.replace(/,/g, '')) * 10000 : parseFloat(v.replace(/,/g, ''))))
      .filter(Number.isFinite); // a project without a total shows "—", sorted last
    expect(wan.length).toBeGreaterThan(1);
    const sorted = [...wan].sort((a, b) => b - a);
    expect(wan).toEqual(sorted);
  });

  test('pages through the results', async ({ page }) => {
    await page.goto('/projects?size=10');
    const total = await totalOf(page);
    await expect(rows(page)).toHaveCount(10);
    const firstPage = await rows(page).first().innerText();
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await listSettled(page);
    await expect(page.getByTestId('page-info')).toHaveText(`第 11–${Math.min(20, total)} 条，共 ${total} 条`);
    expect(await rows(page).first().innerText()).not.toEqual(firstPage);
    await page.goBack();
    await expect(page.getByTestId('page-info')).toHaveText(`第 1–10 条，共 ${total} 条`);
  });

  test('a malformed URL still opens the registry', async ({ page }) => {
    await page.goto('/projects?page=-4&size=9999&sort=drop_table.x&stage=nonsense');
    await expect(page.getByRole('heading', { name: '项目库' })).toBeVisible();
    await expect(rows(page).first()).toBeVisible();
  });

  test('the office may create projects', async ({ page }) => {
    await page.goto('/projects');
    await expect(page.getByRole('link', { name: '新建项目' })).toBeVisible();
  });
});

test.describe('scope', () => {
  test.describe('as the Emin viewer', () => {
    test.use({ storageState: storageState('county') });
    test('only projects touching Emin, and another county filter in the URL shows nothing more', async ({ page }) => {
      await page.goto('/projects?size=100');
      const total = await totalOf(page);
      expect(total).toBeGreaterThan(0);
      // Each row touches 额敏县: its own projects, and the 塔额 750 kV line that crosses 塔城市 and 额敏县.
      const cells = await rows(page).locator('td:nth-child(4)').allInnerTexts();
      for (const cell of cells) expect(cell.split('、')).toContain('额敏县');
      expect(cells).toContain('塔城市、额敏县');
      await expect(page.getByTestId('filter-county')).toHaveCount(0);
      await expect(page.getByRole('link', { name: '新建项目' })).toHaveCount(0);
    });
  });

  test.describe('as a viewer', () => {
    test.use({ storageState: storageState('viewer') });
    test('no create button', async ({ page }) => {
      await page.goto('/projects');
      await expect(page.getByRole('heading', { name: '项目库' })).toBeVisible();
      await expect(page.getByRole('link', { name: '新建项目' })).toHaveCount(0);
    });
  });
});
