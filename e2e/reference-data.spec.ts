import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { storageState } from './users';

test.use({ storageState: storageState('dispatch') });

const stamp = Date.now().toString(36);
const UNIT = `地区应急管理局${stamp}`;
const RENAMED = `塔城地区应急管理局${stamp}`;
const PROJECT = 'TC2025-007';

async function openProject(page: Page, code: string) {
  await page.goto(`/projects?q=${encodeURIComponent(code)}`);
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText(code);
}

test('the dispatch office creates a unit, assigns it to a project, renames it, and cannot delete it while in use', async ({ page }) => {
  // The admin menu leads to the page.
  await page.goto('/dashboard');
  await page.getByRole('link', { name: '基础数据' }).first().click();
  await expect(page.getByRole('heading', { name: '基础数据维护' })).toBeVisible();

  // Create a responsible unit.
  const form = page.getByTestId('create-entry');
  await form.getByLabel('中文名称').fill(UNIT);
  await form.getByTestId('create-submit').click();
  await expect(page.getByTestId('create-message')).toContainText(UNIT);
  const row = page.getByTestId(`entry-row-${UNIT}`);
  await expect(row).toContainText('未使用');

  // A duplicate name is refused with a message on the field.
  await form.getByLabel('中文名称').fill(UNIT);
  await form.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-nameZh')).toContainText('已有同名条目');

  // Assign it as a project's responsible unit.
  await openProject(page, PROJECT);
  const projectPath = new URL(page.url()).pathname;
  await page.getByTestId('edit-project').click();
  await page.getByTestId('project-form').locator('#responsibleUnitId').selectOption({ label: UNIT });
  await page.getByTestId('project-submit').click();
  await expect(page).toHaveURL(new RegExp(`${projectPath}$`));
  await expect(page.getByTestId('project-fields')).toContainText(UNIT);

  // Rename it: the project shows the new name.
  await page.goto('/admin/reference');
  await expect(row).toContainText('项目 1');
  await row.getByTestId('rename').click();
  const dialog = page.getByTestId('entry-dialog');
  await dialog.getByLabel('中文名称').fill(RENAMED);
  await dialog.getByTestId('entry-submit').click();
  const renamed = page.getByTestId(`entry-row-${RENAMED}`);
  await expect(renamed).toBeVisible();
  await page.goto(projectPath);
  await expect(page.getByTestId('project-fields')).toContainText(RENAMED);

  // In use: it cannot be deleted, and the refusal says where it is used.
  await page.goto('/admin/reference');
  await renamed.getByTestId('delete').click();
  await dialog.getByTestId('entry-submit').click();
  await expect(dialog.getByTestId('entry-error')).toContainText('正在使用中');
  await expect(dialog.getByTestId('entry-error')).toContainText('项目 1 个');
  await page.screenshot({ path: path.join(process.env.E2E_OUTPUT_DIR ?? 'test-results', 'reference-in-use.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(renamed).toBeVisible();

  // Retired, it stays on the project but is no longer offered to another one.
  await renamed.getByTestId('retire').click();
  await dialog.getByTestId('entry-submit').click();
  await expect(renamed).toContainText('已停用');
  await page.goto(projectPath);
  await expect(page.getByTestId('project-fields')).toContainText(RENAMED);
  await openProject(page, 'TC2025-001');
  await page.getByTestId('edit-project').click();
  await expect(page.getByTestId('project-form').locator('#responsibleUnitId option', { hasText: RENAMED })).toHaveCount(0);
});

test('a viewer does not find the page', async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageState('viewer') });
  const page = await ctx.newPage();
  const res = await page.goto('/admin/reference');
  expect(res?.status()).toBe(404);
  await ctx.close();
});

// Screenshots of the page, desktop and phone, in both languages (looked at by hand; not an assertion).
for (const locale of ['zh-CN', 'en'] as const) {
  for (const [device, width] of [
    ['desktop', 1280],
    ['phone', 390],
  ] as const) {
    test(`screenshot ${locale} ${device}`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await page.setViewportSize({ width, height: 900 });
      const dir = process.env.E2E_OUTPUT_DIR ?? 'test-results';
      await page.goto('/admin/reference');
      await expect(page.locator('h1')).toBeVisible();
      await page.screenshot({ path: path.join(dir, `reference-${locale}-${device}.png`), fullPage: true });
      await page.goto('/admin/reference?tab=category');
      await page.locator('[data-testid="merge"]:visible').first().click();
      await expect(page.getByTestId('entry-dialog')).toBeVisible();
      await page.screenshot({ path: path.join(dir, `reference-${locale}-${device}-merge.png`) });
      await page.goto('/admin/reference?tab=leader');
      await page.screenshot({ path: path.join(dir, `reference-${locale}-${device}-leaders.png`), fullPage: true });
    });
  }
}
