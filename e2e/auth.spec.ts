import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './users';

test.describe('sign-in', () => {
  test('a wrong password is refused with a message, and the form keeps the username', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('viewer');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
    await expect(page.getByLabel('用户名')).toHaveValue('viewer');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a signed-out visitor is sent to sign in and comes back to the page asked for', async ({ page }) => {
    await page.goto('/projects?stage=construction');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('用户名').fill('viewer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/projects\?stage=construction/);
  });

  test('signing out ends the session at once, even for a copy of the cookie', async ({ page, browser }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('viewer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toContainText('查看者');
    const stolen = await page.context().cookies();

    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/login/);

    const other = await browser.newContext();
    await other.addCookies(stolen);
    const p2 = await other.newPage();
    await p2.goto('/projects');
    await expect(p2).toHaveURL(/\/login/);
    await other.close();
  });
});
