import { expect, test } from '@playwright/test';
import { storageState } from './users';

test.use({ storageState: storageState('viewer') });

test('the interface is Chinese by default and the English switch is remembered', async ({ page }) => {
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: '项目库' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: 'Project registry' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Money is formatted for the language: CNY in English.
  await expect(page.getByTestId('registry-table')).toContainText('CNY');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Project registry' })).toBeVisible();

  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { name: '项目库' })).toBeVisible();
  await expect(page.getByTestId('registry-table')).toContainText(/亿元|万元/);
});
