import { expect, test } from '@playwright/test';
import { storageState } from './users';

// Issue 14 §5: the end-to-end deployment runs with the demo set, so every page of the signed-in
// app says 示例数据 (Demo data in English) and the 大屏 carries the badge; the demo people are named
// as examples. (Without the set there is no mark: lib/demo/marker.test.ts, lib/seed tests.)

const PAGES = ['/dashboard', '/projects', '/reports', '/problems', '/lights', '/meetings', '/inbox'];

test.describe('as the office', () => {
  test.use({ storageState: storageState('dispatch') });

  test('every page says the data is an example, in the user’s language', async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByTestId('demo-banner'), path).toContainText('示例数据');
    }
    await expect(page.getByTestId('current-user')).toContainText('示例');
    await page.goto('/dashboard/screen');
    await expect(page.getByTestId('demo-banner')).toHaveText('示例数据');

    await page.goto('/projects');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('demo-banner')).toContainText('Demo data');
  });
});

test.describe('as a county viewer', () => {
  test.use({ storageState: storageState('county') });

  test('the mark is there for every role', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByTestId('demo-banner')).toContainText('示例数据');
  });
});
