import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, ROLES, storageState } from './users';

// A project lead at a remote site: what is typed survives a reload, a save while the network
// is down completes by itself when it is back, and a save after the session ended completes
// after signing in again. Nothing typed is lost on the way.

test.use({ storageState: storageState('lead') });

async function openMilestoneForm(page: Page, code: string): Promise<string> {
  await page.goto(`/projects?q=${encodeURIComponent(code)}`);
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText(code);
  await page.locator('[data-testid^="edit-milestone-"]').first().click();
  await expect(page.getByTestId('milestone-form')).toBeVisible();
  return new URL(page.url()).pathname;
}

test('typed input survives a reload, and a save made offline completes when the network is back', async ({ page, context }) => {
  await openMilestoneForm(page, 'TC2025-001');
  const note = `离线填写 ${Date.now()}`;
  const noteField = page.getByTestId('milestone-form').getByLabel('备注');
  await noteField.fill(note);
  // Kept as typed: a reload (or a crash) brings it back, and says so.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toContainText('已恢复您未保存的内容');
  await expect(noteField).toHaveValue(note);

  // The network goes down; the save stays on the form and says what will happen.
  await context.setOffline(true);
  await page.getByTestId('milestone-submit').click();
  await expect(page.getByTestId('save-offline')).toContainText('网络中断，已保存在本机');
  await expect(noteField).toHaveValue(note);
  await expect(page.getByTestId('error-page')).toHaveCount(0);

  // The network is back: the save goes through by itself.
  await context.setOffline(false);
  await expect(page.getByTestId('history-list')).toContainText(note, { timeout: 30_000 });

  // Saved once, and the kept copy is gone: the form opens clean.
  await page.locator('[data-testid^="edit-milestone-"]').first().click();
  await expect(page.getByTestId('milestone-form')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});

test('a save after the session ended completes after signing in again', async ({ browser }) => {
  // A session of its own, so that ending it does not end the other specs' shared one.
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(ROLES.lead);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/(dashboard|inbox)/);

  const formPath = await openMilestoneForm(page, 'TC2025-001');
  const note = `会话过期后保存 ${Date.now()}`;
  await page.getByTestId('milestone-form').getByLabel('备注').fill(note);
  await page.waitForTimeout(600);

  // The session ends (expired, or revoked elsewhere): the cookies are gone.
  await ctx.clearCookies();
  await page.getByTestId('milestone-submit').click();
  const signedOut = page.getByTestId('save-signed-out');
  await expect(signedOut).toContainText('登录已过期');
  await signedOut.getByRole('link', { name: '重新登录' }).click();

  await page.getByLabel('用户名').fill(ROLES.lead);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // Back on the same form; the kept input is restored and the save completes by itself.
  await expect(page).toHaveURL(new RegExp(formPath.replace(/\//g, '\\/')));
  await expect(page.getByTestId('history-list')).toContainText(note, { timeout: 30_000 });
  await ctx.close();
});

test('kept input can be thrown away: the form goes back to the saved values, and stays so after a reload', async ({ page }) => {
  await openMilestoneForm(page, 'TC2025-002');
  const noteField = page.getByTestId('milestone-form').getByLabel('备注');
  const saved = await noteField.inputValue();
  await noteField.fill(`不要的内容 ${Date.now()}`);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await page.getByTestId('draft-restored').getByRole('button', { name: '放弃这些内容' }).click();
  await expect(noteField).toHaveValue(saved);
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('milestone-form')).toBeVisible();
  await expect(noteField).toHaveValue(saved);
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});
