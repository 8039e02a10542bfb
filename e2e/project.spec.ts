import { type Browser, expect, type Page, test } from '@playwright/test';
import { hydrated, storageState } from './users';

/** Opens a project from the registry by its code, as a user would. */
async function openProject(page: Page, code: string) {
  await page.goto(`/projects?q=${encodeURIComponent(code)}`);
  await page.getByTestId('registry-table').getByRole('link').first().click();
  await expect(page.getByTestId('project-code')).toContainText(code);
}

async function projectUrl(browser: Browser, code: string): Promise<string> {
  const ctx = await browser.newContext({ storageState: storageState('dispatch') });
  const page = await ctx.newPage();
  await openProject(page, code);
  const url = new URL(page.url()).pathname;
  await ctx.close();
  return url;
}

test.describe('the project page', () => {
  test.use({ storageState: storageState('viewer') });

  test('shows every registry field with its source, the milestones and the history', async ({ page }) => {
    await openProject(page, 'TC2025-004');
    const fields = page.getByTestId('project-fields');
    for (const label of [
      '项目名称',
      '类别',
      '县市',
      '建设内容及规模',
      '总投资',
      '年度计划投资',
      '阶段',
      '包抓领导',
      '责任单位',
      '业主单位',
      '项目负责人',
    ]) {
      await expect(fields).toContainText(label);
    }
    await expect(page.getByTestId('source-report').first()).toBeVisible();
    await expect(page.getByTestId('source-demo').first()).toBeVisible();
    await expect(page.getByTestId('milestones')).toBeVisible();
    await expect(page.getByTestId('history-list')).toBeVisible();
  });

  test('a viewer sees no edit controls', async ({ page }) => {
    await openProject(page, 'TC2025-001');
    await expect(page.getByTestId('edit-project')).toHaveCount(0);
    await expect(page.locator('[data-testid^="edit-milestone-"]')).toHaveCount(0);
  });

  test('a missing project or a malformed id shows a proper not-found page', async ({ page }) => {
    for (const path of ['/projects/999999', '/projects/abc', '/projects/1e3']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId('not-found')).toBeVisible();
    }
  });
});

test.describe('scope', () => {
  test.use({ storageState: storageState('county') });

  test('a county user cannot open another county’s project by guessing its URL', async ({ page, browser }) => {
    const url = await projectUrl(browser, 'TC2025-001');
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  });
});

test.describe('milestones', () => {
  test.use({ storageState: storageState('lead') });

  test('the lead updates a milestone of their own project and sees it in the history', async ({ page }) => {
    await openProject(page, 'TC2025-001');
    const note = `现场复核完成 ${Date.now()}`;
    await page.locator('[data-testid^="edit-milestone-"]').first().click();
    const form = page.getByTestId('milestone-form');
    await expect(form).toBeVisible();
    await form.getByLabel('预计完成日期').fill('2027-06-30');
    await form.getByLabel('备注').fill(note);
    await page.getByTestId('milestone-submit').click();
    await expect(page.getByTestId('project-fields')).toBeVisible();
    await expect(page.getByTestId('history-list')).toContainText(note);
    await expect(page.getByTestId('history-list')).toContainText('刘洋');
  });

  test('the lead cannot touch another lead’s project', async ({ page }) => {
    await openProject(page, 'TC2025-006');
    await expect(page.locator('[data-testid^="edit-milestone-"]')).toHaveCount(0);
    await expect(page.getByTestId('edit-project')).toHaveCount(0);
  });

  test('a second browser with a stale copy gets the conflict message and can reload and retry', async ({ page, browser }) => {
    await openProject(page, 'TC2025-003');
    const editLink = page.locator('[data-testid^="edit-milestone-"]').first();
    const href = await editLink.getAttribute('href');
    expect(href).toMatch(/^\/projects\/\d+\/milestones\/\d+\/edit$/);

    const other = await browser.newContext({ storageState: storageState('lead') });
    const stale = await other.newPage();
    await stale.goto(href!);
    await expect(stale.getByTestId('milestone-form')).toBeVisible();
    await hydrated(stale);

    await page.goto(href!);
    await hydrated(page);
    const first = `第一次保存 ${Date.now()}`;
    await page.getByTestId('milestone-form').getByLabel('备注').fill(first);
    await page.getByTestId('milestone-submit').click();
    await expect(page.getByTestId('history-list')).toContainText(first);

    await stale.getByTestId('milestone-form').getByLabel('备注').fill('第二次保存（旧副本）');
    await stale.getByTestId('milestone-submit').click();
    await expect(stale.getByTestId('conflict-message')).toBeVisible();
    await expect(stale.getByTestId('conflict-message')).toContainText(first);

    // The first write survived.
    await page.reload();
    await expect(page.getByTestId('history-list')).toContainText(first);
    await expect(page.getByTestId('history-list')).not.toContainText('第二次保存');

    await stale.getByTestId('conflict-reload').click();
    await expect(stale.getByTestId('milestone-form').getByLabel('备注')).toHaveValue(first);
    await stale.getByTestId('milestone-form').getByLabel('备注').fill('重新加载后保存');
    await stale.getByTestId('milestone-submit').click();
    await expect(stale.getByTestId('history-list')).toContainText('重新加载后保存');
    await other.close();
  });
});

test.describe('the dispatch office', () => {
  test.use({ storageState: storageState('dispatch') });

  test('may edit any project and its milestones', async ({ page }) => {
    await openProject(page, 'TC2025-006');
    await expect(page.getByTestId('edit-project')).toBeVisible();
    await expect(page.locator('[data-testid^="edit-milestone-"]').first()).toBeVisible();
  });
});
