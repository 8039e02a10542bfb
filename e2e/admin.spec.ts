import { expect, test } from '@playwright/test';
import { storageState } from './users';

test.describe('user administration', () => {
  test.use({ storageState: storageState('admin') });

  test('the administrator creates a user, and disabling them ends their session at once', async ({ page, browser }) => {
    const username = `e2e_${Date.now().toString(36)}`;
    const password = 'Site2025check';
    await page.goto('/admin/users');
    await page.getByTestId('new-user').click();
    const form = page.getByTestId('user-form');
    await form.locator('#username').fill(username);
    await form.locator('#displayName').fill('测试 用户');
    await form.locator('#role').selectOption('viewer');
    await form.locator('#password').fill(password);
    await page.getByTestId('user-form-submit').click();
    await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();

    // The new user signs in in another browser.
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await ctx.newPage();
    await theirs.goto('/login');
    await theirs.getByLabel('用户名').fill(username);
    await theirs.getByLabel('密码').fill(password);
    await theirs.getByRole('button', { name: '登录' }).click();
    await expect(theirs.getByRole('heading', { name: '领导驾驶舱' })).toBeVisible();

    // The administrator disables them.
    await page.getByTestId(`user-row-${username}`).getByRole('link').first().click();
    await page.getByTestId('disable-user').click();
    await page.getByTestId('confirm-disable').click();
    await expect(page.getByTestId('enable-user')).toBeVisible();

    // Their very next request is refused.
    await theirs.goto('/projects');
    await expect(theirs).toHaveURL(/\/login/);
    await ctx.close();
  });

  test('non-administrators do not see user management', async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: storageState('dispatch') });
    const page = await ctx.newPage();
    await page.goto('/projects');
    await expect(page.getByRole('link', { name: '用户管理' })).toHaveCount(0);
    const res = await page.goto('/admin/users');
    expect(res?.status()).toBe(404);
    await ctx.close();
  });
});
