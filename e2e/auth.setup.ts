import { expect, test as setup } from '@playwright/test';
import { DEMO_PASSWORD, ROLES, type RoleKey, storageState } from './users';

// Signs in once per role through the real form and keeps the session for the other specs.
for (const role of Object.keys(ROLES) as RoleKey[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(ROLES[role]);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    // Each role lands where its work is (lib/auth/landing.ts): a project lead at 我的工作.
    if (role === 'department') {
      await expect(page).toHaveURL(/\/procedures$/);
      await expect(page.getByRole('heading', { level: 1, name: '本部门待办手续' })).toBeVisible();
    } else if (role === 'lead') {
      await expect(page).toHaveURL(/\/inbox$/);
      await expect(page.getByRole('heading', { level: 1, name: '我的工作' })).toBeVisible();
    } else {
      await expect(page).toHaveURL(/\/dashboard/);
      await expect(page.getByRole('heading', { name: '领导驾驶舱' })).toBeVisible();
    }
    await page.context().storageState({ path: storageState(role) });
  });
}
